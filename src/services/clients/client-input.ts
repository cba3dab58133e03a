import { z } from 'zod';
import { isoDate, personName } from '../../domain/shared/input.js';

const name = personName({ max: 100 });
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{7,20}$/, 'Enter a phone number of 7 to 20 digits; spaces, dashes and brackets are fine');

export const createClientInput = z.strictObject({
  firstName: name,
  lastName: name,
  email: z.email().max(254).nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  dateOfBirth: isoDate().nullable().optional(),
  preferredLocationId: z.uuid().nullable().optional(),
});
export type CreateClientInput = z.infer<typeof createClientInput>;

export const updateClientInput = createClientInput.partial();
export type UpdateClientInput = z.infer<typeof updateClientInput>;
