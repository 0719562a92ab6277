// First: takes the token out of the address bar before any other module runs.
import './api/launch-token-boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { FailureBoundary } from './shell/FailureBoundary';
import { api, leaveWithoutToken } from './api/client';
import { startLiveSync } from './store/live-sync';
import { useBerthStore } from './store/store';
import './styles.css';
import './legacy.css';

if (!leaveWithoutToken()) {
  startLiveSync(api, useBerthStore);
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
