// First: takes the token out of the address bar before any other module runs.
import './api/launch-token-boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { FailureBoundary } from './shell/FailureBoundary';
import { api, leaveWithoutToken, loadResponseSchemasAfter } from './api/client';
import { currentTokenPage, saveLaunchToken } from './api/launch-token';
import { afterFirstScreen, whenFirstScreenReady } from './shell/after-first-screen';
import { startLiveSync } from './store/live-sync';
import { useBerthStore } from './store/store';
import './styles.css';

if (!leaveWithoutToken()) {
  // Not after an idle moment: a call's answer waits for these schemas.
  loadResponseSchemasAfter(whenFirstScreenReady());
  startLiveSync(api, useBerthStore);
  // Kept for a reload or a restored tab; not before the first screen (see launch-token.ts).
  afterFirstScreen(() => {
    const page = currentTokenPage();
    if (page) saveLaunchToken(page);
  });
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <FailureBoundary scope="app" resetKey="">
        <App />
      </FailureBoundary>
    </StrictMode>,
  );
}
