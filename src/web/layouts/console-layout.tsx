import { AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendar, IconChecklist, IconChartBar, IconGift, IconFileImport, IconListCheck, IconPhoto, IconSettings, IconShieldLock, IconStar, IconUsers } from '@tabler/icons-react';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session.js';
import { Brand } from './brand.js';
import { UserMenu } from './user-menu.js';
import { TwoFactorGate } from './two-factor-gate.js';
import { ConfirmEmailGate } from './confirm-email-gate.js';
import { useSetupLanding } from './setup-landing.js';
import type { Schemas } from '../api/client.js';

const NAV: { to: string; label: string; icon: typeof IconCalendar; roles?: Schemas['Me']['role'][] }[] = [
  { to: '/console', label: 'Schedule', icon: IconCalendar },
  { to: '/console/clients', label: 'Clients', icon: IconUsers },
  { to: '/console/reviews', label: 'Reviews queue', icon: IconChecklist, roles: ['medical_director', 'provider'] },
  { to: '/console/client-reviews', label: 'Client reviews', icon: IconStar, roles: ['owner', 'medical_director', 'front_desk'] },
  { to: '/console/reports', label: 'Reports', icon: IconChartBar, roles: ['owner', 'medical_director'] },
  { to: '/console/gift-cards', label: 'Gift cards', icon: IconGift, roles: ['owner', 'front_desk', 'medical_director'] },
  { to: '/console/gallery', label: 'Gallery', icon: IconPhoto },
  { to: '/console/settings', label: 'Settings', icon: IconSettings },
  { to: '/console/audit', label: 'Audit', icon: IconShieldLock, roles: ['owner'] },
  { to: '/console/import', label: 'Import', icon: IconFileImport, roles: ['owner', 'medical_director'] },
  { to: '/console/setup', label: 'Clinic set-up', icon: IconListCheck, roles: ['owner', 'medical_director'] },
];

export function ConsoleLayout() {
  const { me } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const items = NAV.filter((n) => !n.roles || (me && n.roles.includes(me.role)));
  const isActive = (to: string) => (to === '/console' ? location.pathname === '/console' : location.pathname.startsWith(to));
  useSetupLanding();
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
            <Brand to="/console" subtitle={me?.organization.name} />
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Console">
        <ScrollArea>
          {items.map((n) => (
            <NavLink key={n.to} component={RouterLink} to={n.to} end={n.to === '/console'} label={n.label} leftSection={<n.icon size={18} aria-hidden />} active={isActive(n.to)} onClick={close} />
          ))}
          <Text size="xs" c="dimmed" px="sm" mt="lg">
            Every access to client records is audited.
          </Text>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        {/* a new clinic's owner confirms the email first, then sets up two-step sign-in */}
        {me?.role === 'owner' && !me.user.emailVerified ? <ConfirmEmailGate /> : me?.twoFactorSetupRequired ? <TwoFactorGate /> : <Outlet />}
      </AppShell.Main>
    </AppShell>
  );
}
