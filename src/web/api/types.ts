export type Role = 'owner' | 'medical_director' | 'provider' | 'front_desk' | 'client';
export const STAFF_ROLES: Role[] = ['owner', 'medical_director', 'provider', 'front_desk'];
export const ROLE_LABEL: Record<Role, string> = {
  owner: 'Owner',
  medical_director: 'Medical director',
  provider: 'Provider',
  front_desk: 'Front desk',
  client: 'Client',
};

export interface Me {
  user: { id: string; name: string; email: string; twoFactorEnabled: boolean; emailVerified: boolean };
  organization: { id: string; slug: string; name: string };
  role: Role;
  clientId: string | null;
  twoFactorRequired: boolean;
  twoFactorSetupRequired: boolean;
}

export interface Client {
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

export interface Location {
  id: string;
  name: string;
  timeZone: string;
  state: string;
  address: string;
  phone: string;
}

export interface Organization {
  id: string;
  slug: string;
  name: string;
  locations: Location[];
}

export interface StaffMember {
  userId: string;
  name: string;
  email: string;
  role: Role;
  title: string;
  licenceType: string | null;
  licenceNumber: string | null;
  licenceState: string | null;
  licenceExpiresOn: string | null;
  twoFactorEnabled: boolean;
}

export interface AuditEvent {
  seq: number;
  occurredAt: string;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  clientId: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/** refused attempts of one person on one route (GET /api/audit/refusals) */
export interface AccessRefusal {
  userId: string;
  name: string | null;
  email: string | null;
  role: string;
  method: string;
  route: string;
  status: number;
  count: number;
  firstAt: string;
  lastAt: string;
  lastIp: string | null;
}

export interface OutboxMessage {
  id: string;
  channel: string;
  kind: string;
  to: string;
  subject: string;
  body: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
}
