import { getJestProjectsAsync } from '@nx/jest';

/** Every project's tests in one run, so scripts/test.mjs can report one total. */
export default async () => ({ projects: await getJestProjectsAsync() });
