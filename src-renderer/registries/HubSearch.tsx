import { useState, type FormEvent } from 'react';
import type { HubSearchResult } from '../../src-common/models/registries';
import { api } from '../api/client';
import { registryStrings } from './strings';
import { openPullDialog } from './transfer-dialogs';
import { CloudDownload, Search, Star } from 'lucide-react';
import { Badge } from '../ui/Badge';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { SearchField } from '../ui/SearchField';
import { Section } from '../ui/Section';

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
    <Section title={t.heading}>
      <form className="hub-search" role="search" aria-label={t.field} onSubmit={(e) => void submit(e)}>
        <SearchField label={t.field} placeholder={t.placeholder} value={term} onChange={setTerm} />
        <Button type="submit" icon={Search} loading={busy} disabled={!term.trim()}>
          {t.submit}
        </Button>
        {busy && (
          <span role="status" className="ui-muted">
            {t.searching}
          </span>
        )}
      </form>
      {outcome && 'message' in outcome && (
        <Banner tone="warning" role="alert">
          {outcome.message}
        </Banner>
      )}
      {outcome && 'results' in outcome && outcome.results.length === 0 && <EmptyState compact title={t.none(outcome.term)} />}
      {outcome && 'results' in outcome && outcome.results.length > 0 && (
        <ul className="search-results" aria-label={t.results}>
          {outcome.results.map((r) => (
            <li key={r.name} className="search-result">
              <div className="search-result-text">
                <div className="search-result-name">
                  <strong className="ui-truncate" title={r.name}>
                    {r.name}
                  </strong>
                  {r.official && <Badge tone="info">{t.official}</Badge>}
                </div>
                {r.description && (
                  <p className="ui-truncate ui-muted" title={r.description}>
                    {r.description}
                  </p>
                )}
              </div>
              <span className="ui-count search-result-stars">
                <Star size={12} aria-hidden="true" /> {t.stars(r.stars)}
              </span>
              <Button size="sm" icon={CloudDownload} aria-label={t.pull(r.name)} onClick={() => openPullDialog(r.name)}>
                {t.pullText}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
