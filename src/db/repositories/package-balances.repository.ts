// Package balances brought from another system (services/import, docs/import.md): a purchase row on a
// $0 invoice, so the sessions draw like any other package's.
import type { Insertable } from 'kysely';
import type { Db } from '../connect.js';
import type { PackagePurchasesTable } from '../schema-money.js';

export const insertPackagePurchase = (db: Db, row: Insertable<PackagePurchasesTable>) => db.insertInto('package_purchases').values(row).returning(['id']).executeTakeFirstOrThrow();
