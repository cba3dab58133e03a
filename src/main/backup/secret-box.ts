// The secret travels inside a backup only sealed with the owner's passphrase: scrypt (memory-hard, so
// a stolen archive resists guessing) derives an AES-256-GCM key; GCM's tag tells a wrong passphrase
// from a right one without any other check.
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';

const AAD = Buffer.from('dermis-backup-secret-v1');
const COST = { N: 2 ** 15, r: 8, p: 1 };
// N is read from the archive: a bound stops a crafted file from asking for gigabytes of memory
const MAX_N = 2 ** 16;

export const MIN_PASSPHRASE = 12;

export const sealedSecretSchema = z.object({
  kdf: z.literal('scrypt'),
  N: z.number().int().min(2 ** 10).max(MAX_N),
  r: z.number().int().min(1).max(8),
  p: z.number().int().min(1).max(4),
  salt: z.string(),
  cipher: z.literal('aes-256-gcm'),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});
export type SealedSecret = z.infer<typeof sealedSecretSchema>;

export class WrongPassphraseError extends Error {
  constructor() {
    super('the passphrase does not open the secret in this backup');
  }
}

function deriveKey(passphrase: string, salt: Buffer, cost: { N: number; r: number; p: number }) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function sealSecret(secret: string, passphrase: string): Promise<SealedSecret> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await deriveKey(passphrase, salt, COST);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  cipher.setAAD(AAD);
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return { kdf: 'scrypt', ...COST, salt: salt.toString('base64'), cipher: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The secret, or WrongPassphraseError when the passphrase (or the sealed bytes) do not match. */
export async function openSecret(sealed: SealedSecret, passphrase: string): Promise<string> {
  const key = await deriveKey(passphrase, Buffer.from(sealed.salt, 'base64'), sealed);
  const tag = Buffer.from(sealed.tag, 'base64');
  // a shortened tag would weaken the check: only the full 16 bytes are accepted
  if (tag.length !== 16) throw new WrongPassphraseError();
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'), { authTagLength: 16 });
  decipher.setAAD(AAD);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new WrongPassphraseError();
  }
}
