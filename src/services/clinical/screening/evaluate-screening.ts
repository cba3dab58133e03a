import type { Ctx } from '../../context.js';
import { runScreening, type ScreeningRequestValue } from '../engine.js';
import { settingsInForce } from '../settings/clinical-settings.js';

/** Stateless: the organization's settings in force, the contract request in, the result out. */
export async function evaluateScreening(ctx: Ctx, request: ScreeningRequestValue) {
  const { settings } = await settingsInForce(ctx.db, ctx.principal.organizationId);
  return runScreening(request, settings.screening).result;
}
