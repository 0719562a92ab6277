import { StringDecoder } from 'node:string_decoder';

export interface JsonLinesParser {
  /** Feed the next chunk; complete lines are parsed and emitted at once. */
  push(chunk: Buffer | string): void;
  /** The stream ended: a last line without a newline is still a value. */
  end(): void;
}

/**
 * Incremental newline-delimited JSON, as `/events` and `/build` send it. Chunks may
 * split a line anywhere, even inside a multi-byte character, so bytes are decoded with
 * a StringDecoder and only whole lines are parsed.
 */
export function createJsonLinesParser(
  onValue: (value: unknown) => void,
  onBadLine: (line: string, error: Error) => void = () => {},
): JsonLinesParser {
  const decoder = new StringDecoder('utf8');
  let pending = '';

  const emitLine = (line: string) => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (err) {
      onBadLine(trimmed, err as Error);
      return;
    }
    onValue(value);
  };

  const drain = () => {
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      emitLine(line);
      newline = pending.indexOf('\n');
    }
  };

  return {
    push(chunk) {
      pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      drain();
    },
    end() {
      pending += decoder.end();
      drain();
      const rest = pending;
      pending = '';
      emitLine(rest);
    },
  };
}

/** Reads a whole JSON-lines stream (build output, pull progress) into its values. */
export function readJsonLines(stream: NodeJS.ReadableStream): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const values: unknown[] = [];
    const parser = createJsonLinesParser((v) => values.push(v));
    stream.on('data', (chunk: Buffer | string) => parser.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => {
      parser.end();
      resolve(values);
    });
  });
}
