import { AppShell, Button, Container, Group } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { Brand } from './brand.js';
import { homeFor, useSession } from '../auth/session.js';

export function PublicLayout() {
  const { me } = useSession();
  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between">
            <Brand />
            <Group gap="xs" component="nav" aria-label="Account">
              {me ? (
                <Button component={Link} to={homeFor(me)}>
                  {me.role === 'client' ? 'My portal' : 'Console'}
                </Button>
              ) : (
                <>
                  <Button component={Link} to="/sign-in" variant="subtle">
                    Sign in
                  </Button>
                  <Button component={Link} to="/register" visibleFrom="xs">
                    Create account
                  </Button>
                </>
              )}
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg" py="md">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
