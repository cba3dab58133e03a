// Every version of the chart on record, signed or draft, with the reason for each amendment.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { Section } from './chart-controls.js';
import { when, type ChartVersion } from './chart-types.js';

export function VersionsSection({ versions }: { versions: ChartVersion[] }) {
  return (
    <Section title="Versions">
      {versions.length === 0 ? (
        <Text size="sm">No versions yet.</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {versions.map((v) => (
            <li key={v.id}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>Version {v.version}</Text>
                <Badge color={v.status === 'signed' ? 'teal' : 'gray'} variant="light">
                  {v.status === 'signed' ? 'Signed' : 'Draft'}
                </Badge>
                {v.signedAt ? <Text size="sm">Signed {when(v.signedAt)}</Text> : null}
              </Group>
              {v.amendmentReason ? <Text size="sm">Reason: {v.amendmentReason}</Text> : null}
            </li>
          ))}
        </Stack>
      )}
    </Section>
  );
}
