// The route table. Every page and the portal and console frames are separate chunks (React.lazy):
// a visitor downloads the public pages, a client the portal, staff the console, and nobody the rest.
// Each lazy route keeps its loader in `handle.preload`, so main.tsx can start fetching the chunks of
// the first URL at once, alongside the session check, instead of after it.
import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { PublicLayout } from './layouts/public-layout.js';
import { RequireRoles } from './layouts/guards.js';
import { ShellFallback } from './layouts/shell-fallback.js';
import { Loading } from './components/states.js';
import { STAFF_ROLES } from './api/types.js';

export interface RouteHandle {
  preload?: () => Promise<unknown>;
}

/**
 * A route element whose component comes from a chunk loaded on first use. When the chunk is already
 * in (preloaded, as main.tsx does for a server-rendered page), the page renders at once, without a
 * loading state in between, so the app takes over the painted page without a flash.
 */
function lazyRoute<M>(load: () => Promise<M>, pick: (m: M) => ComponentType, fallback: ReactNode = <Loading />): Pick<RouteObject, 'element' | 'handle'> {
  let ready: ComponentType | undefined;
  const loadAndKeep = () =>
    load().then((m) => {
      ready ??= pick(m);
      return m;
    });
  const Component = lazy(async () => ({ default: pick(await loadAndKeep()) }));
  const handle: RouteHandle = { preload: loadAndKeep };
  function Route() {
    // decided once per mount: switching from the lazy wrapper to the component would remount the page
    const [Loaded] = useState(() => ready);
    return Loaded ? (
      <Loaded />
    ) : (
      <Suspense fallback={fallback}>
        <Component />
      </Suspense>
    );
  }
  return { element: <Route />, handle };
}

const publicPages = {
  home: () => import('./pages/public/home-page.js'),
  signIn: () => import('./pages/public/sign-in-page.js'),
  register: () => import('./pages/public/register-page.js'),
  verify: () => import('./pages/public/verify-email-page.js'),
  passwords: () => import('./pages/public/password-pages.js'),
  clinics: () => import('./pages/public/clinic-pages.js'),
  giftCards: () => import('./pages/public/gift-cards-page.js'),
  unsubscribe: () => import('./pages/public/unsubscribe-page.js'),
  start: () => import('./pages/public/start-page.js'),
  learn: () => import('./pages/portal/learn-page.js'),
};
const questionnaire = () => import('./pages/questionnaire/questionnaire-page.js');

