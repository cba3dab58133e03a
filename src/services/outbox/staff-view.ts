import type { Role } from '../../db/schema.js';
import { SECRET_LINK } from './enqueue-message.js';

/** Roles that may read health content (docs/security.md, "Roles"). */
const READS_HEALTH: ReadonlySet<Role> = new Set(['medical_director', 'provider']);

/** Messages whose text is about a client's health: aftercare and red-flag alerts. */
export const isClinicalKind = (kind: string) => kind.startsWith('aftercare.') || kind.startsWith('alert.');

export const HIDDEN_LINK = '[private link: sent only to the recipient]';
export const HIDDEN_CLINICAL = 'Clinical message: its content is shown only to clinicians.';

/**
 * What a staff member may see of a queued message. A secret link is never shown to anyone; the
 * text of a clinical message is shown only to clinicians, so the desk and the owner can still see
 * that it was sent, to whom and when, without reading about the client's health.
 */
export function staffView(role: Role, m: { kind: string; subject: string; body_text: string }): { subject: string; body: string } {
  if (isClinicalKind(m.kind) && !READS_HEALTH.has(role)) {
    return { subject: m.kind.startsWith('alert.') ? 'Clinical alert for the clinicians' : 'Aftercare message', body: HIDDEN_CLINICAL };
  }
  return { subject: m.subject, body: m.body_text.replaceAll(SECRET_LINK, HIDDEN_LINK) };
}
