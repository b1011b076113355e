// ts-jest AST transformer: the @nestjs/swagger CLI plugin, as api/webpack.config.js applies it to the
// build, so the OpenAPI document the fuzz test walks has the same DTO properties as production's.
const plugin = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-plugin';
module.exports.version = 1;
module.exports.factory = (compiler) => plugin.before({ classValidatorShim: true, introspectComments: true }, compiler.program);
