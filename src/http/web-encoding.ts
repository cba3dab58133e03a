// Content codings for the web app's files: the build's compressed copies, and the request's choice.
export const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The codings an Accept-Encoding header allows (q=0 refuses one; `*` stands for any not named). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const named = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    named.set(token, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = new Set<string>();
  for (const { name } of ENCODINGS) {
    const q = named.get(name) ?? named.get('*') ?? 0;
    if (q > 0) ok.add(name);
  }
  return ok;
}
