// Imported first by main.tsx, so it runs before any other module of the page can read
// the address: the token leaves the address bar before anything else sees it.
import { currentTokenPage, takeLaunchToken } from './launch-token';

const page = currentTokenPage();
if (page) takeLaunchToken(page);
