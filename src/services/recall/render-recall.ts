// One renderer for recall messages: the job sends what it renders, and the owner's preview is the
// same function over a sample client, so the preview never differs from what clients get.
export const PLACEHOLDERS = ['firstName', 'clinicName', 'serviceName', 'bookingLink', 'unsubscribeLink'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type RecallValues = Record<Placeholder, string>;

const TOKEN = /\{([A-Za-z]+)\}/g;

/** The placeholders a text names that the renderer does not know. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(TOKEN)].map((m) => m[1]!).filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}

export function renderTemplate(template: string, values: RecallValues): string {
  return template.replace(TOKEN, (whole, name: string) => ((PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole));
}

/** Where the booking link lands: the portal's booking picker on the service (and first date) to book. */
export function bookingLink(publicUrl: string, to: { serviceId: string | null; locationId: string | null; from?: string | null }): string {
  const q = new URLSearchParams();
  if (to.serviceId) q.set('service', to.serviceId);
  if (to.locationId) q.set('location', to.locationId);
  if (to.from) q.set('from', to.from);
  const query = q.toString();
  return `${publicUrl}/portal/book${query ? `?${query}` : ''}`;
}

export const unsubscribeUrl = (publicUrl: string, token: string) => `${publicUrl}/unsubscribe?token=${encodeURIComponent(token)}`;

/** A text message has no subject line: the subject leads the text. */
export const smsText = (subject: string, body: string) => `${subject}\n\n${body}`;
