import { useEffect, useMemo, useRef, useState } from 'react';
import { ChevronDown, ChevronUp } from 'lucide-react';
import { Button } from '../../ui/Button';
import { SearchField } from '../../ui/SearchField';
import { Toolbar } from '../../ui/Toolbar';
import { containerStrings } from '../strings';
import './inspect.css';
import { findMatches, splitByMatches, stepMatch } from './inspect-search';

const t = containerStrings.details.inspect;

/** The raw inspect JSON with a search that highlights matches and steps through them. */
export function InspectTab({ raw }: { raw: Record<string, unknown> }) {
  const json = useMemo(() => JSON.stringify(raw, null, 2), [raw]);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const matches = useMemo(() => findMatches(json, query), [json, query]);
  const segments = useMemo(() => splitByMatches(json, matches), [json, matches]);
  const preRef = useRef<HTMLPreElement>(null);
  const active = matches.length === 0 ? -1 : Math.min(current, matches.length - 1);

  useEffect(() => {
    if (active < 0) return;
    preRef.current?.querySelector(`[data-match="${active}"]`)?.scrollIntoView({ block: 'center' });
  }, [active, matches]);

  const step = (delta: 1 | -1) => setCurrent(stepMatch(active, matches.length, delta));

  return (
    <div className="inspect">
      <Toolbar className="inspect-search">
        <SearchField
          label={t.search}
          placeholder={t.placeholder}
          value={query}
          onChange={(q) => {
            setQuery(q);
            setCurrent(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              step(e.shiftKey ? -1 : 1);
            }
          }}
        />
        <Button size="sm" icon={ChevronUp} disabled={matches.length === 0} onClick={() => step(-1)}>
          {t.previous}
        </Button>
        <Button size="sm" icon={ChevronDown} disabled={matches.length === 0} onClick={() => step(1)}>
          {t.next}
        </Button>
        {query !== '' && (
          <span className="ui-count" aria-live="polite">
            {t.matches(active + 1, matches.length)}
          </span>
        )}
      </Toolbar>
      <pre ref={preRef} className="inspect-json" aria-label={t.jsonLabel} tabIndex={0}>
        {segments.map((s, i) =>
          s.match === null ? (
            s.text
          ) : (
            <mark key={i} data-match={s.match} className={s.match === active ? 'current' : undefined}>
              {s.text}
            </mark>
          ),
        )}
      </pre>
    </div>
  );
}