export const routes: RouteObject[] = [
  {
    element: <PublicLayout />,
    children: [
      { path: '/', ...lazyRoute(publicPages.home, (m) => m.HomePage) },
      { path: '/sign-in', ...lazyRoute(publicPages.signIn, (m) => m.SignInPage) },
      { path: '/register', ...lazyRoute(publicPages.register, (m) => m.RegisterPage) },
      { path: '/forgot-password', ...lazyRoute(publicPages.passwords, (m) => m.ForgotPasswordPage) },
      { path: '/reset-password', ...lazyRoute(publicPages.passwords, (m) => m.ResetPasswordPage) },
      { path: '/accept-invite', ...lazyRoute(publicPages.passwords, (m) => m.AcceptInvitePage) },
      { path: '/verify-email', ...lazyRoute(publicPages.verify, (m) => m.VerifyEmailPage) },
      { path: '/unsubscribe', ...lazyRoute(publicPages.unsubscribe, (m) => m.UnsubscribePage) },
      { path: '/start', ...lazyRoute(publicPages.start, (m) => m.StartPage) },
      { path: '/start/confirm', ...lazyRoute(publicPages.start, (m) => m.ConfirmClinicPage) },
      { path: '/learn', ...lazyRoute(publicPages.learn, (m) => m.LearnPage) },
      { path: '/clinics/:slug', ...lazyRoute(publicPages.clinics, (m) => m.ClinicPage) },
      { path: '/clinics/:slug/locations/:locationId', ...lazyRoute(publicPages.clinics, (m) => m.ClinicLocationPage) },
      { path: '/clinics/:slug/providers/:userId', ...lazyRoute(publicPages.clinics, (m) => m.ClinicProviderPage) },
      { path: '/clinics/:slug/gift-cards', ...lazyRoute(publicPages.giftCards, (m) => m.ClinicGiftCardsPage) },
    ],
  },
  {
    element: <RequireRoles roles={STAFF_ROLES} />,
    children: [
      {
        ...lazyRoute(() => import('./layouts/console-layout.js'), (m) => m.ConsoleLayout, <ShellFallback />),
        children: [
          { path: '/console', ...lazyRoute(() => import('./pages/console/schedule/schedule-page.js'), (m) => m.SchedulePage) },
          { path: '/console/clients', ...lazyRoute(() => import('./pages/console/clients-page.js'), (m) => m.ClientsPage) },
          { path: '/console/clients/:clientId', ...lazyRoute(() => import('./pages/console/client-detail-page.js'), (m) => m.ClientDetailPage) },
          { path: '/console/clients/:clientId/questionnaire', ...lazyRoute(questionnaire, (m) => function StaffQuestionnaire() { return <m.QuestionnairePage mode="staff" />; }) },
          { path: '/console/reviews', ...lazyRoute(() => import('./pages/console/reviews-page.js'), (m) => m.ReviewsPage) },
          { path: '/console/client-reviews', ...lazyRoute(() => import('./pages/console/client-reviews-page.js'), (m) => m.ClientReviewsPage) },
          { path: '/console/bookings/:bookingId/chart', ...lazyRoute(() => import('./pages/console/chart-page.js'), (m) => m.ChartPage) },
          { path: '/console/reports', ...lazyRoute(() => import('./pages/console/reports/reports-page.js'), (m) => m.ReportsPage) },
          { path: '/console/gift-cards', ...lazyRoute(() => import('./pages/console/billing/gift-cards-page.js'), (m) => m.GiftCardsPage) },
          { path: '/console/gallery', ...lazyRoute(() => import('./pages/console/gallery-page.js'), (m) => m.GalleryPage) },
          { path: '/console/settings', ...lazyRoute(() => import('./pages/console/settings/settings-page.js'), (m) => m.SettingsPage) },
          { path: '/console/import', ...lazyRoute(() => import('./pages/console/import/import-page.js'), (m) => m.ImportPage) },
          { path: '/console/audit', ...lazyRoute(() => import('./pages/console/audit-page.js'), (m) => m.AuditPage) },
          { path: '/console/setup', ...lazyRoute(() => import('./pages/console/setup/setup-page.js'), (m) => m.SetupPage) },
          { path: '/console/setup/consents', ...lazyRoute(() => import('./pages/console/setup/consents-review-page.js'), (m) => m.ConsentsReviewPage) },
        ],
      },
    ],
  },
  {
    element: <RequireRoles roles={['client']} />,
    children: [
      {
        ...lazyRoute(() => import('./layouts/portal-layout.js'), (m) => m.PortalLayout, <ShellFallback />),
        children: [
          { path: '/portal', ...lazyRoute(() => import('./pages/portal/portal-home-page.js'), (m) => m.PortalHomePage) },
          { path: '/portal/learn', ...lazyRoute(publicPages.learn, (m) => m.LearnPage) },
          { path: '/portal/book', ...lazyRoute(() => import('./pages/portal/book-page.js'), (m) => m.BookPage) },
          { path: '/portal/care', ...lazyRoute(() => import('./pages/portal/my-care-page.js'), (m) => m.MyCarePage) },
          { path: '/portal/care/questionnaire', ...lazyRoute(questionnaire, (m) => function ClientQuestionnaire() { return <m.QuestionnairePage mode="client" />; }) },
          { path: '/portal/care/plans/:planId', ...lazyRoute(() => import('./pages/portal/plan-page.js'), (m) => m.PlanPage) },
          { path: '/portal/care/consent', ...lazyRoute(() => import('./pages/portal/consent-page.js'), (m) => m.ConsentPage) },
          { path: '/portal/account', ...lazyRoute(() => import('./pages/portal/portal-pages.js'), (m) => m.AccountPage) },
          { path: '/portal/gift-cards', ...lazyRoute(publicPages.giftCards, (m) => m.PortalGiftCardsPage) },
        ],
      },
    ],
  },
  // the clinic tablet during in-clinic signing: no layout, no navigation, only the one document
  { path: '/sign/:token', ...lazyRoute(() => import('./pages/sign/handoff-sign-page.js'), (m) => m.HandoffSignPage) },
  { path: '*', element: <PublicLayout />, children: [{ path: '*', ...lazyRoute(publicPages.home, (m) => m.HomePage) }] },
];
