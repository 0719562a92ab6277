import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { FailureBoundary } from './shell/FailureBoundary';
import { loadResponseSchemasAfter, type ApiClient } from './api/client';
import { currentTokenPage, saveLaunchToken } from './api/launch-token';
import { prepareLocaleFormats } from './shared/locale-formats';
import { afterFirstScreen, afterNextPaint, whenFirstScreenReady } from './shell/after-first-screen';
import { startLiveSync } from './store/live-sync';
import { useBerthStore } from './store/store';
import './styles.css';

/**
 * The first render waits this long at most for what the first screen shows (see startApp).
 * Past it the page draws without it ("Loading…") and the data follows.
 */
const FIRST_RENDER_WAIT_MS = 400;

/**
 * The app proper, loaded by main.tsx once the first screen's streams are on their way.
 * `api` is main.tsx's client: its first subscriptions to those streams take over the
 * early ones, so what already arrived is in the store before the first render.
 */
export function startApp(api: ApiClient): void {
  // Start-up phases, named in traces and readable by benches (performance.getEntriesByType('mark')).
  performance.mark('berth:app-start');
  // Once the first render is on screen, not in an idle moment after it: a call's answer
  // waits for these schemas. Loaded as the list arrived, the import ran inside the first
  // render's task (~5 ms of it in a profile of the first open).
  let firstPainted = () => {};
  loadResponseSchemasAfter(new Promise<void>((resolve) => (firstPainted = resolve)));
  startLiveSync(api, useBerthStore);
  // The locale's date data, which the first screen does without (see locale-formats.ts).
  afterFirstScreen(prepareLocaleFormats);
  // Kept for a reload or a restored tab; not before the first screen (see launch-token.ts).
  afterFirstScreen(() => {
    const page = currentTokenPage();
    if (page) saveLaunchToken(page);
  });
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  // One render with the list rather than an empty page first and the list right after:
  // the list is usually in already or moments away (main.tsx asked for it first), and
  // a render of the empty page then held the main thread just as Chromium was handing
  // the list's 0.5 MB over in pieces, each of which needs that thread.
  let wait: ReturnType<typeof setTimeout> | undefined;
  void Promise.race([whenFirstScreenReady(), new Promise<void>((resolve) => (wait = setTimeout(resolve, FIRST_RENDER_WAIT_MS)))]).then(() => {
    clearTimeout(wait);
    performance.mark('berth:first-render');
    createRoot(root).render(
      <StrictMode>
        <FailureBoundary scope="app" resetKey="">
          <App />
        </FailureBoundary>
      </StrictMode>,
    );
    afterNextPaint(firstPainted);
  });
}
