// The API's shapes come from the generated contract (client.ts); this file names the ones used widely
// and keeps the labels people read.
import type { Schemas } from './client.js';

export type Role = Schemas['Me']['role'];
export const STAFF_ROLES: Role[] = ['owner', 'medical_director', 'provider', 'front_desk'];
export const ROLE_LABEL: Record<Role, string> = {
  owner: 'Owner',
  medical_director: 'Medical director',
  provider: 'Provider',
  front_desk: 'Front desk',
  client: 'Client',
};

export type Me = Schemas['Me'];

export type Client = Schemas['Client'];

export type Location = Schemas['Location'];

export type Organization = Schemas['Organization'];

export type StaffMember = Schemas['StaffMember'];

export type AuditEvent = Schemas['AuditEvent'];

export type AccessRefusal = Schemas['AccessRefusal'];

export type OutboxMessage = Schemas['OutboxMessage'];
