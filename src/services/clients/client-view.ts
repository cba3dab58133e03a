import type { ClientRow } from '../../db/repositories/clients.repository.js';

export interface ClientView {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
  preferredLocationId: string | null;
  hasAccount: boolean;
  createdAt: string;
  updatedAt: string;
}

export const toClientView = (r: ClientRow): ClientView => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  email: r.email,
  phone: r.phone,
  dateOfBirth: r.date_of_birth,
  preferredLocationId: r.preferred_location_id,
  hasAccount: r.user_id !== null,
  createdAt: r.created_at.toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});
