// Test data builders: every test makes the records it needs.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/connect.js';
import type { Role, StaffRole } from '../../src/db/schema.js';
import type { IdentityPort } from '../../src/services/ports.js';
import { totpFromUri } from './totp.js';

export const PASSWORD = 'a-long-test-password';
const uniq = () => randomBytes(4).toString('hex');

export interface Org {
  id: string;
  slug: string;
  locationId: string;
}

export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  cookie: string;
  clientId: string | null;
  /** the authenticator URI of an actor enrolled in two-step sign-in (owners and medical directors) */
  totpUri: string | null;
}

type Request = (path: string, init: { body?: unknown; cookie?: string }) => Response | Promise<Response>;

/** Sets up two-step sign-in as a person would: password, then a first code from the app. */
export async function enrolTwoFactor(request: Request, cookie: string, password = PASSWORD): Promise<{ cookie: string; totpUri: string }> {
  const enable = await request('/api/auth/two-factor/enable', { cookie, body: { password } });
  if (enable.status !== 200) throw new Error(`two-factor enable failed: ${enable.status} ${await enable.text()}`);
  const { totpURI } = (await enable.json()) as { totpURI: string };
  const verify = await request('/api/auth/two-factor/verify-totp', { cookie, body: { code: await totpFromUri(totpURI) } });
  if (verify.status !== 200) throw new Error(`two-factor verify failed: ${verify.status} ${await verify.text()}`);
  // better-auth replaces the session when the second factor is added
  const next = verify.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.includes('session_token'));
  return { cookie: next ?? cookie, totpUri: totpURI };
}

export function makeFactory(deps: { db: Db; identity: IdentityPort; signIn: (email: string, password: string) => Promise<string>; request: Request }) {
  const { db } = deps;
  return {
    async org(name = 'Test Spa'): Promise<Org> {
      const slug = `spa-${uniq()}`;
      const org = await db.insertInto('organizations').values({ slug, name }).returning(['id']).executeTakeFirstOrThrow();
      const loc = await db
        .insertInto('locations')
        .values({ organization_id: org.id, name: 'Main', time_zone: 'America/Chicago', state: 'TX' })
        .returning(['id'])
        .executeTakeFirstOrThrow();
      return { id: org.id, slug, locationId: loc.id };
    },
    async client(org: Org, over: Partial<{ firstName: string; lastName: string; email: string }> = {}) {
      return db
        .insertInto('clients')
        .values({
          organization_id: org.id,
          first_name: over.firstName ?? 'Casey',
          last_name: over.lastName ?? `Client${uniq()}`,
          email: over.email ?? `client-${uniq()}@example.com`,
          phone: '+1 512 555 0100',
          date_of_birth: '1990-01-01',
          user_id: null,
          preferred_location_id: org.locationId,
        })
        .returning(['id', 'email'])
        .executeTakeFirstOrThrow();
    },
    /**
     * A signed-in user of the organization with the role; clients get a linked client record.
     * Owners and medical directors must use two-step sign-in, so they are enrolled unless
     * `twoFactor: false` asks for one who has not set it up yet.
     */
    async actor(org: Org, role: Role, opts: { twoFactor?: boolean } = {}): Promise<Actor> {
      const email = `${role}-${uniq()}@example.com`;
      const name = `${role} ${uniq()}`;
      const { userId } = await deps.identity.createUser({ name, email, password: PASSWORD });
      // as if they had opened the link in their first email (registration tests walk that step)
      await db.updateTable('users').set({ email_verified: true }).where('id', '=', userId).execute();
      await db.insertInto('memberships').values({ organization_id: org.id, user_id: userId, role: role as StaffRole }).execute();
      let clientId: string | null = null;
      if (role === 'client') {
        const c = await db
          .insertInto('clients')
          .values({ organization_id: org.id, user_id: userId, first_name: 'Self', last_name: `Client${uniq()}`, email })
          .returning(['id'])
          .executeTakeFirstOrThrow();
        clientId = c.id;
      }
      let cookie = await deps.signIn(email, PASSWORD);
      let totpUri: string | null = null;
      if (opts.twoFactor ?? (role === 'owner' || role === 'medical_director')) ({ cookie, totpUri } = await enrolTwoFactor(deps.request, cookie));
      return { userId, email, name, role, cookie, clientId, totpUri };
    },
  };
}
