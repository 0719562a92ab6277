import { describe, expect, it } from 'vitest';
import { FLOW_HIGH_WATER } from './flow';
import { flowWindowFor } from './stream-flow';

describe('flowWindowFor', () => {
  it('gives a terminal a small window so Ctrl+C is not queued behind output', () => {
    const terminal = flowWindowFor('terminal.session');
    expect(terminal.sent(100 * 1024)).toBe(true);
    expect(terminal.sent(40 * 1024)).toBe(false);
    expect(terminal.acked(1)).toBe(false);
    expect(terminal.acked(1)).toBe(true);
  });

  it('gives other streams the default window', () => {
    const logs = flowWindowFor('logs.follow');
    expect(logs.sent(FLOW_HIGH_WATER)).toBe(true);
    expect(logs.sent(1)).toBe(false);
    expect(flowWindowFor('no.such.stream').sent(FLOW_HIGH_WATER)).toBe(true);
  });
});
