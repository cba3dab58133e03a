// One built server, one Chromium and one SMTP server per browser-test file, started before its
// tests and stopped after them. The server delivers its email to that SMTP server, so a test reads
// what a person would find in their mailbox (a confirmation link, say). `env` may be a function
// when it depends on something started in an earlier hook.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startBuiltServer, type RunningServer } from './server.js';
import { launch } from './browser.js';
import { startSmtp, type Received } from '../../tests/support/smtp.js';

export interface Suite {
  server: RunningServer;
  browser: Browser;
  /** every email the server sent */
  mail: Received[];
}

export function browserSuite(env: Record<string, string> | (() => Record<string, string>) = {}) {
  const suite = {} as Suite;
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
  beforeAll(async () => {
    smtp = await startSmtp();
    suite.mail = smtp.received;
    suite.server = await startBuiltServer({ SMTP_URL: smtp.url, ...(typeof env === 'function' ? env() : env) });
    suite.browser = await launch();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
    await smtp?.close();
  });
  return suite;
}
