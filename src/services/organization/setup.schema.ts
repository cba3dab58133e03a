// The answers of the clinic set-up routes: the checklist, the online-booking switch and the review of
// the consent documents.
import { z } from 'zod';

export const SETUP_STEPS = ['hours', 'providers', 'rooms', 'devices', 'services', 'billing', 'consents', 'online_booking'] as const;
export type SetupStepId = (typeof SETUP_STEPS)[number];

const STEP_EXAMPLE = {
  id: 'rooms',
  title: 'Treatment rooms',
  detail: 'Add a treatment room at Downtown.',
  done: false,
  href: '/console/settings?tab=scheduling',
} as const;

export const SetupStep = z
  .object({
    id: z.enum(SETUP_STEPS),
    title: z.string(),
    detail: z.string().describe('What is done, or what is left to do, in plain words'),
    done: z.boolean(),
    href: z.string().describe('The console screen where the step is done'),
  })
  .meta({ id: 'SetupStep', description: 'One step of setting up a clinic', example: STEP_EXAMPLE });

export const SetupChecklist = z
  .object({
    organizationName: z.string(),
    complete: z.boolean().describe('every step is done'),
    done: z.number().int().describe('steps done'),
    total: z.number().int().describe('steps in all'),
    steps: z.array(SetupStep),
  })
  .meta({
    id: 'SetupChecklist',
    description: "A clinic's set-up: each step's state is read from what the clinic has recorded",
    example: {
      organizationName: 'Glow MedSpa',
      complete: false,
      done: 3,
      total: 8,
      steps: [
        { id: 'hours', title: 'Opening hours', detail: 'Opening hours are set at every location.', done: true, href: '/console/settings?tab=scheduling' },
        STEP_EXAMPLE,
      ],
    },
  });
export type SetupChecklistView = z.output<typeof SetupChecklist>;

export const OnlineBooking = z
  .object({ enabled: z.boolean().describe('clients can find the clinic, create an account and book in the portal') })
  .meta({ id: 'OnlineBooking', description: 'Whether the clinic takes online bookings', example: { enabled: true } });

export const ConsentReview = z
  .object({
    version: z.string().describe('the version of the consent documents that was read'),
    reviewedAt: z.string().describe('ISO date-time'),
  })
  .meta({ id: 'ConsentReview', description: 'The consent documents were read by the owner or the medical director', example: { version: '2026.11.1', reviewedAt: '2026-12-03T15:30:00.000Z' } });
