/** What the settings store tells the user, in one place. */
export const settingsMessages = {
  unreadable: (file: string, reason: string) =>
    `Berth could not read its settings (${file}: ${reason}) and is using the defaults.`,
  notJson: (reason: string) => `it is not valid JSON (${reason})`,
  invalidValues: (details: string) => `some values are invalid: ${details.replace(/\n+/g, '; ')}`,
  corrupt: (file: string, why: string, aside: string) =>
    `Berth's settings file ${file} could not be used (${why}). It was kept as ${aside} and the defaults are in use.`,
  corruptNotMoved: (file: string, why: string, reason: string) =>
    `Berth's settings file ${file} could not be used (${why}) nor moved aside (${reason}). The defaults are in use.`,
  invalidPatch: (details: string) => `These settings are not valid: ${details.replace(/\n+/g, '; ')}`,
  notSaved: (file: string, reason: string) => `Berth could not save its settings to ${file}: ${reason}`,
  writeTimedOut: (ms: number) =>
    `the write did not finish within ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`} (is the data folder on a network or unusual filesystem?)`,
  nothingWritten: 'the filesystem accepted no bytes (is it full or read-only?)',
};
