import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconDroplet } from '@tabler/icons-react';
import { Link } from 'react-router';

export function Brand({ to = '/', subtitle }: { to?: string; subtitle?: string }) {
  return (
    <Link to={to} style={{ textDecoration: 'none', color: 'inherit' }} title="Dermis home">
      <Group gap="xs">
      <ThemeIcon radius="xl" size="lg" variant="filled" aria-hidden>
        <IconDroplet size={20} />
      </ThemeIcon>
      <div>
        <Text fw={700} size="lg" lh={1.1}>
          Dermis
        </Text>
        {subtitle ? (
          <Text size="xs" c="dimmed" lh={1.1}>
            {subtitle}
          </Text>
        ) : null}
      </div>
      </Group>
    </Link>
  );
}
