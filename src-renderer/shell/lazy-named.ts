import { afterFirstScreen } from './after-first-screen';
import { createElement, useEffect, useState, type ComponentProps, type ComponentType, type FunctionComponent } from 'react';

// The component's props stay exact through M[K]; the map itself takes any component.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = ComponentType<any>;

export type LazyView<C extends AnyComponent> = FunctionComponent<ComponentProps<C>> & {
  /** Loads the code now; once it is here the view renders at once. */
  preload(): Promise<void>;
};

/**
 * A view whose code loads on first use (a named export of a module). Pages and tabs other
 * than the containers list load this way, so the first screen does not wait for xterm,
 * the image views or settings.
 *
 * Not React.lazy: a lazy component suspends, and React holds back what a Suspense
 * boundary reveals until 300 ms after its fallback appeared (its fallback throttle), so
 * every first opening of a tab cost a visible 300 ms even when the code came in 20 ms.
 * This renders nothing until the code is here, then the view; once loaded (by `preload`
 * or an earlier render) it renders the view at once. A failed load is thrown during
 * render, to the nearest error boundary, as lazy() would.
 */
export function lazyNamed<M extends { [P in K]: AnyComponent }, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyView<M[K]> {
  let loaded: M[K] | null = null;
  let loading: Promise<void> | null = null;
  const preload = () =>
    (loading ??= loadRetryingOnce(load).then(
      (m) => void (loaded = m[name]),
      (err: unknown) => {
        loading = null; // a later render tries again
        throw err;
      },
    ));
  const View: FunctionComponent<ComponentProps<M[K]>> = (props) => {
    const [component, setComponent] = useState<{ view: AnyComponent | null; error?: unknown }>(() => ({ view: loaded }));
    useEffect(() => {
      if (component.view) return;
      let live = true;
      preload().then(
        () => live && setComponent({ view: loaded }),
        (error: unknown) => live && setComponent({ view: null, error }),
      );
      return () => void (live = false);
    }, [component.view]);
    if (component.error !== undefined) throw component.error;
    return component.view ? createElement(component.view, props) : null;
  };
  View.displayName = `Lazy(${String(name)})`;
  return Object.assign(View, { preload });
}

/**
 * A chunk cut off in flight (Chromium aborts requests with ERR_NETWORK_CHANGED when a
 * container's network interface comes or goes) is fetched once more after a moment
 * before the page shows a failure.
 */
function loadRetryingOnce<M>(load: () => Promise<M>): Promise<M> {
  return load().catch(() => new Promise<void>((resolve) => setTimeout(resolve, 300)).then(load));
}

/**
 * Loads views' code once the first screen is up and the page is idle: the views users
 * open next (a container's logs and terminal) then open without a network round trip
 * or a suspense, while the first screen still loads only what it shows.
 */
export function preloadWhenIdle(...views: { preload(): Promise<void> }[]): void {
  afterFirstScreen(() => {
    for (const view of views) view.preload().catch(() => {}); // a failed load is retried on first render
  });
}
