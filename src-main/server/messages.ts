/** Every line and page the browser-mode server shows a person, in one place. */
export const serverText = {
  unauthorized:
    'Berth needs its access token. Open the address printed in the terminal where you ran "npm run serve" ' +
    '(it looks like http://127.0.0.1:7420/?token=…).',
  forbiddenHost:
    'Berth only answers requests addressed to this computer (127.0.0.1, localhost or [::1]) on its own port.',
  forbiddenOrigin: 'Berth only accepts WebSocket connections from its own page.',
  notFound: 'Not found.',
  methodNotAllowed: 'Berth serves its page with GET only; everything else goes over the WebSocket.',
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
  invalidMessage: (issues: string) => `The message does not follow the Berth protocol: ${issues}`,
  duplicateStreamId: (id: number) => `Stream id ${id} is already open on this connection.`,
} as const;
