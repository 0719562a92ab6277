// For tests of the form parsers: the parsed value, or the message, or a failure saying
// which of the two came instead.
import type { Parsed } from './parsed';

export const parsedValue = <T>(p: Parsed<T>): T => {
  if (!p.ok) throw new Error(`expected ok, got: ${p.message}`);
  return p.value;
};

export const parsedMessage = <T>(p: Parsed<T>): string => {
  if (p.ok) throw new Error(`expected a failure, got ${JSON.stringify(p.value)}`);
  return p.message;
};
