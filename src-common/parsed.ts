// The result of parsing one form field: the value, or the message to show under the field.

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Long input cut to a length a message under a field can hold. */
export function show(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
