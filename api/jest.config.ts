export default {
  displayName: 'api',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: '<rootDir>/tsconfig.spec.json', astTransformers: { before: ['<rootDir>/swagger-plugin-transformer.js'] } },
    ],
    // openid-client (libs/api/connect) and its dependencies ship only ES modules; Jest's CommonJS runtime needs them compiled.
    '^.+/node_modules/(openid-client|oauth4webapi|jose)/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  coverageDirectory: '../coverage/api',
};
