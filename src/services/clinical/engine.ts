// The one place services reach the screening engine (src/domain/screening/engine).
import {
  explainForClient as explain,
  IntakeSchema,
  CalendarDateSchema,
  parseIntake,
  parsePlan,
  PlanSchema,
  ScreeningRequestSchema,
  ScreeningResultSchema,
  ScreeningSettingsSchema,
  defaultScreeningSettings,
  screenWithTrace,
  type ScreeningRequest,
  type ScreeningResult,
  type ScreeningSettings,
} from '../../domain/screening/engine/index.js';

export { CalendarDateSchema, IntakeSchema, PlanSchema, ScreeningRequestSchema, ScreeningResultSchema, parseIntake, parsePlan, defaultScreeningSettings };
export const screeningSettingsSchema = ScreeningSettingsSchema;
export type ScreeningSettingsValues = ScreeningSettings;
export type ScreeningResultValue = ScreeningResult;
export type ScreeningRequestValue = ScreeningRequest;

export function runScreening(request: { intake: unknown; plan: unknown }, settings: ScreeningSettings) {
  // stored intakes and plans were validated when saved; parse again so old rows meet today's types
  const parsed = ScreeningRequestSchema.parse(request);
  const { result, settingsUsed } = screenWithTrace(parsed, settings);
  return { result, settingsUsed };
}

export const explainForClient = explain;
