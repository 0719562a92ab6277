import type { CallOutcome } from '../api/dispatch';

/**
 * The JSON of each answer object, kept while the object lives. Identical reads in flight
 * share one engine answer and one checked value (dispatch.ts), so 200 callers of
 * `containers.list` at 1000 containers send one 0.5 MB encoding, not 200 of them — on the
 * thread that also answers everyone else.
 */
const encodedValues = new WeakMap<object, string>();

/** A call's result message as sent on the socket (`{ t: 'result', id, ok, value | error }`). */
export function encodeCallResult(id: number, outcome: CallOutcome): string {
  if (outcome.ok && typeof outcome.value === 'object' && outcome.value !== null) {
    let json = encodedValues.get(outcome.value);
    if (json === undefined) {
      json = JSON.stringify(outcome.value);
      encodedValues.set(outcome.value, json);
    }
    return `{"t":"result","id":${JSON.stringify(id)},"ok":true,"value":${json}}`;
  }
  return JSON.stringify({ t: 'result', id, ...outcome });
}
