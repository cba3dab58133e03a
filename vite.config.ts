import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

// libraries loaded only by the pages that use them
const HEAVY = /node_modules[\\/](recharts|@mantine[\\/](charts|dates)|d3-|victory-vendor|signature_pad|dayjs|decimal\.js-light|es-toolkit|immer|redux|@reduxjs|reselect|react-redux|use-sync-external-store)/;

// form machinery the console's editors share but a client's first screens do not need
const FORMS = /node_modules[\\/](@mantine[\\/]form|react-number-format|@mantine[\\/]core[\\/]esm[\\/]components[\\/](NumberInput|Combobox|Select|MultiSelect|PinInput|Pill|PillsInput|Slider|Rating|Stepper|Pagination|FileInput|Table|Tabs))[\\/]/;

// The web app lives in src/web and builds into dist/web, which the server serves.
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'src/web'),
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Library code shared by several pages (React, the router, the common Mantine parts) in
          // one long-cached chunk instead of hundreds of tiny ones, each a request on a slow phone
          // link; what only a page or two use stays with them, so no area loads another's code.
          // The heavy libraries (charts, the signature pad) always stay with the pages that use them.
          groups: [{ name: 'vendor', test: (id) => /node_modules/.test(id) && !HEAVY.test(id) && !FORMS.test(id), minShareCount: 3 }],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000', '/readyz': 'http://127.0.0.1:3000' },
  },
});
