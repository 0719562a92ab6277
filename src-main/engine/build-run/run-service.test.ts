import { describe, expect, it } from 'vitest';
import { fieldForEngineError } from './run-service';

describe('engine refusals land on the field they concern', () => {
  it.each([
    [
      'Cannot start container web: driver failed programming external connectivity on endpoint web (abc): Bind for 0.0.0.0:8080 failed: port is already allocated',
      'ports',
      /Host port 0\.0\.0\.0:8080 is already in use/,
    ],
    ['Cannot start container web: listen tcp4 0.0.0.0:80: bind: address already in use', 'ports', /another program/],
    [
      'Cannot create container web: Conflict. The container name "/web" is already in use by container "0123". You have to remove (or rename) that container to be able to reuse that name.',
      'name',
      /"web" is already used by another container/,
    ],
    ['Cannot create container web: network backend not found', 'network', /network backend not found/],
    ['Cannot create container web: Minimum memory limit allowed is 6MB', 'memory', /Minimum memory/],
    ['Cannot start container web: something unexpected', null, /something unexpected/],
  ])('%s', (message, field, text) => {
    const mapped = fieldForEngineError(message, { name: 'web' });
    expect(mapped.field).toBe(field);
    expect(mapped.message).toMatch(text);
  });
});
