// Mantine's base rules only: each component's own styles come with it (vite.config.ts)
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import { MantineProvider } from '@mantine/core';
import { useNotifications } from '@mantine/notifications';
import { lazy, StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, matchRoutes, useRoutes } from 'react-router';
import { readSeeds } from './api/seed.js';
import { SessionProvider } from './auth/session.js';
import { routes, type RouteHandle } from './routes.js';
import { cssVariables, theme } from './theme.js';

// The toast container (and its transition library and styles) loads with the first toast: pages queue
// toasts in the notifications store, and the container shows them when it mounts.
const Notifications = lazy(async () => ({ default: (await import('./components/notifications.js')).Notifications }));
function Toasts() {
  const { notifications, queue } = useNotifications();
  const [wanted, setWanted] = useState(false);
  const pending = notifications.length + queue.length > 0;
  useEffect(() => {
    if (pending) setWanted(true);
  }, [pending]);
  return wanted ? (
    <Suspense fallback={null}>
      <Notifications />
    </Suspense>
  ) : null;
}

// start the chunks of the page being opened now, in parallel with the session check that gates it
const preloads = (matchRoutes(routes, window.location) ?? []).flatMap((m) => (m.route.handle as RouteHandle | undefined)?.preload?.() ?? []);
// A page the server rendered (ssr.tsx) came with the answers it shows: the app renders the same page
// once its chunks are in, so what replaces the painted page looks the same, with no loading state.
// (no top-level await: it would keep the entry from sharing its modules with the page chunks)
const ready = readSeeds(document, window.location.pathname) ? Promise.all(preloads).catch(() => undefined) : Promise.resolve();
// a page restored from the back-forward cache is loaded afresh, so going back after a sign-out (the
// clinic tablet handed to a client) shows nothing of the session that ended
window.addEventListener('pageshow', (e) => {
  if (e.persisted) window.location.reload();
});
// the declarative router: the app uses no loaders or actions, so the data router's code stays out
function AppRoutes() {
  return useRoutes(routes);
}

void ready.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
        <Toasts />
        <BrowserRouter>
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </BrowserRouter>
      </MantineProvider>
    </StrictMode>,
  ),
);
