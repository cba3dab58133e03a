export * from './contract.js';
export * from './validate.js';
export { screen, screenWithTrace, SEVERITY } from './screen.js';
export { explainForClient, type ClientExplanation } from './explain.js';
export { ScreeningSettingsSchema, defaultScreeningSettings, type ScreeningSettings } from '../../protocols/microneedling/windows.js';
export { MICRONEEDLING_PACK, packKey } from '../../protocols/microneedling/version.js';
