/** Every line and page the browser-mode server shows a person, in one place. */
export const serverText = {
  unauthorizedSocket:
    "This tab's access token was refused: Berth was probably restarted, which gives it a new token. " +
    'Open the address it printed in its terminal.',
  /** The "how to get in" page (welcome-page.ts); parts are HTML with their values escaped already. */
  welcome: {
    title: 'Open Berth',
    heading: 'Berth needs the address with its access token',
    refused:
      "This tab's token was refused — Berth has been restarted since, and every start has a new token.",
    started: (command: string, origin: string) =>
      `Berth was started with <code>${command}</code> and is listening at <code>${origin}</code>.`,
    printed: (line: string) =>
      `Its full address was printed in the terminal where that command runs, in a line like <code>${line}</code>. ` +
      'Open that whole address, including everything after <code>#</code>.',
    perTab:
      'The token stays in the tab you open it in (a reload keeps it). A tab opened by hand with only ' +
      '<code>http://…/</code> has no token and lands here: open the printed address in it instead.',
    lost:
      'Cannot find the line any more? Stop Berth with Ctrl+C in that terminal and start it again: it prints a new address. ' +
      'To keep one address across restarts, set <code>BERTH_TOKEN</code> to a long random value (for example ' +
      '<code>openssl rand -hex 32</code>).',
  },  forbiddenHost:
    'Berth only answers requests addressed to this computer (127.0.0.1, localhost or [::1]) on its own port.',
  forbiddenOrigin: 'Berth only accepts WebSocket connections from its own page.',
  notFound: 'Not found.',
  methodNotAllowed: 'Berth serves its page with GET only; everything else goes over the WebSocket.',
  forbiddenDownload: 'Berth serves downloads only to its own page.',
  unauthorizedUpload: "An upload needs this tab's access token; reload the page from the address Berth printed.",
  uploadUnavailable: 'This upload is not open (it expired, or this file was already sent). Start the upload again.',
  uploadLength: 'An upload needs a Content-Length.',
  uploadSize: (expected: number, got: number) => `The file was announced with ${expected} bytes but ${got} are being sent.`,
  internal: 'Berth could not serve this file.',
  running: (url: string) => `Berth is running at ${url}`,
  stopping: 'Berth is stopping…',
  wsTooLarge: 'WebSocket client closed: a message was over the size limit.',
  wsSlowClient: 'WebSocket client closed: it was not reading its messages fast enough.',
  wsUnreadable: 'WebSocket client closed: it sent a message that is not JSON with an id.',
  wsBinary: 'WebSocket client closed: it sent a binary message that is not stream input.',
  wsUnauthorized: (why: string) => `WebSocket client refused: ${why}.`,
  wsTooManyConnections: 'WebSocket client refused: the server has as many connections as it allows.',
  invalidMessage: (issues: string) => `The message does not follow the Berth protocol: ${issues}`,
  duplicateStreamId: (id: number) => `Stream id ${id} is already open on this connection.`,
  tooManyStreams: (cap: number) =>
    `This connection already has ${cap} streams open, the most Berth allows; close one (a log view, a terminal) and try again.`,
  tooManyCalls: (cap: number) =>
    `This connection already has ${cap} requests waiting for an answer, the most Berth allows; try again when they are done.`,
  tooManyConnections: (cap: number) =>
    `Berth already has ${cap} pages connected, the most it allows; close a Berth tab and reload this one.`,
} as const;
