import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../connect.js';
import type { ClientsTable } from '../schema.js';

export type ClientRow = Selectable<ClientsTable>;

export function findClient(db: Db, organizationId: string, id: string) {
  return db.selectFrom('clients').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export function findClientByUser(db: Db, organizationId: string, userId: string) {
  return db.selectFrom('clients').selectAll().where('organization_id', '=', organizationId).where('user_id', '=', userId).executeTakeFirst();
}

export function findClientByEmail(db: Db, organizationId: string, email: string) {
  return db
    .selectFrom('clients')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export interface ClientSearch {
  organizationId: string;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export async function searchClients(db: Db, s: ClientSearch) {
  let q = db.selectFrom('clients').where('organization_id', '=', s.organizationId);
  if (s.q) {
    const like = `%${s.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(first_name || ' ' || last_name)`, 'like', like),
        eb(sql`lower(coalesce(email, ''))`, 'like', like),
        eb(sql`coalesce(phone, '')`, 'like', like),
      ]),
    );
  }
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy(sql`lower(last_name)`).orderBy(sql`lower(first_name)`).orderBy('id').limit(s.limit).offset(s.offset).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export function insertClient(db: Db, row: Insertable<ClientsTable>) {
  return db.insertInto('clients').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateClient(db: Db, organizationId: string, id: string, patch: Updateable<ClientsTable>) {
  return db
    .updateTable('clients')
    .set(patch)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** A client who must exist (a booking's or a journey's, say): Kysely's NoResultError otherwise. */
export function findClientOrThrow(db: Db, organizationId: string, id: string) {
  return db.selectFrom('clients').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirstOrThrow();
}

/** The time zone of the client's preferred location (null without one); undefined when no such client. */
export function findClientTimeZone(db: Db, organizationId: string, clientId: string) {
  return db
    .selectFrom('clients as c')
    .leftJoin('locations as l', (j) => j.onRef('l.organization_id', '=', 'c.organization_id').onRef('l.id', '=', 'c.preferred_location_id'))
    .select('l.time_zone')
    .where('c.organization_id', '=', organizationId)
    .where('c.id', '=', clientId)
    .executeTakeFirst();
}

/** The client with this name and date of birth (names compared without case): the import's natural key without an email. */
export function findClientByNameAndBirth(db: Db, organizationId: string, firstName: string, lastName: string, dateOfBirth: string) {
  return db
    .selectFrom('clients')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where(sql`lower(first_name)`, '=', firstName.toLowerCase())
    .where(sql`lower(last_name)`, '=', lastName.toLowerCase())
    .where('date_of_birth', '=', dateOfBirth)
    .orderBy('created_at')
    .executeTakeFirst();
}

/** The client with this name and phone number (digits compared): the import's key without email or date of birth. */
export function findClientByNameAndPhone(db: Db, organizationId: string, firstName: string, lastName: string, phone: string) {
  return db
    .selectFrom('clients')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where(sql`lower(first_name)`, '=', firstName.toLowerCase())
    .where(sql`lower(last_name)`, '=', lastName.toLowerCase())
    .where(sql`regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')`, '=', phone.replace(/[^0-9]/g, ''))
    .orderBy('created_at')
    .executeTakeFirst();
}
