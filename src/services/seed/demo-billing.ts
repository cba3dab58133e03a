// Demo billing set-up: sales tax on retail only (Texas 8.25%, San Diego 7.75%), a deposit on
// treatments, the usual policy (late cancels and no-shows keep the deposit and use a package
// session), and public profiles for the clinicians. Configuration, not financial advice.
import type { Db } from '../../db/connect.js';

const TAX: Record<string, number> = { austin: 825, sandiego: 775 };
const DEPOSITS: Record<string, { kind: 'amount' | 'percent'; value: number }> = {
  pen_face: { kind: 'percent', value: 2000 },
  pen_face_neck: { kind: 'percent', value: 2000 },
  pen_acne_scars: { kind: 'percent', value: 2000 },
  pen_body: { kind: 'percent', value: 2000 },
  pen_scalp: { kind: 'percent', value: 2000 },
  roller_face: { kind: 'percent', value: 2000 },
  rf_face: { kind: 'amount', value: 10_000 },
  rf_face_neck: { kind: 'amount', value: 10_000 },
};
const PROFILES: Record<string, { bio: string; since: number }> = {
  'director@glow.example.com': { bio: 'Board-certified dermatologist; oversees every protocol and reviews each adverse event herself.', since: 2009 },
  'nurse@glow.example.com': { bio: 'Aesthetic nurse focused on acne scarring and texture; gentle with first-time clients.', since: 2016 },
  'np@glow.example.com': { bio: 'Nurse practitioner for RF microneedling and deeper scar work.', since: 2013 },
  'esthetician@glow.example.com': { bio: 'Licensed esthetician for skin prep, aftercare coaching and superficial treatments.', since: 2020 },
};

export async function seedDemoBilling(trx: Db, organizationId: string, locationIds: Map<string, string>, userIds: Map<string, string>) {
  for (const [key, locationId] of locationIds) {
    await trx.insertInto('billing_policies').values({ organization_id: organizationId, location_id: locationId, tax_rate_bp: TAX[key] ?? 0, tax_services: false, package_refund_fee_bp: 1000 }).execute();
  }
  const services = await trx.selectFrom('services').select(['id', 'code']).where('organization_id', '=', organizationId).execute();
  for (const s of services) {
    const d = DEPOSITS[s.code];
    if (d) await trx.insertInto('service_deposits').values({ organization_id: organizationId, service_id: s.id, kind: d.kind, value: d.value }).execute();
  }
  for (const [email, p] of Object.entries(PROFILES)) {
    const userId = userIds.get(email);
    if (userId) await trx.insertInto('provider_profiles').values({ organization_id: organizationId, user_id: userId, bio: p.bio, practising_since: p.since }).execute();
  }
}
