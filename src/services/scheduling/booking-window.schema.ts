import { z } from 'zod';

const example = {
  serviceId: 'c2b7e9a4-1f3d-4e5a-b6c7-d8e9f0a1b2c3',
  bookable: true,
  from: '2027-03-30',
  until: '2027-04-29',
  blocked: [{ from: '2027-04-05', to: '2027-05-02' }],
  reason: 'You can be treated from March 30, 2027.',
  nextStep: null,
  todo: ['Sign the treatment consent before your visit.'],
} as const;

/** What a client may book of one service: the dates, or why not yet and what to do next. */
export const BookingWindow = z
  .object({
    serviceId: z.guid(),
    bookable: z.boolean().describe('Times can be booked online now'),
    from: z.iso.date().nullable().describe('First local date that may be booked; null when nothing can be'),
    until: z.iso.date().nullable().describe('Last local date that may be booked (the booking horizon or the end of what the screening covers)'),
    blocked: z.array(z.object({ from: z.iso.date(), to: z.iso.date() })).describe('Dates inside the window that are too close to another treatment'),
    reason: z.string().nullable().describe('A plain sentence for the client: why not yet, or from when'),
    nextStep: z
      .object({
        kind: z.enum(['questionnaire', 'check_eligibility', 'book_consultation', 'await_review', 'join_waitlist']),
        label: z.string().describe('Button text'),
        from: z.iso.date().nullable().describe('For the waitlist: the first date to wait for'),
      })
      .nullable(),
    todo: z.array(z.string()).describe('Things to do before the visit that do not stop booking, in plain sentences'),
  })
  .meta({ id: 'BookingWindow', description: 'The dates a client may book a service for, or why not and the next step', example });

export const BookingOptions = z
  .object({ items: z.array(BookingWindow) })
  .meta({ id: 'BookingOptions', description: 'For each active service at a location, what the client may book', example: { items: [example] } });

export type BookingWindowView = z.output<typeof BookingWindow>;
