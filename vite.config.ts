import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { existsSync } from 'node:fs';

// libraries loaded only by the pages that use them
const HEAVY = /node_modules[\\/](recharts|@mantine[\\/](charts|dates)|d3-|victory-vendor|signature_pad|dayjs|decimal\.js-light|es-toolkit|immer|redux|@reduxjs|reselect|react-redux|use-sync-external-store)/;

// form machinery and other parts the console's editors and later pages share but no first screen (the
// portal's or console's home, the public pages) needs; their small icons, which common parts use, stay
const FORMS = /node_modules[\\/](@mantine[\\/]form|react-number-format|@mantine[\\/]core[\\/]esm[\\/]components[\\/](?!Accordion[\\/]AccordionChevron|Checkbox[\\/]CheckIcon|Radio[\\/]RadioIcon)(NumberInput|Combobox|Select|MultiSelect|PinInput|Pill|PillsInput|Slider|Rating|Stepper|Pagination|FileInput|Table|Tabs|PasswordInput|Textarea|SegmentedControl|Checkbox|Switch|Radio|Chip|Timeline|FloatingIndicator|Accordion|Fieldset|Progress))[\\/]/;

// Mantine's stylesheet for a component travels with the component: each `X.module.mjs` (the class
// names of component X) imports `@mantine/core/styles/X.css`, so a chunk carries the styles of the
// components it renders and the first load no longer downloads all 250 KB of Mantine's CSS (main.tsx
// imports only the baseline, the variables and the global rules).
const MANTINE_STYLES = path.resolve(import.meta.dirname, 'node_modules/@mantine/core/styles');
const mantineCssPerComponent = {
  name: 'mantine-css-per-component',
  transform(code: string, id: string) {
    const m = /@mantine[\\/]core[\\/]esm[\\/].*[\\/]([A-Za-z]+)\.module\.mjs$/.exec(id);
    if (!m || !existsSync(path.join(MANTINE_STYLES, `${m[1]}.css`))) return null;
    return { code: `import '@mantine/core/styles/${m[1]}.css';\n${code}`, map: null };
  },
};

// The web app lives in src/web and builds into dist/web, which the server serves.
export default defineConfig(({ isSsrBuild }) => ({
  root: path.resolve(import.meta.dirname, 'src/web'),
  plugins: [react(), mantineCssPerComponent],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    // read by the server-rendered pages for the styles and scripts of a page's chunks (scripts/build.mjs)
    manifest: !isSsrBuild,
    copyPublicDir: !isSsrBuild,
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
  // the server-rendered public pages (src/web/ssr.tsx): one self-contained bundle, React in production mode
  ssr: { noExternal: true },
  define: isSsrBuild ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000', '/readyz': 'http://127.0.0.1:3000' },
  },
}));
