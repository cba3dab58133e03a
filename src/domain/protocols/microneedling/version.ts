// The microneedling protocol pack: versioned clinical content. A screening result names the pack
// version it used ("microneedling@2026.11.1"); change the version with any rule change.
import { SCREENING_RULES } from './rules.js';
import { defaultScreeningSettings } from './windows.js';

export const MICRONEEDLING_PACK = {
  id: 'microneedling',
  version: '2026.11.1',
  title: 'Microneedling (collagen induction therapy): roller, pen and RF',
  rules: SCREENING_RULES,
  defaults: defaultScreeningSettings(),
} as const;

export const packKey = `${MICRONEEDLING_PACK.id}@${MICRONEEDLING_PACK.version}`;
