import { getJestProjectsAsync } from '@nx/jest';

/**
 * Every project's tests in one run, so scripts/test.mjs can report one total. `testTimeout` is a global
 * option: in a multi-project run the presets' value does not count, so it is set here too (a loaded
 * two-core machine can take longer than Jest's 5 s default for a database-backed or Angular test).
 */
export default async () => ({ projects: await getJestProjectsAsync(), testTimeout: 30_000 });
