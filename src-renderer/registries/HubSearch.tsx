import { useState, type FormEvent } from 'react';
import type { HubSearchResult } from '../../src-common/models/registries';
import { api } from '../api/client';
import { registryStrings } from './strings';
import { openPullDialog } from './transfer-dialogs';

const t = registryStrings.search;

/** Docker Hub search through the engine; a result's Pull button opens the Pull dialog with its name. */
export function HubSearch() {
  const [term, setTerm] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ term: string; results: HubSearchResult[] } | { term: string; message: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const query = term.trim();
    if (!query) return;
    setBusy(true);
    try {
      const answer = await api.call('registries.searchHub', { term: query, limit: 25 });
      setOutcome(answer.ok ? { term: query, results: answer.results } : { term: query, message: answer.message });
    } catch (err) {
      setOutcome({ term: query, message: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="registries-section" aria-labelledby="search-title">
      <h2 id="search-title">{t.heading}</h2>
      <form className="registries-row" role="search" aria-label={t.field} onSubmit={(e) => void submit(e)}>
        <input type="search" aria-label={t.field} placeholder={t.placeholder} value={term} onChange={(e) => setTerm(e.target.value)} />
        <button type="submit" className="button" disabled={busy || !term.trim()}>
          {t.submit}
        </button>
        {busy && <span role="status" className="note">{t.searching}</span>}
      </form>
      {outcome && 'message' in outcome && (
        <p role="alert" className="warning">
          {outcome.message}
        </p>
      )}
      {outcome && 'results' in outcome && outcome.results.length === 0 && <p className="placeholder">{t.none(outcome.term)}</p>}
      {outcome && 'results' in outcome && outcome.results.length > 0 && (
        <ul className="search-results" aria-label={t.results}>
          {outcome.results.map((r) => (
            <li key={r.name} className="search-result">
              <div>
                <strong>{r.name}</strong> {r.official && <span className="badge">{t.official}</span>}
                <p>{r.description}</p>
              </div>
              <span className="count">{t.stars(r.stars)}</span>
              <button type="button" className="button-small" aria-label={t.pull(r.name)} onClick={() => openPullDialog(r.name)}>
                {t.pullText}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
