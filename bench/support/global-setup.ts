import { buildAll } from '../../scripts/build.mjs';
import { closeFixtureClient, ensureBusyboxImage } from '../../src-main/test-support/engine-fixtures';
import { removeBenchObjects } from './bench-objects';

// The benches measure the built app, as a user gets it, starting from no bench leftovers.
export default async function globalSetup(): Promise<void> {
  await buildAll();
  await ensureBusyboxImage();
  await removeBenchObjects();
  closeFixtureClient();
}
