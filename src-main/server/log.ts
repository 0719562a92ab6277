/**
 * Every server log line goes through this, so the token cannot reach a log even if
 * some message (an error from a library, say) happens to quote a URL with it.
 */
export function createRedactingLog(token: string, write: (line: string) => void): (line: string) => void {
  return (line) => write(line.split(token).join('[token]'));
}

export const writeToStderr = (line: string): void => {
  process.stderr.write(`${line}\n`);
};
