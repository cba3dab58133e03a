// The structured procedure chart and the rules it is signed against: depth per area within the
// protocol caps (reference 3A/3B), RF settings from the device preset (RF-1), only products approved
// for use with the device (LOG-5), numbing logged (LOG-2), the pre-procedure checklist done.
import { z } from 'zod';
import { line, text } from '../shared/input.js';
import { AREAS } from '../screening/engine/contract.js';
import { checkDepth } from '../plans/depth-check.js';
import type { DepthIndication } from '../protocols/microneedling/depths.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');

export const ChartSchema = z.strictObject({
  checklist: z.strictObject({
    skinCleansed: z.boolean(),
    beforePhotosBeforeNumbing: z.boolean(),
    numbingApplied: z.boolean(),
  }),
  deviceId: z.uuid(),
  lotIds: z.array(z.uuid()).min(1, 'record the needle cartridge lot').max(5),
  numbing: z
    .strictObject({ product: line({ min: 2, max: 120 }), amount: line({ max: 60 }), area: line({ min: 2, max: 120 }), onAt: hhmm, offAt: hhmm })
    .nullable(),
  areas: z
    .array(
      z.strictObject({
        area: z.enum(AREAS),
        depthMm: z.number().min(0.1).max(3),
        passes: z.number().int().min(1).max(10),
        rfPreset: line({ min: 0, max: 120 }).optional(),
      }),
    )
    .min(1)
    .max(15),
  products: z.array(z.strictObject({ name: line({ min: 2, max: 120 }), approvedForDevice: z.boolean(), reason: text({ min: 0, max: 300 }).optional() })).max(10),
  endPoint: text({ min: 2, max: 300 }),
  notes: text({ min: 0, max: 5000 }).default(''),
});
export type Chart = z.infer<typeof ChartSchema>;

export interface ChartIssue {
  path: string;
  message: string;
  /** needs the medical director rather than being refused */
  director: boolean;
}

/** What stops a chart from being signed; `director` issues may be signed by the medical director. */
export function chartIssues(c: Chart, ctx: { modality: 'roller' | 'pen' | 'rf'; indication: DepthIndication; approvedDepths: Record<string, number> }): ChartIssue[] {
  const issues: ChartIssue[] = [];
  if (!c.checklist.skinCleansed) issues.push({ path: 'checklist.skinCleansed', message: 'cleanse the skin before treating', director: false });
  if (!c.checklist.beforePhotosBeforeNumbing) issues.push({ path: 'checklist.beforePhotosBeforeNumbing', message: 'take the before photos before numbing', director: false });
  if (c.checklist.numbingApplied && !c.numbing) issues.push({ path: 'numbing', message: 'log the numbing product, amount, area and times (LOG-2)', director: false });
  c.areas.forEach((a, i) => {
    const check = checkDepth(a.area, a.depthMm, ctx.indication, ctx.modality);
    if (check.status === 'refused') issues.push({ path: `areas.${i}.depthMm`, message: check.messages.join('; '), director: false });
    // a depth the medical director approved on the plan is within what was approved
    if (check.status === 'needs_director' && !(ctx.approvedDepths[a.area] !== undefined && a.depthMm <= ctx.approvedDepths[a.area]!)) {
      issues.push({ path: `areas.${i}.depthMm`, message: `${check.messages.join('; ')} (DEPTH-1)`, director: true });
    }
    if (ctx.modality === 'rf' && !a.rfPreset) issues.push({ path: `areas.${i}.rfPreset`, message: 'record the device preset used (RF-1: settings come from the device)', director: false });
  });
  c.products.forEach((p, i) => {
    if (!p.approvedForDevice && !p.reason) issues.push({ path: `products.${i}.reason`, message: 'a product not approved for use with the device needs a reason (LOG-5)', director: false });
  });
  return issues;
}
