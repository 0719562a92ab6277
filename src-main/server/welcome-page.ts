import { WELCOME_PATH } from '../../src-common/contract/index';
import { serverText } from './messages';

/** What the page needs to tell a person how this very server was started. */
export interface LaunchInfo {
  /** The command line as typed, e.g. `npm run serve -- --port 7420`. */
  command: string;
}

export { WELCOME_PATH };
export const WELCOME_CSS_PATH = `${WELCOME_PATH}.css`;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The "how to get in" page: where Berth's page sends a tab that has no token (opened
 * without the address's #token=… part, or whose token a restarted server refused). It
 * names the real command and port and where the full address was printed, and carries
 * no secret itself. Plain HTML: no script, a stylesheet from this server (the CSP
 * allows nothing inline).
 */
export function renderWelcomePage(launch: LaunchInfo, origin: string, refused: boolean): string {
  const t = serverText.welcome;
  const paragraphs = [
    ...(refused ? [t.refused] : []),
    t.started(escapeHtml(launch.command), escapeHtml(origin)),
    t.printed(escapeHtml(`${serverText.running(`${origin}/#token=…`)}`)),
    t.perTab,
    t.lost,
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(t.title)}</title>`,
    `<link rel="stylesheet" href="${WELCOME_CSS_PATH}">`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(t.heading)}</h1>`,
    ...paragraphs.map((p) => `<p>${p}</p>`),
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
}

export const WELCOME_CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; display: grid; place-items: center; min-height: 100vh; background: light-dark(#f6f7f9, #16181d); color: light-dark(#1c1f24, #e6e8eb); }
main { max-width: 40rem; padding: 2rem; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
code { font-family: ui-monospace, monospace; background: light-dark(#e8eaee, #262a31); padding: 0.1rem 0.3rem; border-radius: 4px; overflow-wrap: anywhere; }
`;
