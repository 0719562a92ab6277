import { useEffect, useState } from 'react';
import { FileBrowser } from '../files/FileBrowser';
import { api } from '../api/client';
import { Banner } from '../ui/Banner';
import { Button } from '../ui/Button';
import { volumeStrings } from './strings';

const t = volumeStrings.details;

type Session = { kind: 'opening' } | { kind: 'ready'; session: string } | { kind: 'closed' } | { kind: 'failed'; message: string };

/**
 * A volume's files. Main makes a helper container that mounts the volume (never started)
 * for as long as this view is open; leaving the view ends the stream, which removes it.
 */
export function VolumeFiles({ name }: { name: string }) {
  const [session, setSession] = useState<Session>({ kind: 'opening' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setSession({ kind: 'opening' });
    return api.subscribe(
      'volumes.browse',
      { name },
      (chunk) => setSession({ kind: 'ready', session: chunk.session }),
      (end) => setSession(end.reason === 'error' ? { kind: 'failed', message: end.error?.message ?? '' } : { kind: 'closed' }),
    );
  }, [name, attempt]);

  switch (session.kind) {
    case 'opening':
      return (
        <p className="placeholder" role="status">
          {t.opening}
        </p>
      );
    case 'ready':
      return <FileBrowser key={session.session} target={{ kind: 'volume', session: session.session }} rootName={name} />;
    case 'closed':
    case 'failed':
      return (
        <Banner
          tone={session.kind === 'failed' ? 'danger' : 'info'}
          role={session.kind === 'failed' ? 'alert' : 'status'}
          action={<Button onClick={() => setAttempt((n) => n + 1)}>{t.reopen}</Button>}
        >
          {session.kind === 'failed' ? session.message : t.closed}
        </Banner>
      );
  }
}
