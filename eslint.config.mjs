import nx from '@nx/eslint-plugin';

// The Angular code: the app (web/src) and the web libraries. Not web/e2e (Playwright, no Angular).
const angularSources = ['web/src/**/*.ts', 'libs/web/**/src/**/*.ts'];
const angularTemplates = ['web/src/**/*.html', 'libs/web/**/src/**/*.html'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.angular', '**/tmp', '**/coverage', '**/*.json'],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            // Shared code is framework-free: it runs in the browser and in Node alike.
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: [
                '@nestjs/*',
                '@angular/*',
                'typeorm',
                'bullmq',
                'ioredis',
                'pg',
                'express',
                'rxjs',
                'node:*',
                'fs',
                'path',
              ],
            },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
              bannedExternalImports: ['@angular/*', '@jsverse/*'],
            },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
              bannedExternalImports: [
                '@nestjs/*',
                'typeorm',
                'bullmq',
                'ioredis',
                'pg',
                'express',
                'argon2',
                'class-validator',
                'class-transformer',
              ],
            },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util'] },
            // Web features do not import each other: what several share lives in data-access, ui or util, and
            // the app wires features together (the composer behind COMPOSER, the delivery panel behind
            // POST_DELIVERY_PANEL). The API's feature modules still import each other, so this is web only.
            { allSourceTags: ['scope:web', 'type:feature'], notDependOnLibsWithTags: ['type:feature'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // angular-eslint: recommended for the components' TypeScript, template recommended + accessibility for the
  // templates (external .html and the inline templates the processor pulls out of the .ts files).
  ...nx.configs['flat/angular'].map((config) => ({ ...config, files: angularSources })),
  ...nx.configs['flat/angular-template'].map((config) => ({ ...config, files: angularTemplates })),
  {
    files: angularSources,
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'kd', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'kd', style: 'kebab-case' }],
    },
  },
  // Type-aware rules for the Angular code: a promise nobody awaits or voids (router.navigate, dialogs) hides its
  // rejection. The project service finds each file's tsconfig (lib or spec) through the solution tsconfig.json.
  {
    files: angularSources,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // The same for the API and the shared rules: a floating promise in a worker or a controller loses its error.
  // Specs are left out (Jest awaits what matters; fixtures start servers on purpose), which keeps lint's CPU
  // cost to the production code.
  {
    files: ['api/src/**/*.ts', 'libs/api/**/src/**/*.ts', 'libs/shared/**/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // Test fixtures and test beds (testing/ folders, *.testing.ts) are for specs only: production code that
  // imported one would carry it into the bundle.
  {
    files: angularSources,
    ignores: ['**/*.spec.ts', '**/*.testing.ts', '**/testing/**', '**/test-setup.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)testing(/|$)|\\.testing$', message: 'Test fixtures are for specs only; keep them out of production code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'tools/**/*', '**/jest.config.ts', '**/webpack.config.js', 'web/e2e/**/*'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
