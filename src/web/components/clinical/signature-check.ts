/** What is missing before a consent can be signed, by field, in the words the signer reads. */
export function signatureProblems(s: { name: string; png: string | null; agree: boolean }): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.name.trim().length < 2) out.signedName = 'Type your full name';
  if (!s.png) out.signaturePng = 'Draw your signature in the box';
  if (!s.agree) out.agree = 'Tick the box to agree';
  return out;
}
