// First: takes the token out of the address bar before any other module runs.
import './api/launch-token-boot';
import { api, leaveWithoutToken } from './api/client';
import { subscribeEarly } from './api/early-streams';
import { sidebarCollapsed } from './shell/sidebar-collapsed';

// The page's entry is kept small on purpose: it signs the socket in and asks for the first
// screen's streams while the browser is still fetching and running the app's code (see
// early-streams.ts); the app itself is start-app.tsx, fetched alongside this script.
if (!leaveWithoutToken()) {
  performance.mark('berth:entry');
  const early = subscribeEarly(api, { 'engine.status': {}, 'containers.changes': {} });
  // What the first render would otherwise wait for on the main thread (the first read of
  // localStorage, see sidebar-collapsed.ts), done while the app's code is still arriving: a
  // task of its own, after the socket's.
  setTimeout(sidebarCollapsed);
  import('./start-app').then(
    ({ startApp }) => startApp(early),
    // Cut off in flight (see public/load-guard.js): the guard reloads the page, as for the entry.
    () => window.dispatchEvent(new Event('berth:app-load-failed')),
  );
}
