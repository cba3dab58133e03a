import { AppShell, Container, Group, UnstyledButton, Text, Stack } from '@mantine/core';
import { IconBook, IconCalendarPlus, IconGift, IconHeartHandshake, IconHome, IconUser } from '@tabler/icons-react';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { Brand } from './brand.js';
import { UserMenu } from './user-menu.js';
import { useSession } from '../auth/session.js';
import { ConfirmEmailGate } from './confirm-email-gate.js';

const TABS = [
  { to: '/portal', label: 'Home', icon: IconHome },
  { to: '/portal/learn', label: 'Learn', icon: IconBook },
  { to: '/portal/book', label: 'Book', icon: IconCalendarPlus },
  { to: '/portal/care', label: 'My care', icon: IconHeartHandshake },
  { to: '/portal/gift-cards', label: 'Gift cards', icon: IconGift },
  { to: '/portal/account', label: 'Account', icon: IconUser },
];

/** Mobile first: a bottom tab bar on phones, the same links in the header on wider screens. */
export function PortalLayout() {
  const { me } = useSession();
  const location = useLocation();
  const active = (to: string) => (to === '/portal' ? location.pathname === '/portal' : location.pathname.startsWith(to));
  const tab = (t: (typeof TABS)[number], compact: boolean) => (
    <UnstyledButton
      key={t.to}
      component={RouterLink}
      to={t.to}
      aria-current={active(t.to) ? 'page' : undefined}
      px={compact ? 4 : 'sm'}
      py={4}
      style={{ borderRadius: 8, color: active(t.to) ? 'var(--mantine-color-teal-9)' : 'var(--mantine-color-gray-8)', fontWeight: active(t.to) ? 700 : 500 }}
    >
      <Stack gap={0} align="center">
        {compact ? <t.icon size={22} aria-hidden /> : null}
        <Text size={compact ? 'xs' : 'sm'} inherit>
          {t.label}
        </Text>
      </Stack>
    </UnstyledButton>
  );
  return (
    <AppShell header={{ height: 64 }} footer={{ height: 64, collapsed: false }} padding="md">
      <AppShell.Header>
        <Container size="md" h="100%">
          <Group h="100%" justify="space-between">
            <Brand to="/portal" subtitle={me?.organization.name} />
            <Group gap={4} component="nav" aria-label="Portal" visibleFrom="sm">
              {TABS.map((t) => tab(t, false))}
            </Group>
            <UserMenu />
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="md" pb="xl">
          {me && !me.user.emailVerified ? <ConfirmEmailGate /> : <Outlet />}
        </Container>
      </AppShell.Main>
      <AppShell.Footer hiddenFrom="sm">
        <Group h="100%" justify="space-around" component="nav" aria-label="Portal tabs" wrap="nowrap">
          {TABS.map((t) => tab(t, true))}
        </Group>
      </AppShell.Footer>
    </AppShell>
  );
}
