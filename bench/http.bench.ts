// HTTP on the embedded database: an audited client read through the whole stack (session, access
// rule, validation, transaction, audit append), a client search, and an audit chain verification.
import pino from 'pino';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { localFolderStorage } from '../src/adapters/storage/local-folder.js';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createAuth } from '../src/adapters/auth/better-auth.js';
import { identityFromAuth } from '../src/adapters/auth/identity.js';
import { createApp } from '../src/http/app.js';
import { secretBox } from '../src/adapters/crypto/secret-box.js';
import { seedDemo } from '../src/services/seed/seed-demo.js';
import { verifyAuditChain } from '../src/services/audit/verify-audit-chain.js';
import { sealAudit } from '../src/services/audit/seal-audit.js';
import { bench, type BenchResult } from './harness.js';

export async function httpBenches(): Promise<BenchResult[]> {
  const h = await connect({});
  await migrateToLatest(h.db);
  const publicUrl = 'http://localhost:3000';
  const auth = createAuth({ db: h.db as never, secret: 'bench-secret-0123456789abcdef0123456789', publicUrl, secureCookies: false, sendPasswordReset: () => Promise.resolve() });
  const identity = identityFromAuth(auth);
  await seedDemo({ db: h.db, identity, now: () => new Date() }, { onlyIfEmpty: true });
  const app = createApp({
    db: h.db, auth, identity, logger: pino({ level: 'silent' }), now: () => new Date(), publicUrl,
    lockout: { maxFailures: 5, lockMinutes: 15 }, trustProxy: false, ready: () => Promise.resolve(true), storage: localFolderStorage(mkdtempSync(path.join(tmpdir(), 'dermis-bench-'))),
    secrets: secretBox('bench-secret-0123456789abcdef0123456789'),
  });
  const signIn = await app.request('/api/auth/sign-in/email', {
    method: 'POST', headers: { 'content-type': 'application/json', origin: publicUrl },
    body: JSON.stringify({ email: 'nurse@glow.example.com', password: 'demo-password-2026' }),
  });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const clients = (await (await app.request('/api/clients', { headers: { cookie } })).json()) as { items: { id: string }[] };
  const ids = clients.items.map((c) => c.id);
  const results = [
    await bench('http: GET /api/clients/{id} (audited read)', 400, async (i) => {
      const r = await app.request(`/api/clients/${ids[i % ids.length]}`, { headers: { cookie } });
      if (r.status !== 200) throw new Error(`status ${r.status}`);
    }),
    await bench('http: GET /api/clients?q= (search)', 200, async () => {
      const r = await app.request('/api/clients?q=ma', { headers: { cookie } });
      if (r.status !== 200) throw new Error(`status ${r.status}`);
    }),
  ];
  const org = await h.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
  // the reads above were recorded without a lock; the sealer links them (the server does every second)
  results.push(await bench('audit: seal the reads above into the chain', 1, () => sealAudit(h.db, new Date())));
  results.push(await bench('audit: verify chain (~1k events)', 5, () => verifyAuditChain(h.db, org.id)));
  await h.close();
  return results;
}
