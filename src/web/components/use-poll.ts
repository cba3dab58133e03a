import { useEffect } from 'react';

/** Reloads every `everyMs` while `active` (long work the server does in the background: backups, exports). */
export function usePollWhile(active: boolean, reload: () => void, everyMs: number) {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(reload, everyMs);
    return () => clearInterval(timer);
  }, [active, reload, everyMs]);
}
