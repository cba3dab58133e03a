import type { Migration } from 'kysely/migration';
import * as m0001 from './20261125-0001-foundation.js';
import * as m0002 from './20261125-0002-clinical-core.js';
import * as m0003 from './20261126-0003-scheduling.js';
import * as m0004 from './20261126-0004-reminders-waitlist.js';
import * as m0005 from './20261126-0005-treatment.js';
import * as m0006 from './20261126-0006-photo-scopes.js';
import * as m0007 from './20261126-0007-money-reputation.js';
import * as m0008 from './20261130-0008-account-security.js';
import * as m0009 from './20261130-0009-backup-runs.js';
import * as m0010 from './20261130-0010-access-refusals.js';
import * as m0011 from './20261130-0011-staff-two-factor.js';
import * as m0012 from './20261201-0012-booking-price-line.js';
import * as m0013 from './20261201-0013-card-on-file.js';
import * as m0014 from './20261201-0014-screening-clears-from.js';
import * as m0015h from './20261201-0015-consent-handoffs.js';
import * as m0020a from './20261201-0020-audit-sealer.js';
import * as m0021a from './20261201-0021-distributable-tokens.js';
import * as m0302b from './20261201-0302-outbox-follow-ups.js';
import * as m0303c from './20261201-0303-shared-rate-limits.js';
import * as m0310e from './20261201-0310-data-exports.js';
import * as m0320w from './20261202-0320-webhooks.js';
import * as m0330s from './20261203-0330-clinic-sign-up.js';
import * as m0340t from './20261203-0340-triage-urgency.js';
import * as m0410g from './20261204-0410-gift-cards.js';
import * as m0450i from './20261204-0450-csv-imports.js';
import * as m0500m from './20261205-0500-memberships.js';
import * as m0510r from './20261205-0510-recall-flows.js';

// Append new migrations here, in timestamp order. Shipped entries never change.
export const migrations: Record<string, Migration> = {
  '20261125-0001-foundation': m0001,
  '20261125-0002-clinical-core': m0002,
  '20261126-0003-scheduling': m0003,
  '20261126-0004-reminders-waitlist': m0004,
  '20261126-0005-treatment': m0005,
  '20261126-0006-photo-scopes': m0006,
  '20261126-0007-money-reputation': m0007,
  '20261130-0008-account-security': m0008,
  '20261130-0009-backup-runs': m0009,
  '20261130-0010-access-refusals': m0010,
  '20261130-0011-staff-two-factor': m0011,
  '20261201-0012-booking-price-line': m0012,
  '20261201-0013-card-on-file': m0013,
  '20261201-0014-screening-clears-from': m0014,
  '20261201-0015-consent-handoffs': m0015h,
  '20261201-0020-audit-sealer': m0020a,
  '20261201-0021-distributable-tokens': m0021a,
  '20261201-0302-outbox-follow-ups': m0302b,
  '20261201-0303-shared-rate-limits': m0303c,
  '20261201-0310-data-exports': m0310e,
  '20261202-0320-webhooks': m0320w,
  '20261203-0330-clinic-sign-up': m0330s,
  '20261203-0340-triage-urgency': m0340t,
  '20261204-0410-gift-cards': m0410g,
  '20261204-0450-csv-imports': m0450i,
  '20261205-0500-memberships': m0500m,
  '20261205-0510-recall-flows': m0510r,
};
