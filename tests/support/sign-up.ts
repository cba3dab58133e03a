// A clinic made the way a new owner makes one: the public sign-up, the link from the email opened,
// a first sign-in and two-step sign-in set up. For tests whose clinics must be signed-up ones.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from './test-app.js';
import { enrolTwoFactor, type Actor, type Org } from './factory.js';

export const OWNER_PASSWORD = 'a-long-owner-password-2026';

export interface SignUpBody {
  clinicName: string;
  ownerName: string;
  email: string;
  password: string;
  address: string;
  locationName: string;
  timeZone: string;
  state: string;
}

export const signUpBody = (over: Partial<SignUpBody> = {}): SignUpBody => ({
  clinicName: 'Lumen Skin Clinic',
  ownerName: 'Rosa Alvarez',
  email: `owner-${randomBytes(4).toString('hex')}@example.com`,
  password: OWNER_PASSWORD,
  address: '400 Congress Ave, Austin, TX 78701',
  locationName: 'Downtown',
  timeZone: 'America/Chicago',
  state: 'TX',
  ...over,
});

/** The token of the newest confirmation link sealed in the outbox for `email` (what the mailbox receives). */
export async function clinicLinkToken(t: TestApp, email: string): Promise<string> {
  const msg = await t.db.selectFrom('outbox_messages').selectAll().where('to_address', '=', email).where('kind', '=', 'clinic.verify').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  return /token=([A-Za-z0-9_-]+)/.exec(t.secrets.open(msg.secret_sealed!))![1]!;
}

/** Signs up, confirms the email, signs in and sets up two-step sign-in; the clinic and its owner. */
export async function signUpClinic(t: TestApp, over: Partial<SignUpBody> = {}): Promise<{ org: Org; owner: Actor; body: SignUpBody }> {
  const body = signUpBody(over);
  const res = await t.request('/api/clinic-sign-up', { body });
  expect(res.status, await res.clone().text()).toBe(202);
  const verify = await t.request('/api/clinic-sign-up/verify', { body: { token: await clinicLinkToken(t, body.email) } });
  expect(verify.status, await verify.clone().text()).toBe(200);
  const row = await t.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .innerJoin('locations as l', 'l.organization_id', 'o.id')
    .select(['u.id as userId', 'o.id as orgId', 'o.slug', 'l.id as locationId'])
    .where('u.email', '=', body.email)
    .executeTakeFirstOrThrow();
  const signedIn = await t.signIn(body.email, body.password);
  const { cookie, totpUri } = await enrolTwoFactor(t.request, signedIn, body.password);
  return {
    org: { id: row.orgId, slug: row.slug, locationId: row.locationId },
    owner: { userId: row.userId, email: body.email, name: body.ownerName, role: 'owner', cookie, clientId: null, totpUri },
    body,
  };
}
