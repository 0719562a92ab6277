import { describe, expect, it } from 'vitest';
import { labelsMatch, planPrune, type PlanImage } from './images-prune-plan';

const image = (id: string, parentId = '', tags: string[] = [], labels: Record<string, string> = {}): PlanImage => ({
  id,
  parentId,
  tags,
  digests: [],
  labels,
});

const none = new Set<string>();

describe('planPrune', () => {
  // base:1 ← i1 (intermediate) ← app:1 ; old (dangling, built on i1's sibling chain) ; used (dangling, used)
  const images = [
    image('base', '', ['base:1']),
    image('i1', 'base'),
    image('app', 'i1', ['app:1']),
    image('old-i', 'base'),
    image('old', 'old-i'),
    image('used', '', []),
  ];

  it('dangling: untagged heads not used by containers, with their untagged parents', () => {
    const plan = planPrune({ mode: 'dangling', images, usedImageIds: new Set(['used']), runningImageIds: none });
    expect([...plan.deleted].sort()).toEqual(['old', 'old-i']);
    expect(plan.untagged.size).toBe(0);
  });

  it('unused: every image no container uses; a base with children left only loses its tag', () => {
    const plan = planPrune({ mode: 'unused', images, usedImageIds: new Set(['app']), runningImageIds: new Set(['app']) });
    // app is used: it stays, and so do i1 and base beneath it; base's tag goes (the engine untags it first).
    expect([...plan.deleted].sort()).toEqual(['old', 'old-i', 'used']);
    expect(plan.untagged.get('base')).toEqual(['base:1']);
    expect(plan.untagged.has('app')).toBe(false);
  });

  it('unused with nothing in use removes the whole family, whatever the order', () => {
    const plan = planPrune({ mode: 'unused', images, usedImageIds: none, runningImageIds: none });
    expect([...plan.deleted].sort()).toEqual(['app', 'base', 'i1', 'old', 'old-i', 'used']);
  });

  it('an in-use image with two tags loses all but one (the engine untags while it is not the last name)', () => {
    const two = [image('x', '', ['b/x:1', 'a/x:1'])];
    const plan = planPrune({ mode: 'unused', images: two, usedImageIds: new Set(['x']), runningImageIds: none });
    expect(plan.deleted.size).toBe(0);
    expect(plan.untagged.get('x')).toEqual(['a/x:1']);
  });

  it('label filters pick candidates only', () => {
    const labelled = [image('a', '', ['a:1'], { 'berth.test.run': 'r1' }), image('b', '', ['b:1'], { 'berth.test.run': 'r2' })];
    const plan = planPrune({ mode: 'unused', images: labelled, usedImageIds: none, runningImageIds: none, labels: ['berth.test.run=r1'] });
    expect([...plan.deleted]).toEqual(['a']);
  });
});

describe('labelsMatch', () => {
  it('takes key or key=value, all of them', () => {
    expect(labelsMatch(['a'], { a: 'x' })).toBe(true);
    expect(labelsMatch(['a=x', 'b'], { a: 'x' })).toBe(false);
    expect(labelsMatch(['a=y'], { a: 'x' })).toBe(false);
    expect(labelsMatch(undefined, {})).toBe(true);
  });
});
