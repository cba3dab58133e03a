// Consent templates: plain-language informed-consent documents for each microneedling modality,
// plus separate clinical and marketing photo consents. Text is ASCII only so it renders in any PDF
// standard font and hashes identically everywhere.
import type { Modality } from '../screening/engine/contract.js';

export type ConsentKind = 'treatment' | 'photo_clinical' | 'photo_marketing';
export interface ConsentSection {
  heading: string;
  body: string[];
}
export interface ConsentTemplate {
  id: string;
  version: string;
  kind: ConsentKind;
  modality: Modality | null;
  title: string;
  sections: ConsentSection[];
  sources: string[];
}

const VERSION = '2026.11.1';

const EXPECTED_EFFECTS: ConsentSection = {
  heading: 'What to expect afterwards',
  body: [
    'Your skin will usually be red, like a sunburn, for 1 to 3 days. Mild swelling and pinpoint bleeding during and right after treatment are normal.',
    'Dryness and flaking are common on days 2 to 5. Full recovery can take up to 2 weeks.',
    'Collagen builds slowly. Results are judged at least 3 months after your last session, and a series of sessions is usually needed.',
    'Results vary from person to person and are not guaranteed.',
  ],
};

const COMMON_RISKS: string[] = [
  'Infection. Bacteria can enter the tiny channels in the skin. Following the aftercare instructions lowers this risk.',
  'Cold sore (HSV) reactivation. If you have ever had cold sores, treatment can trigger an outbreak. Tell us so we can discuss antiviral medicine before treatment.',
  'Bruising, especially in thin skin such as around the eyes.',
  'Acne-like breakouts and milia (small white bumps).',
  'Allergic or granulomatous reactions (firm bumps under the skin), including reactions to serums or products applied during or after treatment.',
  'Scarring, including tram-track marks (lines or grids of small marks that follow the path of the needles).',
  'Pigment changes. Darkening of the skin (post-inflammatory hyperpigmentation) is more likely in darker skin types (Fitzpatrick IV to VI). Lightening of the skin can also happen. These changes can take months to fade and may be permanent.',
  'Swelling of lymph nodes near the treated area.',
  'Reactions to numbing cream. These are rare but serious: dizziness, numb lips or mouth, a racing or pounding heart (palpitations), and seizures. Tell staff at once if you feel any of these.',
];

const ALTERNATIVES: ConsentSection = {
  heading: 'Alternatives',
  body: [
    'You can choose no treatment at all.',
    'Other options include topical skin-care products, chemical peels and laser treatments. Each has its own benefits and risks, and we are happy to discuss them with you.',
  ],
};

const CARE: ConsentSection = {
  heading: 'Before and after your treatment',
  body: [
    'Before: stop retinoids and exfoliating acids (such as glycolic or salicylic acid) 3 days before treatment.',
    'For the first 24 hours: no makeup and no sunscreen, so you must strictly avoid the sun. From 24 hours on, use a broad-spectrum sunscreen every day.',
    'Avoid strenuous exercise for 72 hours. Avoid swimming pools, saunas and steam rooms for 7 days. Do not use retinoids or acids for 5 to 7 days. Do not pick, scratch or peel the skin.',
    'Call the clinic if redness or pain gets worse after 48 to 72 hours, or if you notice pus, fever, blisters, or redness that lasts more than 7 days.',
    'Call emergency services right away if you get hives, swelling of the face, lips or tongue, or trouble breathing.',
  ],
};

const NEEDLES: ConsentSection = {
  heading: 'Needles and hygiene',
  body: ['A new single-use sterile needle cartridge or device is used for every session and thrown away afterwards. It is never reused or shared.'],
};

const HEALTH: ConsentSection = {
  heading: 'Your health information',
  body: [
    'I confirm that the health answers I gave are true and complete to the best of my knowledge.',
    'I will tell the clinic about any changes to my health, medicines, pregnancy status or skin before each session.',
  ],
};

const RIGHTS: ConsentSection = {
  heading: 'Your rights',
  body: [
    'You may ask questions at any time, and you should not sign until they have been answered.',
    'You may withdraw your consent and stop before or during any session, without giving a reason.',
    'Photo consent is separate. Agreeing to this treatment does not mean agreeing to clinical or marketing photos; those are asked for in their own consent forms.',
  ],
};

function treatment(modality: Modality, title: string, procedure: string[], extraRisks: string[], sources: string[]): ConsentTemplate {
  return {
    id: `treatment-${modality}`,
    version: VERSION,
    kind: 'treatment',
    modality,
    title,
    sections: [
      { heading: 'The procedure', body: procedure },
      EXPECTED_EFFECTS,
      { heading: 'Risks', body: [...COMMON_RISKS, ...extraRisks] },
      ALTERNATIVES,
      CARE,
      NEEDLES,
      HEALTH,
      RIGHTS,
    ],
    sources,
  };
}

