// Imported first by main.tsx, so it runs before any other module of the page can read
// the address: the token leaves the address bar before anything else sees it.
import { currentTokenPage, saveLaunchToken, takeLaunchToken } from './launch-token';

const page = currentTokenPage();
if (page) {
  takeLaunchToken(page);
  // Kept for a reload (the load guard's included) or a restored tab: written on the way out
  // if the first screen (start-app.tsx) has not written it yet.
  window.addEventListener('pagehide', () => saveLaunchToken(page));
}
