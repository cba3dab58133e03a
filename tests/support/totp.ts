import { createOTP } from '@better-auth/utils/otp';

// RFC 4648 base32, for reading the secret out of an otpauth:// URI the way an authenticator app does.
function base32Decode(input: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = input.replace(/=+$/, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new Error(`bad base32 character ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

/** The current code an authenticator app would show for this otpauth:// URI. */
export function totpFromUri(uri: string): Promise<string> {
  const secret = new URL(uri).searchParams.get('secret');
  if (!secret) throw new Error('no secret in URI');
  return createOTP(base32Decode(secret)).totp();
}
