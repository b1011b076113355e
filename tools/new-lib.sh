#!/usr/bin/env bash
# Lays down an Nx library's boilerplate: new-lib.sh <dir> <nx-name> <scope> <type> <env:node|angular>
set -euo pipefail
dir=$1; name=$2; scope=$3; type=$4; env=$5
depth=$(echo "$dir" | awk -F/ '{print NF}')
up=$(printf '../%.0s' $(seq 1 "$depth"))
mkdir -p "$dir/src"
cat > "$dir/project.json" <<JSON
{
  "name": "$name",
  "\$schema": "${up}node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "$dir/src",
  "projectType": "library",
  "tags": ["scope:$scope", "type:$type"],
  "targets": {
    "lint": { "executor": "@nx/eslint:lint" },
    "test": {
      "executor": "@nx/jest:jest",
      "outputs": ["{workspaceRoot}/coverage/{projectRoot}"],
      "options": { "jestConfig": "$dir/jest.config.ts" }
    }
  }
}
JSON
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "${up}tsconfig.base.json",
  "files": [],
  "include": [],
  "references": [{ "path": "./tsconfig.lib.json" }, { "path": "./tsconfig.spec.json" }]
}
JSON
if [ "$env" = angular ]; then
cat > "$dir/tsconfig.lib.json" <<JSON
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "outDir": "${up}dist/out-tsc", "types": [] },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts", "src/test-setup.ts"]
}
JSON
cat > "$dir/tsconfig.spec.json" <<JSON
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "outDir": "${up}dist/out-tsc", "module": "commonjs", "target": "es2022", "types": ["jest", "node"], "isolatedModules": true },
  "include": ["src/**/*.spec.ts", "src/test-setup.ts", "src/**/*.d.ts"]
}
JSON
cat > "$dir/src/test-setup.ts" <<TS
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv();
TS
cat > "$dir/jest.config.ts" <<TS
export default {
  displayName: '$name',
  preset: '${up}jest.preset.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testEnvironment: 'jsdom',
  coverageDirectory: '${up}coverage/$dir',
  transform: {
    '^.+\\\\.(ts|mjs|js|html)\$': ['jest-preset-angular', { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\\\.(html|svg)\$' }],
  },
  transformIgnorePatterns: ['node_modules/(?!.*\\\\.mjs\$)'],
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
};
TS
else
cat > "$dir/tsconfig.lib.json" <<JSON
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "outDir": "${up}dist/out-tsc", "module": "commonjs", "types": ["node"] },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts"]
}
JSON
cat > "$dir/tsconfig.spec.json" <<JSON
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "outDir": "${up}dist/out-tsc", "module": "commonjs", "moduleResolution": "node", "types": ["jest", "node"] },
  "include": ["src/**/*.spec.ts", "src/**/*.d.ts"]
}
JSON
cat > "$dir/jest.config.ts" <<TS
export default {
  displayName: '$name',
  preset: '${up}jest.preset.js',
  testEnvironment: 'node',
  transform: { '^.+\\\\.ts\$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  coverageDirectory: '${up}coverage/$dir',
};
TS
fi
