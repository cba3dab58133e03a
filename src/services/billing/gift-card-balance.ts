// The public balance check: a code in, the balance out, nothing else (no names, no history). The
// route is rate limited per address, and the code has ~79 random bits, so guessing is hopeless.
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/connect.js';
import { findFirstLocation } from '../../db/repositories/organizations.repository.js';
import { findPublicOrganization } from '../reviews/public-directory.js';
import { findByCode } from './gift-card-store.js';

export async function checkGiftCardBalance(deps: { db: Db; now: () => Date }, slug: string, code: string) {
  const org = await findPublicOrganization(deps.db, slug);
  const card = await findByCode(deps.db, org.id, code);
  const zone = (await findFirstLocation(deps.db, org.id))?.time_zone ?? 'UTC';
  const today = Temporal.Instant.fromEpochMilliseconds(deps.now().getTime()).toZonedDateTimeISO(zone).toPlainDate().toString();
  const open = card.status === 'active' && (!card.expires_on || card.expires_on >= today);
  return { balanceCents: open ? card.balance_cents : 0, currency: card.currency, usable: open && card.balance_cents > 0, expiresOn: card.expires_on };
}
