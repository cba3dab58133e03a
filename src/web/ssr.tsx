// The public pages (home, the learn guide, a clinic's pages) rendered to HTML on the server from the
// same components the browser app uses, so a visitor on a slow phone sees the page with the HTML
// itself instead of after the app's scripts (src/http/web.ts serves it; `npm run build` bundles this
// file into dist/web-ssr). They go without scripts: links, text, and the guide's search as a form. A
// page marked interactive would bring the app, which takes over what was painted (api/seed.ts).
import { MantineProvider } from '@mantine/core';
import { renderToString } from 'react-dom/server';
import { StaticRouter, matchRoutes, useRoutes, type RouteObject } from 'react-router';
import { withSeeds, type SeedRequest } from './api/seed.js';
import { SessionProvider } from './auth/session.js';
import { PublicLayout } from './layouts/public-layout.js';
import { LearnPage } from './pages/portal/learn-page.js';
import { ClinicLocationPage, ClinicPage, ClinicProviderPage } from './pages/public/clinic-pages.js';
import { HomePage } from './pages/public/home-page.js';
import { cssVariables, theme } from './theme.js';

export { SEED_ELEMENT_ID } from './api/seed.js';

interface PageInfo {
  /** the page's module as the client build's manifest names it: its chunk's styles come along */
  module: string;
  /** whether the page needs the app's scripts (anything beyond links) */
  interactive: boolean;
  description: (heading: string) => string;
}

const HOME: PageInfo = {
  module: 'pages/public/home-page.tsx',
  interactive: false,
  description: () =>
    'Microneedling, done safely and explained clearly: a health questionnaire, a plan with an upfront price, booking and aftercare on your phone.',
};
// the guide reads without scripts: every section open, search by a plain form (learn-page.tsx)
const LEARN: PageInfo = {
  module: 'pages/portal/learn-page.tsx',
  interactive: false,
  description: () =>
    'What microneedling is, who it suits, how to prepare, what to expect and how to care for your skin after, in plain words.',
};
const CLINIC: PageInfo = {
  module: 'pages/public/clinic-pages.tsx',
  interactive: false,
  description: (h) =>
    `${h}: locations, licensed providers and published client reviews. Book microneedling online.`,
};

const pages: RouteObject[] = [
  {
    element: <PublicLayout />,
    children: [
      { path: '/', element: <HomePage />, handle: HOME },
      { path: '/learn', element: <LearnPage />, handle: LEARN },
      { path: '/clinics/:slug', element: <ClinicPage />, handle: CLINIC },
      { path: '/clinics/:slug/locations/:locationId', element: <ClinicLocationPage />, handle: CLINIC },
      { path: '/clinics/:slug/providers/:userId', element: <ClinicProviderPage />, handle: CLINIC },
    ],
  },
];

/**
 * The app's first screens after sign-in: the server names their chunks in index.html (modulepreload),
 * so a phone downloads them beside the entry script instead of after it has run. Keys are modules as
 * the client build's manifest names them; `npm run build` fails when one is missing.
 */
export const APP_CHUNKS: { path: string; modules: string[] }[] = [
  { path: '/portal', modules: ['layouts/portal-layout.tsx', 'pages/portal/portal-home-page.tsx'] },
  { path: '/console', modules: ['layouts/console-layout.tsx', 'pages/console/schedule/schedule-page.tsx'] },
];

/** every module this file names: `npm run build` checks the client build's manifest has them */
export const NAMED_MODULES = [
  ...APP_CHUNKS.flatMap((c) => c.modules),
  HOME.module,
  LEARN.module,
  CLINIC.module,
];

/** The modules of the app screen a path opens, for the server to preload (see APP_CHUNKS). */
export function appModulesFor(pathname: string): string[] {
  return APP_CHUNKS.find((c) => c.path === pathname.replace(/\/+$/, ''))?.modules ?? [];
}

function Pages() {
  return useRoutes(pages);
}

export interface RenderedPage {
  /** the markup for #root */
  html: string;
  /** the text of the page's h1 */
  heading: string;
  description: string;
  module: string;
  interactive: boolean;
  /** GETs the page asked for and was not given: fetch them and render again */
  wanted: SeedRequest[];
}

/** Which server-rendered page a path is, or null when the browser app renders it alone. */
export function pageFor(pathname: string): PageInfo | null {
  const match = matchRoutes(pages, pathname)?.at(-1);
  return (match?.route.handle as PageInfo | undefined) ?? null;
}

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .trim();

/** Renders a public page with the API answers given so far (keyed as useGet keys them). */
export function renderPage(url: string, answers: Record<string, unknown>): RenderedPage | null {
  const pathname = new URL(url, 'http://localhost').pathname;
  const info = pageFor(pathname);
  if (!info) return null;
  const { result: html, wanted } = withSeeds(answers, () =>
    renderToString(
      <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
        <StaticRouter location={url}>
          <SessionProvider>
            <Pages />
          </SessionProvider>
        </StaticRouter>
      </MantineProvider>,
    ),
  );
  const heading = decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');
  return {
    html,
    heading,
    description: info.description(heading),
    module: info.module,
    interactive: info.interactive,
    wanted,
  };
}
