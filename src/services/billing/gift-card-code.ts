// Gift card codes: 16 characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 79 bits
// of randomness, shown in groups of four. Only the SHA-256 hash of the normalised code and its last
// four characters are stored; the code itself exists in the sealed outbox message until delivery.
import { createHash, randomInt } from 'node:crypto';

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 16;

/** A new random code, grouped for reading: ABCD-EFGH-JKMN-PQRS. */
export function newGiftCardCode(): string {
  let raw = '';
  for (let i = 0; i < CODE_LENGTH; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return groupCode(raw);
}

export const groupCode = (raw: string) => raw.match(/.{1,4}/g)!.join('-');

/** What was typed, as stored: capitals, without spaces or dashes. Null when it cannot be a code. */
export function normaliseCode(typed: string): string | null {
  const raw = typed.toUpperCase().replace(/[\s-]/g, '');
  if (raw.length !== CODE_LENGTH || [...raw].some((ch) => !CODE_ALPHABET.includes(ch))) return null;
  return raw;
}

export const hashCode = (normalised: string) => createHash('sha256').update(`dermis-gift-card:${normalised}`).digest('hex');
