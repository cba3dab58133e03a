// A client-facing microneedling guide: plain language, short paragraphs, no hype.
// Content is reviewed as a whole and versioned; bump GUIDE_VERSION on every edit. The risk summary
// has its own version, because clients acknowledge it: bump that only when the summary changes.

export const GUIDE_VERSION = '2026.12.1';
export const RISK_SUMMARY_VERSION = '2026.11.1';

export interface GuideSection {
  id: string;
  title: string;
  summary: string;
  paragraphs: string[];
  bullets?: string[];
  sources: string[];
}

export const MICRONEEDLING_NAMES: readonly string[] = [
  'microneedling',
  'collagen induction therapy',
  'percutaneous collagen induction',
  'skin needling',
  'dermal rolling',
  'micro-needling therapy',
  'needle dermabrasion',
  'dermal micro-needling',
];

export const GUIDE: readonly GuideSection[] = [
  {
    id: 'what-it-is',
    title: 'What microneedling is',
    summary: 'Microneedling uses very fine needles to make tiny, controlled punctures in the skin so it starts its own repair process.',
    paragraphs: [
      'Microneedling is a cosmetic treatment in which a device with very fine, sterile needles makes many tiny punctures in the top layers of the skin. The punctures are small and close up quickly.',
      'You may hear it called by other names. They all describe the same basic idea: microneedling, collagen induction therapy (often shortened to CIT), percutaneous collagen induction, skin needling, dermal rolling, micro-needling therapy, needle dermabrasion and dermal micro-needling.',
      'It is done in a clinic by a trained professional. Home rollers exist, but they use shorter needles and are not the same as an in-clinic treatment.',
    ],
    sources: ['S1', 'S13', 'S24'],
  },
  {
    id: 'benefits',
    title: 'What it can help with',
    summary: 'Microneedling can gradually improve skin texture, some acne scars and fine lines. Results build slowly and vary from person to person.',
    paragraphs: [
      'Most people choose microneedling to improve the overall look and feel of their skin. Changes are usually gradual and modest rather than dramatic.',
      'Results differ from person to person. Your provider can tell you what is realistic for your skin before you book.',
    ],
    bullets: [
      'Rough or uneven skin texture',
      'Some types of acne scars',
      'Fine lines and wrinkles',
      'Enlarged-looking pores',
      'Some stretch marks',
    ],
    sources: ['S1', 'S13', 'S25'],
  },
  {
    id: 'who-it-suits',
    title: 'Who it may suit',
    summary: 'Microneedling may suit healthy adults with concerns about texture, scarring or fine lines who can follow the aftercare and are patient with gradual results.',
    paragraphs: [
      'Microneedling is used on many skin types and tones. People with darker skin can be treated, but they have a higher chance of dark patches afterward, so settings and aftercare matter.',
      'It tends to suit people who are in good general health, have no active skin infection in the area, and can protect their skin from the sun during recovery.',
      'A consultation comes first. Your provider will ask about your health, medicines and skin history to check that it is a good fit for you.',
    ],
    sources: ['S13', 'S25', 'S26'],
  },
  {
    id: 'how-it-works',
    title: 'How it works',
    summary: 'The tiny punctures prompt the skin to heal itself, which over weeks to months can lead to new collagen and firmer, smoother skin.',
    paragraphs: [
      'Each tiny puncture is a small, controlled injury. Your skin responds the way it responds to any small wound: it starts to heal.',
      'Part of that healing is making new collagen and elastin, the proteins that help keep skin firm and smooth. This rebuilding takes time, which is why results appear gradually over several months.',
      'Needle depth and technique are adjusted to the area being treated and to your skin.',
    ],
    sources: ['S1', 'S24', 'S27'],
  },
  {
    id: 'types',
    title: 'Types of microneedling',
    summary: 'There are three main types: the dermaroller (roller), the automated pen, and RF microneedling, which adds radiofrequency heat.',
    paragraphs: [
      'The types differ in how the needles reach the skin and whether heat is added. Your provider will explain which one they recommend and why.',
      'RF microneedling is a different, more intensive treatment. It is priced separately, and its settings are device specific, so they are chosen for the exact device being used.',
    ],
    bullets: [
      'Dermaroller (roller): a small handheld roller covered in fine needles that is rolled across the skin.',
      'Automated pen: a pen-shaped device whose needles move quickly up and down at a set depth. This is the most common in-clinic type.',
      'RF microneedling: needles that also deliver radiofrequency heat into the skin. It is priced separately and its settings are device specific.',
      'Names you may see for a roller: dermaroller or derma roller.',
      'Brand names of automated pens (derma pens): SkinPen and Dermapen.',
      'Brand names of RF microneedling devices: Morpheus8 and Potenza.',
    ],
    sources: ['S13', 'S25', 'S28', 'S33', 'S45', 'S52'],
  },
  {
    id: 'prp-vampire-facial',
    title: 'Vampire facial and PRP microneedling',
    summary: '"Vampire facial" is a trademarked name for microneedling with platelet-rich plasma (PRP), made from your own blood, applied to the skin. The needling is the same; the blood draw is what differs.',
    paragraphs: [
      'You may see it advertised as a vampire facial, a PRP facial or PRP microneedling. They describe microneedling with platelet-rich plasma (PRP) applied to the skin during or after the needling.',
      'What differs: a small amount of your blood is drawn and spun in a centrifuge to concentrate the platelets, and that plasma is spread over the needled skin. So the treatment adds a blood draw and the handling of blood to an ordinary microneedling session.',
      'What the evidence says: the clinical sources behind this guide are about microneedling itself. They do not show that adding PRP gives better results than microneedling alone, so we do not claim that it does. Ask your provider what evidence they rely on.',
      'Because blood is involved, infection control matters even more. In 2024 the CDC reported HIV infections linked to PRP microneedling facials at an unlicensed spa where single-use equipment was reportedly reused. Choose a licensed clinic that uses single-use, sterile needles and equipment and keeps a record of every treatment.',
      'Not every Dermis clinic offers PRP; ask yours. The eligibility check in this portal covers the microneedling, not the blood draw, so talk the rest through with your provider.',
    ],
    bullets: [
      'Also called: vampire facial (a trademarked name), PRP facial, PRP microneedling, microneedling with PRP.',
      'The same needling as a pen or roller treatment, plus a blood draw.',
      'Extra benefit from PRP: not shown in the sources this guide relies on.',
      'Infection control: single-use, sterile equipment that is never reused (CDC report, 2024).',
      'Availability: not every Dermis clinic offers PRP; ask your clinic.',
    ],
    sources: ['S24', 'S25', 'S35'],
  },
  {
    id: 'what-to-expect',
    title: 'What to expect',
    summary: 'Numbing cream first, a short treatment, a few days of redness and flaking, and results judged at least 3 months after your last session.',
    paragraphs: [
      'Before treatment, numbing cream is applied and left on for about 20 minutes. The treatment itself takes about 15 to 30 minutes per facial area.',
      'Afterward your skin will look red, much like a sunburn, for 1 to 3 days. Dryness and flaking are common from about day 2 to day 5. Full recovery can take up to 2 weeks.',
      'Most people need a series of 3 to 6 sessions, spaced 4 to 6 weeks apart. Because collagen builds slowly, results are best judged at least 3 months after your last session.',
    ],
    bullets: [
      'Numbing cream: about 20 minutes',
      'Treatment: about 15 to 30 minutes per facial area',
      'Redness like a sunburn: 1 to 3 days',
      'Flaking: around days 2 to 5',
      'Full recovery: up to 2 weeks',
      'Usual plan: 3 to 6 sessions, 4 to 6 weeks apart',
      'Judge results: at least 3 months after the last session',
    ],
    sources: ['S1', 'S26', 'S27', 'S45'],
  },
  {
    id: 'aftercare',
    title: 'Aftercare',
    summary: 'Keep your skin clean, bare and out of the sun for the first day, then use sunscreen daily and skip sweat, pools and strong products for a while.',
    paragraphs: [
      'For the first 24 hours, leave your skin bare: no makeup and no sunscreen. Because you cannot use sunscreen yet, strictly avoid the sun during this time.',
      'Good aftercare lowers the chance of infection, irritation and dark patches. If you are unsure about a product, ask your provider before using it.',
    ],
    bullets: [
      'First 24 hours: no makeup and no sunscreen, so strictly avoid the sun.',
      'From 24 hours: use a broad-spectrum sunscreen, SPF 30 or higher, every day.',
      'For 72 hours: no strenuous exercise or heavy sweating.',
      'For 7 days: no swimming pools, sauna or steam rooms.',
      'For 5 to 7 days: no retinoids, acids or scrubs.',
      'Do not pick, scratch or peel flaking skin.',
    ],
    sources: ['S1', 'S26', 'S34', 'S45'],
  },
  {
    id: 'risks',
    title: 'Risks and side effects',
    summary: 'Mild, short-lived side effects are common. Less often, infection, dark patches, granulomas or scarring can happen. RF microneedling carries added risks.',
    paragraphs: [
      'Most side effects are mild and settle within days. Some are less common but more serious, and it is important to know about them before you decide.',
      'Darkening of the skin, called post-inflammatory hyperpigmentation, is more likely in darker skin types. Sun protection helps lower this risk.',
      'Some serums and products not meant for needled skin have caused granuloma reactions, which are firm bumps that can appear weeks later. Only products your provider approves should be used during and after treatment.',
      'In October 2025 the FDA issued a safety communication about RF microneedling. It reported serious complications including burns, scarring, fat loss, disfigurement and nerve damage.',
    ],
    bullets: [
      'Redness and swelling',
      'Pinpoint bleeding and bruising',
      'Dryness and flaking',
      'Breakouts',
      'Infection',
      'Cold-sore flare if you are prone to them',
      'Darkening of skin (post-inflammatory hyperpigmentation), higher in darker skin types',
      'Granuloma reactions to serums',
      'Tram-track scarring (grid-like marks)',
      'RF microneedling only: burns, scarring, fat loss, disfigurement and nerve damage (FDA safety communication, October 2025)',
    ],
    sources: ['S13', 'S24', 'S25', 'S28', 'S52'],
  },
  {
    id: 'red-flags',
    title: 'When to get help',
    summary: 'Contact the clinic if healing is not going as expected. Call emergency services at once for signs of a severe allergic reaction or a reaction to numbing cream.',
    paragraphs: [
      'Some redness and tenderness is normal at first and should steadily improve. If things get worse instead of better, contact the clinic.',
      'Call emergency services at once if you have hives with facial swelling or trouble breathing, or if you feel dizzy, have numb lips, a racing or pounding heart (palpitations) or a seizure after numbing cream.',
    ],
    bullets: [
      'Contact the clinic: redness, warmth or pain that gets worse after 48 to 72 hours',
      'Contact the clinic: pus or fever',
      'Contact the clinic: blisters or cold sores',
      'Contact the clinic: redness that lasts past 7 days',
      'Contact the clinic: new bumps days to weeks later',
      'Contact the clinic: darkening patches',
      'Contact the clinic: grid-like marks',
      'Contact the clinic: swollen lymph nodes',
      'Emergency: hives with facial swelling, or trouble breathing',
      'Emergency: dizziness, numb lips, palpitations or seizure after numbing cream',
    ],
    sources: ['S13', 'S24', 'S34'],
  },
  {
    id: 'who-should-avoid',
    title: 'Who should not have it, or needs a review first',
    summary: 'Some health conditions and medicines mean you should wait or skip treatment. Others need your provider to review your situation first.',
    paragraphs: [
      'Please tell your provider about your health, medicines and skin history, even if it seems minor. It helps them keep you safe.',
    ],
    bullets: [
      'Pregnancy: do not have treatment.',
      'Active skin infection or cold sore in the area: wait until it has fully cleared.',
      'Isotretinoin in the last 6 months: do not have treatment yet.',
      'Skin cancer in the treatment area: do not have treatment there.',
      'Bleeding disorders or blood thinners (anticoagulants): needs a review first.',
      'Tendency to form keloid scars: needs a review first.',
      'Pacemaker or other implanted devices: RF microneedling is not suitable without review.',
      'Under 22 years old: needs a review first.',
    ],
    sources: ['S13', 'S25', 'S26', 'S27'],
  },
  {
    id: 'costs',
    title: 'Costs',
    summary: 'A pen or roller session typically costs about $300, with a range of $100 to $700. RF microneedling is priced separately.',
    paragraphs: [
      'A typical pen or roller session costs about $300, though prices range from about $100 to $700 depending on the area, the clinic and where you live.',
      'RF microneedling is priced separately and often costs $500 or more per session.',
      'Packages of 3 or 6 sessions usually cost less per session. Microneedling is a cosmetic treatment, so it is generally not covered by insurance.',
    ],
    sources: ['S1', 'S28'],
  },
  {
    id: 'choosing-a-provider',
    title: 'Choosing a provider',
    summary: 'Choose a licensed professional who works under a medical director, uses an FDA-cleared device and single-use sterile needles, and keeps records.',
    paragraphs: [
      'Who may perform microneedling, and under what supervision, depends on state law. Scope of practice varies by state, so it is fair to ask how your provider is licensed.',
      'A good provider will be happy to answer questions about their training and show before and after photos of their own work.',
    ],
    bullets: [
      'A licensed professional',
      'Supervised by a medical director',
      'Uses an FDA-cleared device',
      'Single-use, sterile needle cartridges that are never reused',
      'Keeps records of each treatment',
      'Ask about their training',
      'Ask to see before and after photos',
    ],
    sources: ['S24', 'S28', 'S34', 'S52'],
  },
];

