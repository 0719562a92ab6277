import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { FailureBoundary } from './FailureBoundary';

describe('FailureBoundary', () => {
  it('keeps the error, notes the page it happened on, and lets go of it on another page', () => {
    const caught = FailureBoundary.getDerivedStateFromError(new Error('Cannot read properties of undefined'));
    const state = { error: null, failedAt: null, ...caught };
    const noted = { ...state, ...FailureBoundary.getDerivedStateFromProps({ resetKey: '#/containers', scope: 'page', children: null }, state) };
    expect(noted.failedAt).toBe('#/containers');
    expect(FailureBoundary.getDerivedStateFromProps({ resetKey: '#/containers', scope: 'page', children: null }, noted)).toBeNull();
    expect(FailureBoundary.getDerivedStateFromProps({ resetKey: '#/images', scope: 'page', children: null }, noted)).toEqual({ error: null, failedAt: null });
  });

  it('turns a thrown non-Error into an Error', () => {
    expect(FailureBoundary.getDerivedStateFromError('boom').error?.message).toBe('boom');
  });

  it('draws what failed, in words, with Try again and Reload window', () => {
    class Failed extends FailureBoundary {
      override state = { error: new Error('x is not a function'), failedAt: '#/' };
    }
    const html = renderToStaticMarkup(
      <Failed scope="page" resetKey="#/">
        <p>never</p>
      </Failed>,
    );
    expect(html).toContain('This page could not be shown');
    expect(html).toContain('What went wrong: x is not a function');
    expect(html).toContain('Try again');
    expect(html).toContain('Reload window');
    expect(html).toContain('role="alert"');
    expect(html).not.toContain('never');
  });
});
