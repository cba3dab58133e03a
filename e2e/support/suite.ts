// One built server and one Chromium per browser-test file, started before its tests and stopped
// after them. `env` may be a function when it depends on something started in an earlier hook.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startBuiltServer, type RunningServer } from './server.js';
import { launch } from './browser.js';

export function browserSuite(env: Record<string, string> | (() => Record<string, string>) = {}) {
  const suite = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    suite.server = await startBuiltServer(typeof env === 'function' ? env() : env);
    suite.browser = await launch();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
