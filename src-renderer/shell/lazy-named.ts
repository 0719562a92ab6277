import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// React's own lazy() types its argument with ComponentType<any>; the props stay exact
// through M[K].
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = ComponentType<any>;

/**
 * React.lazy for a named export. Pages and tabs other than the containers list load on
 * first use, so the first screen does not wait for xterm, the image views or settings.
 */
export function lazyNamed<M extends { [P in K]: AnyComponent }, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
