// Users belong to auth (src/db/table-owners.ts); a user is not scoped to one organization, so these
// functions take the user's id alone.
import type { Db } from '../connect.js';

/** Sets a user's display name. */
export const renameUser = (db: Db, userId: string, name: string, updatedAt: Date) =>
  db.updateTable('users').set({ name, updated_at: updatedAt }).where('id', '=', userId).execute();

/** The id of the account with this email (stored in lower case), if there is one. */
export const findUserIdByEmail = async (db: Db, email: string) =>
  (await db.selectFrom('users').select('id').where('email', '=', email.toLowerCase()).executeTakeFirst())?.id ?? null;

/** The address is proven to be the account's: a link sent to it was opened. */
export const markEmailVerified = (db: Db, userId: string, at: Date) =>
  db.updateTable('users').set({ email_verified: true, updated_at: at }).where('id', '=', userId).execute();

/** Removes an identity created moments ago whose organization could not be written (compensation). */
export const deleteUser = (db: Db, userId: string) => db.deleteFrom('users').where('id', '=', userId).execute();
