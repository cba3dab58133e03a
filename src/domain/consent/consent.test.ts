import { describe, expect, it } from 'vitest';
import { CONSENT_TEMPLATES, templateById, templateFor } from './templates.js';
import type { ConsentTemplate } from './templates.js';
import { consentCanonical, renderConsentText } from './document.js';
import type { ConsentDocumentInput } from './document.js';

const allText = (t: ConsentTemplate): string => [t.title, ...t.sections.flatMap((s) => [s.heading, ...s.body])].join('\n');

function byId(id: string): ConsentTemplate {
  const t = templateById(id);
  if (!t) throw new Error(`missing ${id}`);
  return t;
}

describe('consent templates', () => {
  it('has every template id exactly once', () => {
    const ids = ['treatment-roller', 'treatment-pen', 'treatment-rf', 'photo-clinical', 'photo-marketing'];
    for (const id of ids) expect(CONSENT_TEMPLATES.filter((t) => t.id === id)).toHaveLength(1);
    expect(CONSENT_TEMPLATES).toHaveLength(ids.length);
    for (const t of CONSENT_TEMPLATES) expect(t.version).toBe('2026.11.1');
  });

  it('names the FDA RF microneedling risks', () => {
    const text = allText(byId('treatment-rf'));
    for (const word of ['burns', 'fat', 'nerve', 'scarring', 'FDA']) expect(text).toContain(word);
  });

  it('warns about pigment changes in darker skin in every treatment template', () => {
    const treatments = CONSENT_TEMPLATES.filter((t) => t.kind === 'treatment');
    expect(treatments).toHaveLength(3);
    for (const t of treatments) {
      const text = allText(t);
      expect(text.toLowerCase()).toContain('darker skin');
      expect(text).toContain('hyperpigmentation');
      expect(text.toLowerCase()).toContain('photo consent is separate');
    }
  });

  it('lets marketing photo consent be withdrawn', () => {
    expect(allText(byId('photo-marketing')).toLowerCase()).toContain('withdraw');
  });

  it('finds templates by kind and modality', () => {
    expect(templateFor('treatment', 'pen').id).toBe('treatment-pen');
    expect(templateFor('treatment', 'roller').id).toBe('treatment-roller');
    expect(templateFor('treatment', 'rf').id).toBe('treatment-rf');
    expect(templateFor('photo_marketing', null).id).toBe('photo-marketing');
    expect(templateFor('photo_clinical', null).id).toBe('photo-clinical');
    expect(() => templateFor('treatment', null)).toThrow(Error);
    expect(templateById('nope')).toBeUndefined();
  });

  it('uses ASCII-only text', () => {
    for (const t of CONSENT_TEMPLATES) {
      expect(t.title).toMatch(/^[\x20-\x7E\n]*$/);
      for (const s of t.sections) {
        expect(s.heading).toMatch(/^[\x20-\x7E\n]*$/);
        for (const line of s.body) expect(line).toMatch(/^[\x20-\x7E\n]*$/);
      }
    }
  });
});

describe('consent document', () => {
  const input: ConsentDocumentInput = {
    template: templateFor('treatment', 'pen'),
    organizationName: 'Glow MedSpa',
    locationName: 'Downtown',
    client: { name: 'Ana Lopez', dateOfBirth: '1990-04-12' },
    planLines: ['Automated pen microneedling, 4 sessions, 28 to 42 days apart', 'Cheeks: 1.0 mm'],
  };
  const signature = { signedName: 'Ana Lopez', signedAt: '2026-11-03T15:04:05Z', ip: '203.0.113.9', signaturePngSha256: null };

  it('renders deterministically with client and plan details', () => {
    const a = renderConsentText(input);
    const b = renderConsentText(structuredClone(input));
    expect(a).toBe(b);
    expect(a).toContain('Client: Ana Lopez');
    expect(a).toContain('1990-04-12');
    expect(a).toContain('Glow MedSpa');
    expect(a).toContain('Downtown');
    expect(a).toContain('Template treatment-pen version 2026.11.1');
    expect(a).toContain('Your plan');
    for (const line of input.planLines) expect(a).toContain(line);
    expect(a).toContain('By signing, I confirm that I have read and understood this document, had the chance to ask questions, and agree.');
  });

  it('omits the plan section when there are no plan lines', () => {
    expect(renderConsentText({ ...input, planLines: [] })).not.toContain('Your plan');
  });

  it('changes the canonical record when the signed name changes', () => {
    const a = consentCanonical(input, signature);
    expect(consentCanonical(input, signature)).toBe(a);
    expect(consentCanonical(input, { ...signature, signedName: 'A. Lopez' })).not.toBe(a);
    expect(JSON.parse(a)).toMatchObject({ templateId: 'treatment-pen', templateVersion: '2026.11.1', signedName: 'Ana Lopez' });
  });
});
