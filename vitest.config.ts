import { defineConfig } from 'vitest/config';

// Projects: domain tests run twice (UTC and a half-hour-offset zone) to prove they never read the
// machine's zone; integration tests run against a real database (PGlite by default, PostgreSQL when
// DATABASE_URL is set); e2e drives Debian's Chromium through the built server.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          env: { TZ: 'UTC' },
        },
      },
      {
        test: {
          name: 'unit-tz',
          include: ['src/domain/**/*.test.ts'],
          env: { TZ: 'Asia/Kolkata' },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          // the files share a worker's modules instead of importing the whole app again for each
          // (about 2 s a file on two cores): every file opens its own database and its own app, the
          // caches hang off those (WeakMaps), and files that change process.env put it back
          isolate: false,
          env: { TZ: 'UTC', DERMIS_LOG_LEVEL: 'silent' },
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          expect: { poll: { timeout: 10_000, interval: 50 } },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          env: { TZ: 'UTC', DERMIS_LOG_LEVEL: 'silent' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // two files at a time: a browser file keeps the 2 cores about 30% busy (it mostly waits on
          // the server's worker ticks, polls and page loads), and each file has its own server,
          // database folder, ports and mailbox, so they do not meet
          fileParallelism: true,
          // expect.poll's default of 1 s is too short on a busy 2-core machine (image uploads, reloads)
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
