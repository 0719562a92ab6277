import { describe, expect, it } from 'vitest';
import { createBuildOutput } from './build-output';

describe('build output', () => {
  it('splits stream text into lines across messages and follows the steps', () => {
    const out = createBuildOutput();
    expect(out.push({ stream: 'Step 1/3 : FROM berth-test/busybox:1\n' })).toEqual({
      lines: ['Step 1/3 : FROM berth-test/busybox:1'],
      step: { index: 1, total: 3, instruction: 'FROM berth-test/busybox:1' },
    });
    expect(out.push({ stream: ' ---> 1234\nStep 2/3 : RUN ec' }).lines).toEqual([' ---> 1234']);
    const second = out.push({ stream: 'ho hi\n' });
    expect(second.step).toEqual({ index: 2, total: 3, instruction: 'RUN echo hi' });
    expect(out.push({ stream: 'partial' }).lines).toEqual([]);
    expect(out.flush()).toEqual(['partial']);
    out.push({ aux: { ID: 'sha256:abc' } });
    expect(out.imageId).toBe('sha256:abc');
    expect(out.error).toBeNull();
  });

  it('reports errorDetail.message and keeps the failing step', () => {
    const out = createBuildOutput();
    out.push({ stream: 'Step 2/4 : RUN false\n' });
    const p = out.push({ errorDetail: { code: 1, message: "The command '/bin/sh -c false' returned a non-zero code: 1" }, error: 'x' });
    expect(p.lines).toEqual(["The command '/bin/sh -c false' returned a non-zero code: 1"]);
    expect(out.error).toMatch(/non-zero code: 1/);
    expect(out.step).toMatchObject({ index: 2, instruction: 'RUN false' });
  });

  it('falls back to "Successfully built" and shows pull status lines', () => {
    const out = createBuildOutput();
    expect(out.push({ status: 'Downloading', id: 'abc', progress: '[=>  ]' }).lines).toEqual(['abc: Downloading [=>  ]']);
    out.push({ stream: 'Successfully built 0123456789ab\r\n' });
    expect(out.imageId).toBe('0123456789ab');
  });
});
