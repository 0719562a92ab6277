import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../src-common/models/activity';
import type { ContainerSummary } from '../../src-common/models/container';
import type { VolumeSummary } from '../../src-common/models/volumes';
import { objectHref, type LiveObjects } from './activity-links';

const entry = (patch: Partial<ActivityEntry> & Pick<ActivityEntry, 'type'>): ActivityEntry => ({ seq: 0, time: 0, action: 'create', id: 'x', name: '', details: {}, ...patch });
const empty: LiveObjects = { containers: {}, images: {}, networks: {}, volumes: {} };

describe('activity links', () => {
  it('links a volume event to the page of the volume it names while that volume exists', () => {
    const live: LiveObjects = { ...empty, volumes: { 'data 1': { name: 'data 1' } as VolumeSummary } };
    expect(objectHref(entry({ type: 'volume', id: 'data 1', action: 'mount' }), live)).toBe('#/volumes/data%201');
  });

  it('leaves a removed volume as plain text, as it does a removed container', () => {
    expect(objectHref(entry({ type: 'volume', id: 'gone', action: 'destroy' }), empty)).toBeNull();
    expect(objectHref(entry({ type: 'container', id: 'gone' }), empty)).toBeNull();
    const live: LiveObjects = { ...empty, containers: { c1: { id: 'c1' } as ContainerSummary } };
    expect(objectHref(entry({ type: 'container', id: 'c1' }), live)).toBe('#/containers/c1');
  });

  it('never links engine notes', () => {
    expect(objectHref(entry({ type: 'engine', action: 'reconnected' }), empty)).toBeNull();
  });
});
