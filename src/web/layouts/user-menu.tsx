import { Avatar, Badge, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/session.js';
import { ROLE_LABEL } from '../api/types.js';

export function UserMenu() {
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  if (!me) return null;
  const initials = me.user.name.split(/\s+/).map((p) => p[0]).slice(0, 2).join('');
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton>
          <Group gap="xs">
            <Avatar radius="xl" color="teal" aria-hidden>
              {initials}
            </Avatar>
            <div style={{ lineHeight: 1.1 }}>
              <Text size="sm" fw={600} visibleFrom="sm">
                {me.user.name}
              </Text>
              <Badge size="xs" variant="light" visibleFrom="sm">
                {ROLE_LABEL[me.role]}
              </Badge>
            </div>
            {/* the accessible name keeps the visible name and says what the button opens */}
            <VisuallyHidden>Account menu</VisuallyHidden>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.organization.name}</Menu.Label>
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          onClick={() => {
            void signOut().then(() => navigate('/sign-in'));
          }}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
