// Renders a consent template plus client and plan details into a deterministic plain-text
// document, and the canonical record that is hashed when the client signs it.
import { canonicalJson } from '../shared/canonical-json.js';
import type { ConsentTemplate } from './templates.js';

export interface ConsentDocumentInput {
  template: ConsentTemplate;
  organizationName: string;
  locationName: string | null;
  client: { name: string; dateOfBirth: string | null };
  /** plan lines shown in a 'Your plan' section, e.g. ['Automated pen microneedling, 4 sessions, 28 to 42 days apart', 'Cheeks: 1.0 mm'] */
  planLines: string[];
}

export const CLOSING_STATEMENT =
  'By signing, I confirm that I have read and understood this document, had the chance to ask questions, and agree.';

export function renderConsentText(input: ConsentDocumentInput): string {
  const { template } = input;
  const blocks: string[] = [];
  blocks.push([template.title, `Template ${template.id} version ${template.version}`].join('\n'));

  const header = [`Organization: ${input.organizationName}`];
  if (input.locationName !== null && input.locationName !== '') header.push(`Location: ${input.locationName}`);
  header.push(`Client: ${input.client.name}`);
  if (input.client.dateOfBirth !== null && input.client.dateOfBirth !== '') header.push(`Date of birth: ${input.client.dateOfBirth}`);
  blocks.push(header.join('\n'));

  if (input.planLines.length > 0) {
    blocks.push(['Your plan', ...input.planLines.map((l) => `- ${l}`)].join('\n'));
  }

  for (const section of template.sections) {
    blocks.push(`${section.heading}\n${section.body.join('\n\n')}`);
  }

  blocks.push(CLOSING_STATEMENT);
  return `${blocks.join('\n\n')}\n`;
}

export function consentCanonical(
  input: ConsentDocumentInput,
  signature: { signedName: string; signedAt: string; ip: string | null; signaturePngSha256: string | null; witness?: { userId: string; name: string } },
): string {
  return canonicalJson({
    templateId: input.template.id,
    templateVersion: input.template.version,
    text: renderConsentText(input),
    signedName: signature.signedName,
    signedAt: signature.signedAt,
    ip: signature.ip,
    signaturePngSha256: signature.signaturePngSha256,
    // signed on the clinic's tablet: the staff member who handed it over is part of the record
    ...(signature.witness ? { method: 'in_clinic', witness: signature.witness } : {}),
  });
}
