// Users belong to auth (src/db/table-owners.ts); a user is not scoped to one organization, so these
// functions take the user's id alone.
import type { Db } from '../connect.js';

/** Sets a user's display name. */
export const renameUser = (db: Db, userId: string, name: string, updatedAt: Date) =>
  db.updateTable('users').set({ name, updated_at: updatedAt }).where('id', '=', userId).execute();
