import { useEffect, useState } from 'react';

/** Date.now(), refreshed every `intervalMs` for relative times and countdowns (a UI clock; it never calls the engine). */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