export interface RiskPoint {
  modality: 'all' | 'rf';
  text: string;
}

export interface RiskSummary {
  id: 'risk-summary';
  version: string;
  title: string;
  points: RiskPoint[];
}

export const RISK_SUMMARY: RiskSummary = {
  id: 'risk-summary',
  version: RISK_SUMMARY_VERSION,
  title: 'Before you book: what you need to know',
  points: [
    { modality: 'all', text: 'Redness like a sunburn, swelling, pinpoint bleeding and bruising are common and usually settle within days.' },
    { modality: 'all', text: 'Infection, breakouts and cold-sore flares can happen.' },
    { modality: 'all', text: 'Dark patches (post-inflammatory hyperpigmentation) can occur and are more likely in darker skin types.' },
    { modality: 'all', text: 'Granuloma reactions to serums and tram-track scarring are rare but possible.' },
    { modality: 'all', text: 'For the first 24 hours you cannot wear sunscreen, so you must strictly avoid the sun; then use SPF 30 or higher daily.' },
    { modality: 'all', text: 'Results are gradual, usually need 3 to 6 sessions, and are judged at least 3 months after the last session.' },
    { modality: 'all', text: 'You must tell us about pregnancy, isotretinoin, blood thinners, cold sores, keloids and any skin cancer in the area.' },
    { modality: 'all', text: 'Contact the clinic if redness, warmth or pain gets worse after 48 to 72 hours; call emergency services for trouble breathing or facial swelling.' },
    { modality: 'rf', text: 'RF microneedling can cause burns, scarring, fat loss, disfigurement and nerve damage (FDA safety communication, October 2025).' },
  ],
};
