import { getJestProjectsAsync } from '@nx/jest';

/**
 * Every project's tests in one run, so scripts/test.mjs can report one total. `testTimeout` is a global
 * option: in a multi-project run the presets' value does not count, so it is set here too (a loaded
 * two-core machine can take longer than Jest's 5 s default for a database-backed or Angular test).
 * `workerIdleMemoryLimit`: a worker keeps every module and transform it loaded, so over ~600 test files
 * it passed Node's 4 GB heap (an out-of-memory crash in CI); past 1 GB Jest starts a fresh worker between
 * files. It also makes Jest use a worker on a two-core machine instead of running in its own process.
 */
export default async () => ({ projects: await getJestProjectsAsync(), testTimeout: 30_000, workerIdleMemoryLimit: '1GB' });
