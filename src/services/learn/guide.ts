import { GUIDE, GUIDE_VERSION, MICRONEEDLING_NAMES, RISK_SUMMARY } from '../../domain/learn/guide.js';
import type { LearnGuideView, RiskSummaryView } from './learn.schema.js';

/** The client guide, public: what microneedling is, every name it goes by, risks, costs. */
export function getGuide(): LearnGuideView {
  return { version: GUIDE_VERSION, names: [...MICRONEEDLING_NAMES], sections: GUIDE.map((s) => ({ ...s, bullets: s.bullets ?? [] })), riskSummary: RISK_SUMMARY };
}

/** The risk summary for a modality: the points for every modality plus the modality's own. */
export function riskSummaryFor(modality: 'roller' | 'pen' | 'rf'): RiskSummaryView {
  return { ...RISK_SUMMARY, points: RISK_SUMMARY.points.filter((p) => p.modality === 'all' || p.modality === modality) };
}
