import type { Db } from '../db/connect.js';
import type { Role } from '../db/schema.js';

/** Who is calling, resolved from the session and their membership in one organization. */
export interface Principal {
  userId: string;
  organizationId: string;
  role: Role;
  /** set when role is client: the only client record they may see */
  clientId: string | null;
  name: string;
  email: string;
  twoFactorEnabled: boolean;
  /** the email address is proven to be theirs (a link sent to it was opened) */
  emailVerified: boolean;
  /** their role (or their clinic) requires two-step sign-in and they have not set it up yet */
  twoFactorSetupRequired: boolean;
  /** two-step sign-in may not be switched off (their role, or their clinic's setting) */
  twoFactorMandatory: boolean;
}

export interface RequestMeta {
  requestId: string | null;
  ip: string | null;
}

/** Everything a use case needs from the outside, passed in so services stay testable. */
export interface Ctx {
  db: Db;
  principal: Principal;
  meta: RequestMeta;
  now: () => Date;
}

export const STAFF_ROLES = ['owner', 'medical_director', 'provider', 'front_desk'] as const;
export const CLINICAL_ROLES = ['medical_director', 'provider'] as const;

export const isStaff = (p: Principal) => p.role !== 'client';
