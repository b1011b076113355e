const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: { path: join(__dirname, '../dist/api') },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      // dist/api/package.json (+ package-lock.json): exactly the packages the bundle requires, at the
      // root lockfile's versions. The image installs its production dependencies from these.
      generatePackageJson: true,
      // The container health check (HTTP readiness, or the heartbeat file of workers), plain Node without the app.
      assets: [{ input: './src', glob: 'healthcheck.mjs', output: '.' }],
      sourceMap: true,
      // Reads the DTOs' types and doc comments into the OpenAPI document.
      transformers: [{ name: '@nestjs/swagger/plugin', options: { classValidatorShim: true, introspectComments: true } }],
    }),
  ],
};
