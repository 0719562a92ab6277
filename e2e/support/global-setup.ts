import { buildAll } from '../../scripts/build.mjs';
import { ensureBusyboxImage } from '../../src-main/test-support/engine-fixtures';

// The e2e run tests the built app, as a user gets it.
export default async function globalSetup(): Promise<void> {
  await buildAll();
  await ensureBusyboxImage();
}