export const CONSENT_TEMPLATES: readonly ConsentTemplate[] = [
  treatment(
    'roller',
    'Consent to roller microneedling',
    [
      'Microneedling makes many tiny punctures in the skin to start the skin\'s own healing and collagen production.',
      'This treatment uses a hand-held roller: a small drum covered with fine needles that is rolled over the skin in several directions.',
      'A numbing cream may be applied first. A session usually takes 30 to 60 minutes.',
    ],
    [],
    ['S13', 'S15', 'S25', 'S26', 'S27', 'S34'],
  ),
  treatment(
    'pen',
    'Consent to automated pen microneedling',
    [
      'Microneedling makes many tiny punctures in the skin to start the skin\'s own healing and collagen production.',
      'This treatment uses an automated pen: a motorized hand-held device whose needle cartridge moves up and down quickly to a set depth.',
      'A numbing cream may be applied first. A session usually takes 30 to 60 minutes.',
    ],
    [],
    ['S13', 'S15', 'S25', 'S26', 'S27', 'S28', 'S34'],
  ),
  treatment(
    'rf',
    'Consent to radiofrequency (RF) microneedling',
    [
      'Microneedling makes many tiny punctures in the skin to start the skin\'s own healing and collagen production.',
      'This treatment uses radiofrequency (RF) microneedling: a device that inserts fine needles into the skin and delivers radiofrequency energy (heat) through them.',
      'The energy settings come from the device maker\'s presets for your skin and treatment area.',
      'A numbing cream may be applied first. A session usually takes 30 to 60 minutes.',
    ],
    [
      'Heat-related injury. In October 2025 the FDA (U.S. Food and Drug Administration) issued a safety communication about RF microneedling. It reported burns, scarring, fat loss (fat atrophy), disfigurement and nerve damage, and some of these injuries needed surgery to treat.',
    ],
    ['S13', 'S15', 'S25', 'S26', 'S27', 'S34', 'S52'],
  ),
  {
    id: 'photo-clinical',
    version: VERSION,
    kind: 'photo_clinical',
    modality: null,
    title: 'Consent to clinical photographs',
    sections: [
      {
        heading: 'Why we take photos',
        body: [
          'Photos help your care team plan your treatment, check your healing and measure your results over time.',
          'Photos are taken in standard views (for example front, left and right) with the same lighting each visit.',
        ],
      },
      {
        heading: 'How photos are used and kept',
        body: [
          'These photos are for your medical record only.',
          'They are kept confidential and stored securely, and are seen only by the care team involved in your treatment.',
          'They will not be used for marketing or shared publicly. Marketing use needs a separate, optional consent.',
        ],
      },
      {
        heading: 'Your rights',
        body: ['You may ask questions at any time and ask to see the photos in your record.'],
      },
    ],
    sources: ['S13', 'S34'],
  },
  {
    id: 'photo-marketing',
    version: VERSION,
    kind: 'photo_marketing',
    modality: null,
    title: 'Consent to use of photographs in marketing',
    sections: [
      {
        heading: 'What you are agreeing to',
        body: [
          'This consent is optional. It is NOT required for treatment, and saying no will not change your care in any way.',
          'If you agree, the clinic may use your before and after photos in its marketing, such as its website and social media.',
          'Identifying features, such as your face, may be visible in these photos.',
        ],
      },
      {
        heading: 'Withdrawing your consent',
        body: [
          'You can withdraw this consent at any time from the client portal.',
          'Withdrawal stops any future use of your photos. Material that has already been published or printed may not be able to be recalled.',
        ],
      },
    ],
    sources: ['S13', 'S34'],
  },
];

export function templateFor(kind: ConsentKind, modality: Modality | null): ConsentTemplate {
  const wantModality = kind === 'treatment' ? modality : null;
  const found = CONSENT_TEMPLATES.find((t) => t.kind === kind && t.modality === wantModality);
  if (!found || (kind === 'treatment' && modality === null)) {
    throw new Error(`no consent template for kind ${kind} and modality ${modality ?? 'none'}`);
  }
  return found;
}

export function templateById(id: string): ConsentTemplate | undefined {
  return CONSENT_TEMPLATES.find((t) => t.id === id);
}

/** The version of the whole set of documents, as a clinic's review of them records it. */
export const consentSetVersion = (): string => [...new Set(CONSENT_TEMPLATES.map((t) => t.version))].sort().join(' + ');
