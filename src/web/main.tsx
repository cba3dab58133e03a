import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { createTheme, defaultVariantColorsResolver, Drawer, MantineProvider, Modal, parseThemeColor, type CSSVariablesResolver, type VariantColorsResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { SessionProvider } from './auth/session.js';
import { PublicLayout } from './layouts/public-layout.js';
import { ConsoleLayout } from './layouts/console-layout.js';
import { PortalLayout } from './layouts/portal-layout.js';
import { RequireRoles } from './layouts/guards.js';
import { HomePage } from './pages/public/home-page.js';
import { SignInPage } from './pages/public/sign-in-page.js';
import { RegisterPage } from './pages/public/register-page.js';
import { VerifyEmailPage } from './pages/public/verify-email-page.js';
import { AcceptInvitePage, ForgotPasswordPage, ResetPasswordPage } from './pages/public/password-pages.js';
import { ClientsPage } from './pages/console/clients-page.js';
import { ClientDetailPage } from './pages/console/client-detail-page.js';
import { ReportsPage } from './pages/console/reports/reports-page.js';
import { SchedulePage } from './pages/console/schedule/schedule-page.js';
import { ChartPage } from './pages/console/chart-page.js';
import { ReviewsPage } from './pages/console/reviews-page.js';
import { ClientReviewsPage } from './pages/console/client-reviews-page.js';
import { ClinicLocationPage, ClinicPage, ClinicProviderPage } from './pages/public/clinic-pages.js';
import { SettingsPage } from './pages/console/settings/settings-page.js';
import { AuditPage } from './pages/console/audit-page.js';
import { GalleryPage } from './pages/console/gallery-page.js';
import { PortalHomePage } from './pages/portal/portal-home-page.js';
import { AccountPage } from './pages/portal/portal-pages.js';
import { BookPage } from './pages/portal/book-page.js';
import { LearnPage } from './pages/portal/learn-page.js';
import { MyCarePage } from './pages/portal/my-care-page.js';
import { PlanPage } from './pages/portal/plan-page.js';
import { ConsentPage } from './pages/portal/consent-page.js';
import { QuestionnairePage } from './pages/questionnaire/questionnaire-page.js';
import { STAFF_ROLES } from './api/types.js';

// teal 9 under white text and gray 7 for secondary text keep contrast above WCAG AA 4.5:1
// Light variants (avatars, badges, alerts) use the palest tint with the darkest shade of text, so
// they meet WCAG AA contrast; Mantine's default tint is a shade too dark for teal text.
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (input.variant === 'light' && parsed.isThemeColor && parsed.shade === undefined) {
    // yellow, lime and orange stay too pale at every shade: their text is near-black instead
    const text = ['yellow', 'lime', 'orange'].includes(parsed.color) ? 'var(--mantine-color-dark-7)' : `var(--mantine-color-${parsed.color}-9)`;
    return { ...base, background: `var(--mantine-color-${parsed.color}-0)`, hover: `var(--mantine-color-${parsed.color}-1)`, color: text };
  }
  return base;
};
const theme = createTheme({
  autoContrast: true, primaryColor: 'teal', primaryShade: { light: 9, dark: 6 }, defaultRadius: 'md', variantColorResolver, fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  // Mantine's close buttons have no accessible name of their own
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});
const cssVariables: CSSVariablesResolver = () => ({ variables: {}, light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // error text and borders at WCAG AA contrast on white
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // the same pale tint for components that read the light variables directly (NavLink)
    '--mantine-color-teal-light': 'var(--mantine-color-teal-0)',
    '--mantine-primary-color-light': 'var(--mantine-color-teal-0)',
  }, dark: {} });

const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/accept-invite', element: <AcceptInvitePage /> },
      { path: '/verify-email', element: <VerifyEmailPage /> },
      { path: '/learn', element: <LearnPage /> },
      { path: '/clinics/:slug', element: <ClinicPage /> },
      { path: '/clinics/:slug/locations/:locationId', element: <ClinicLocationPage /> },
      { path: '/clinics/:slug/providers/:userId', element: <ClinicProviderPage /> },
    ],
  },
  {
    element: <RequireRoles roles={STAFF_ROLES} />,
    children: [
      {
        element: <ConsoleLayout />,
        children: [
          { path: '/console', element: <SchedulePage /> },
          { path: '/console/clients', element: <ClientsPage /> },
          { path: '/console/clients/:clientId', element: <ClientDetailPage /> },
          { path: '/console/clients/:clientId/questionnaire', element: <QuestionnairePage mode="staff" /> },
          { path: '/console/reviews', element: <ReviewsPage /> },
          { path: '/console/client-reviews', element: <ClientReviewsPage /> },
          { path: '/console/bookings/:bookingId/chart', element: <ChartPage /> },
          { path: '/console/reports', element: <ReportsPage /> },
          { path: '/console/gallery', element: <GalleryPage /> },
          { path: '/console/settings', element: <SettingsPage /> },
          { path: '/console/audit', element: <AuditPage /> },
        ],
      },
    ],
  },
  {
    element: <RequireRoles roles={['client']} />,
    children: [
      {
        element: <PortalLayout />,
        children: [
          { path: '/portal', element: <PortalHomePage /> },
          { path: '/portal/learn', element: <LearnPage /> },
          { path: '/portal/book', element: <BookPage /> },
          { path: '/portal/care', element: <MyCarePage /> },
          { path: '/portal/care/questionnaire', element: <QuestionnairePage mode="client" /> },
          { path: '/portal/care/plans/:planId', element: <PlanPage /> },
          { path: '/portal/care/consent', element: <ConsentPage /> },
          { path: '/portal/account', element: <AccountPage /> },
        ],
      },
    ],
  },
  { path: '*', element: <PublicLayout />, children: [{ path: '*', element: <HomePage /> }] },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <Notifications />
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </MantineProvider>
  </StrictMode>,
);
