// Tables of gift cards (migration 20261204-0410, docs/gift-cards.md). Money is integer cents; the
// code is never stored, only its SHA-256 hash and last four characters.
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type GiftCardStatus = 'pending' | 'active' | 'void' | 'refunded';
export type GiftCardSaleMethod = 'cash' | 'card_terminal' | 'card_online' | 'check' | 'other';
export interface GiftCardsTable {
  organization_id: string;
  id: Generated<string>;
  status: GiftCardStatus;
  code_hash: string | null;
  code_last4: string | null;
  initial_cents: number;
  balance_cents: number;
  currency: string;
  location_id: string | null;
  channel: 'desk' | 'online';
  purchaser_name: string;
  purchaser_email: string | null;
  purchaser_client_id: string | null;
  recipient_name: string;
  recipient_email: string;
  message: string | null;
  expires_on: string | null;
  sale_method: GiftCardSaleMethod;
  sale_ref: string | null;
  idempotency_key: string;
  sold_by: string | null;
  created_at: CreatedAt;
  activated_at: Date | null;
  closed_at: Date | null;
  closed_by: string | null;
  close_reason: string | null;
}

export type GiftCardEntryKind = 'issue' | 'redeem' | 'return' | 'refund' | 'void' | 'expiry';
export interface GiftCardEntriesTable {
  organization_id: string;
  id: Generated<string>;
  seq: Generated<number>;
  gift_card_id: string;
  kind: GiftCardEntryKind;
  amount_cents: number;
  balance_after_cents: number;
  method: string | null;
  payment_id: string | null;
  invoice_id: string | null;
  reason: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface GiftCardTables {
  gift_cards: GiftCardsTable;
  gift_card_entries: GiftCardEntriesTable;
}
