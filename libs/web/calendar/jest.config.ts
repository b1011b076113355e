export default {
  displayName: 'web-calendar',
  preset: '../../../jest.preset.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testEnvironment: 'jsdom',
  coverageDirectory: '../../../coverage/libs/web/calendar',
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
    ],
  },
  // @jsverse/utils (under Transloco) and FullCalendar with its date libraries ship ES modules as .js,
  // so they are transformed too.
  transformIgnorePatterns: [
    'node_modules/(?!(.*\\.mjs$|@jsverse/|fullcalendar/|@fullcalendar/|@full-ui/|temporal-polyfill/|temporal-utils/|temporal-spec/|preact/))',
  ],
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
};
