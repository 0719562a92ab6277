import { useLayoutEffect, useRef } from 'react';
import { buildSession, type BuildSnapshot } from './build-session';
import { buildStrings as t } from './strings';

/** The build's output, following the end unless the user scrolled up to read. */
export function BuildOutput({ snapshot }: { snapshot: BuildSnapshot }) {
  const ref = useRef<HTMLPreElement>(null);
  const stick = useRef(true);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [snapshot.version]);
  return (
    <section className="build-output" aria-label={t.outputLabel}>
      {snapshot.dropped > 0 && <p className="note">{t.truncated(snapshot.dropped)}</p>}
      <pre
        ref={ref}
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {buildSession.lines.join('\n')}
      </pre>
    </section>
  );
}
