const nxPreset = require('@nx/jest/preset').default;

// Integration suites create a database and run every migration in beforeAll; on a loaded two-core
// machine that can take longer than Jest's 5 s default, which then fails a whole file at random.
module.exports = { ...nxPreset, testTimeout: 30_000 };
