// Answers the server already fetched for a server-rendered page (src/web/ssr.tsx, src/http/web.ts).
// On the server, a render records the GETs its components ask for (useGet); the server fetches them
// and renders again with the answers. In the browser, the page carries the same answers in a JSON
// block, so the app takes over showing exactly what was painted, without fetching it again.

/** a GET a server render asked for: the useGet key and the URL that answers it */
export interface SeedRequest {
  key: string;
  url: string;
}

interface SeedState {
  /** the path the answers belong to: they stand only for the page they were fetched for */
  path: string | null;
  answers: Map<string, unknown>;
  /** during a server render: what the page asked for and was not given */
  wanted: Map<string, SeedRequest> | null;
}

const state: SeedState = { path: null, answers: new Map(), wanted: null };

/** The URL of a GET from its path template and openapi-fetch parameters. */
export function seedUrl(path: string, init: unknown): string {
  type Value = string | number | boolean | null | undefined;
  const params = (init as { params?: { path?: Record<string, Value>; query?: Record<string, Value> } } | null)
    ?.params;
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(params?.path?.[name] ?? '')),
  );
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params?.query ?? {}))
    if (v !== undefined && v !== null) query.set(k, String(v));
  const qs = query.toString();
  return qs ? `${filled}?${qs}` : filled;
}

/** The answer for a useGet key, if the page came with it; a server render records what it lacks. */
export function seeded(key: string, path: string, init: unknown): unknown {
  if (
    state.answers.has(key) &&
    (state.wanted !== null || (typeof location !== 'undefined' && location.pathname === state.path))
  )
    return state.answers.get(key);
  state.wanted?.set(key, { key, url: seedUrl(path, init) });
  return undefined;
}

/** Server side: render with these answers, collecting what else the page asks for. */
export function withSeeds<T>(
  answers: Record<string, unknown>,
  render: () => T,
): { result: T; wanted: SeedRequest[] } {
  state.answers = new Map(Object.entries(answers));
  state.wanted = new Map();
  try {
    const result = render();
    return { result, wanted: [...state.wanted.values()] };
  } finally {
    state.answers = new Map();
    state.wanted = null;
  }
}

/** The id of the JSON block a server-rendered page carries its answers in. */
export const SEED_ELEMENT_ID = 'dermis-seed';

/** Browser side: read the answers the server-rendered page came with (once, at start). */
export function readSeeds(
  doc: { getElementById: (id: string) => { textContent: string | null } | null },
  path: string,
): boolean {
  const text = doc.getElementById(SEED_ELEMENT_ID)?.textContent;
  if (!text) return false;
  state.answers = new Map(Object.entries(JSON.parse(text) as Record<string, unknown>));
  state.path = path;
  return true;
}
