import { useCallback, useEffect, useRef, useState } from 'react';
import type { MaybeOptionalInit } from 'openapi-fetch';
import type { PathsWithMethod, SuccessResponseJSON } from 'openapi-typescript-helpers';
import type { paths } from './generated/schema.js';
import { call, http } from './client.js';
import { seeded } from './seed.js';

export interface Loadable<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

type GetPath = PathsWithMethod<paths, 'get'>;
/** the parameters of a GET: `{ params: { path: {...}, query: {...} } }` */
export type GetInit<P extends GetPath> = NonNullable<MaybeOptionalInit<paths[P], 'get'>>;
/** what a GET answers, from the generated contract */
export type GetData<P extends GetPath> = SuccessResponseJSON<paths[P]['get']>;

/**
 * GET a resource through the typed client, with loading and error state; `reload` fetches again.
 * `init` null waits (nothing to load yet); a change in path or parameters loads again.
 */
export function useGet<P extends GetPath>(path: P, init: GetInit<P> | null): Loadable<GetData<P>> {
  const key = init === null ? null : `${path} ${JSON.stringify(init)}`;
  // the generic path defeats openapi-fetch's overloads; the signature above carries the types
  // a server-rendered page comes with the answers it showed (seed.ts)
  const seed = key === null ? undefined : (seeded(key, path, init) as GetData<P> | undefined);
  return useLoad<GetData<P>>(key, () => call(http.GET(path as never, init as never)), seed);
}

function useLoad<T>(key: string | null, load: () => Promise<T>, seed?: T): Loadable<T> {
  const [data, setData] = useState<T | undefined>(seed);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(key !== null && seed === undefined);
  const [tick, setTick] = useState(0);
  // the answer came with the page: no need to fetch it again on mount
  const seededKey = useRef(seed === undefined ? null : key);
  useEffect(() => {
    if (key === null) return;
    if (seededKey.current === key && tick === 0) return;
    seededKey.current = null;
    let live = true;
    setLoading(true);
    load()
      .then((d) => {
        if (live) {
          setData(d);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (live) setError(e);
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
    // the key stands for the request: `load` is a new closure every render
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
