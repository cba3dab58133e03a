// A pg client that prepares each parameterised statement once per connection (a named statement,
// keyed by a hash of its text) and from then on only binds and executes it. PostgreSQL then plans a
// statement once per connection instead of on every call: the booking's slot-facts read spends
// several times longer being planned than run (issue 14, bookings at concurrency 32).
import { createHash } from 'node:crypto';
import pg from 'pg';

/** Statements this long or more are not worth keeping on every connection; none of ours is. */
const MAX_TEXT = 32_000;

const names = new Map<string, string>();
function nameOf(text: string): string {
  let n = names.get(text);
  if (!n) {
    n = 'd' + createHash('sha1').update(text).digest('base64url').slice(0, 20);
    names.set(text, n);
  }
  return n;
}

export class PreparingClient extends pg.Client {
  // pg's query() has many overloads; Kysely calls query(text, values)
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && text.length < MAX_TEXT && args.length === 2) {
      return (super.query as (...a: unknown[]) => never)({ name: nameOf(text), text, values });
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}
