import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-common/contract/errors';
import { toApiError, socketErrorText } from './engine-errors';

/** The shape docker-modem gives a non-2xx response. */
function httpError(statusCode: number, json: unknown, reason = 'server error') {
  return Object.assign(new Error(`(HTTP code ${statusCode}) ${reason} - whatever `), { statusCode, json, reason });
}
function socketError(code: string, message: string) {
  return Object.assign(new Error(message), { code, errno: -2, syscall: 'connect' });
}
const endpoint = {
  kind: 'unix' as const,
  address: '/var/run/docker.sock',
  source: 'platform default',
  tls: false,
  display: 'unix:///var/run/docker.sock',
};

describe('toApiError', () => {
  it('turns 409 into a conflict naming the object with the engine reason', () => {
    const reason =
      'You cannot remove a running container 8c3f. Stop the container before attempting removal or force remove';
    const err = toApiError(httpError(409, { message: reason }, 'conflict'), { action: 'remove', object: 'container web-1' });
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('conflict');
    expect(err.object).toBe('container web-1');
    expect(err.message).toBe(`Cannot remove container web-1: ${reason}`);
  });

  it('turns 304 into a conflict with the reason dockerode gives', () => {
    const err = toApiError(httpError(304, Buffer.alloc(0), 'container already started'), {
      action: 'start',
      object: 'container web-1',
    });
    expect(err.code).toBe('conflict');
    expect(err.message).toBe('Cannot start container web-1: container already started');
  });

  it('turns 404 into not-found', () => {
    const err = toApiError(httpError(404, { message: 'No such container: nope' }), {
      action: 'inspect',
      object: 'container nope',
    });
    expect(err.code).toBe('not-found');
    expect(err.message).toBe('Cannot inspect container nope: No such container: nope');
  });

  it.each(['ECONNREFUSED', 'ENOENT', 'EACCES', 'ECONNRESET'])('turns socket error %s into engine-unreachable', (code) => {
    const cause = socketError(code, `connect ${code} /var/run/docker.sock`);
    const err = toApiError(cause, { action: 'start', object: 'container web-1', endpoint });
    expect(err.code).toBe('engine-unreachable');
    expect(err.message).toBe(`Cannot reach the engine at unix:///var/run/docker.sock: connect ${code} /var/run/docker.sock`);
    expect(socketErrorText(err)).toBe(`connect ${code} /var/run/docker.sock`);
  });

  it('keeps anything else an engine-error with its text', () => {
    const err = toApiError(httpError(500, { message: 'driver failed programming external connectivity' }), {
      action: 'start',
      object: 'container web-1',
    });
    expect(err.code).toBe('engine-error');
    expect(err.message).toContain('driver failed programming external connectivity');
    expect(toApiError(new Error('boom'), { action: 'list containers' }).message).toBe('Cannot list containers: boom');
  });

  it('passes an ApiError through untouched', () => {
    const original = new ApiError('not-found', 'x');
    expect(toApiError(original, { action: 'y' })).toBe(original);
  });
});

describe('errors of streamed requests', () => {
  it('takes the engine reason from the message when the modem parsed no body', () => {
    const err = Object.assign(new Error('(HTTP code 500) server error - pull access denied for nope, repository does not exist '), {
      statusCode: 500,
      reason: 'server error',
    });
    const mapped = toApiError(err, { action: 'pull', object: 'image nope' });
    expect(mapped.message).toBe('Cannot pull image nope: pull access denied for nope, repository does not exist');
  });
});
