import { buildAll } from '../../scripts/build.mjs';
import { ensureBusyboxImage } from '../../src-main/test-support/engine-fixtures';

// The e2e run tests the built app, as a user gets it.
export default async function globalSetup(): Promise<void> {
  // With BERTH_E2E_DIST the caller built (and copied) the app itself; see berth-server.ts.
  if (!process.env.BERTH_E2E_DIST) await buildAll();
  await ensureBusyboxImage();
}
