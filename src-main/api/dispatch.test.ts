import { describe, expect, it } from 'vitest';
import { emptyRunForm } from '../../src-common/run-spec';
import { createCannedHandlers } from '../server/testing/canned-handlers';
import { dispatchCall } from './dispatch';

describe('dispatchCall refusing a request', () => {
  it('says what is wrong in the user\'s words and names the field, not "run.start: form.command: Too big…"', async () => {
    const form = { ...emptyRunForm('busybox'), command: 'x'.repeat(100 * 1024) };
    expect(await dispatchCall(createCannedHandlers(), 'run.start', { form })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'The command is too long: at most 16,384 characters.', field: 'form.command' },
    });
  });

  it('words other refusals with the field too', async () => {
    const outcome = await dispatchCall(createCannedHandlers(), 'containers.stop', { id: 'web-1', timeoutSeconds: 'soon' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'timeoutSeconds' } });
    if (!outcome.ok) expect(outcome.error.message).toMatch(/^The timeout seconds is not valid \(/);
  });
});
