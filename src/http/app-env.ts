import type { Logger } from 'pino';
import type { Db } from '../db/connect.js';
import type { Auth } from '../adapters/auth/better-auth.js';
import type { Principal } from '../services/context.js';
import type { IdentityPort, StoragePort, PaymentsPort, SecretBox } from '../services/ports.js';
import type { LockoutPolicy } from '../services/auth/sign-in-lockout.js';
import type { BackupPort } from '../services/backups/backup-port.js';
import type { ExportFiles } from '../services/export/console/export-files-port.js';

/** What the composition root hands to the HTTP layer. */
export interface AppDeps {
  db: Db;
  auth: Auth;
  identity: IdentityPort;
  logger: Logger;
  now: () => Date;
  publicUrl: string;
  lockout: LockoutPolicy;
  trustProxy: boolean;
  /** folder of the built web app; absent in API-only tests */
  webDir?: string | undefined;
  ready: () => Promise<boolean>;
  /** uploaded photos */
  storage: StoragePort;
  /** backups of the installation; absent when none are set up (API-only tests) */
  backups?: BackupPort | null;
  /** the owner's exports from the console; absent when not set up (API-only tests) */
  exports?: ExportFiles | null;
  /** seals secret links (reset, invitation, verification) in queued messages */
  secrets: SecretBox;
  /** online card payments; null when no payment keys are configured */
  payments?: PaymentsPort | null;
  /** Stripe.js in the browser (the Payment Element): the publishable key and where Stripe.js loads from; null keeps Checkout only */
  stripeClient?: { publishableKey: string; jsUrl: string } | null;
  /** verifies Stripe's webhook calls; null leaves the webhook endpoint off */
  stripeWebhookSecret?: string | null;
  /** anyone may create a clinic from the public sign-up page (DERMIS_PUBLIC_SIGNUP); default true */
  publicSignUp?: boolean;
  /** tests: check every JSON answer against its declared schema and hand each mismatch here */
  checkResponses?: { push(detail: string): unknown } | undefined;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    principal: Principal | null;
    ip: string | null;
    /** a valid session whose user belongs to no organization */
    membershipMissing: boolean;
    /** why the session cookie no longer signs in (too old, or idle), said in the 401 */
    sessionEnded: string | null;
  };
}
