import { useEffect, useState } from 'react';
import type { RunOptions } from '../../src-common/models/build-run';
import { api } from '../api/client';

/** The networks and host limits, asked once when the dialog opens (never polled). */
export function useRunOptions(): { options: RunOptions | null; error: string | null } {
  const [state, setState] = useState<{ options: RunOptions | null; error: string | null }>({ options: null, error: null });
  useEffect(() => {
    let live = true;
    api.call('run.options', {}).then(
      (options) => live && setState({ options, error: null }),
      (err: unknown) => live && setState({ options: null, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
