import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { licenceLabel, todayIso, daysSummary, Section, SetupTable } from './helpers.js';
import type { Provider, SchedulingSetup } from './types.js';
import { ProviderHoursForm, DayOverrideForm } from './provider-hours-form.js';
import { TimeOffForm } from './time-off-form.js';
import { CredentialsForm } from './credentials-form.js';

export type Perms = { owner: boolean; clinical: boolean; timeOff: boolean };
type ActionKind = 'hours' | 'timeOff' | 'credentials' | 'day';
type ProviderModal = { kind: ActionKind; provider: Provider } | null;

/**
 * The buttons on a provider's row, in order; each opens the modal of its kind. Who sees each depends
 * on the viewer's permissions; "One day" also needs the provider's own weekly hours, which it
 * replaces for one date.
 */
const ACTIONS: { kind: ActionKind; label: string; shown: (perms: Perms, p: Provider) => boolean }[] = [
  { kind: 'hours', label: 'Hours', shown: (perms) => perms.owner },
  { kind: 'timeOff', label: 'Time off', shown: (perms) => perms.timeOff },
  { kind: 'day', label: 'One day', shown: (perms, p) => perms.timeOff && Boolean(p.weekly) },
  { kind: 'credentials', label: 'Credentials', shown: (perms) => perms.clinical },
];

export function ProvidersSection({
  setup,
  perms,
  reload,
}: {
  setup: SchedulingSetup;
  perms: Perms;
  reload: () => void;
}) {
  const [modal, setModal] = useState<ProviderModal>(null);
  const close = () => setModal(null);
  const done = () => {
    setModal(null);
    reload();
  };
  const today = todayIso();
  return (
    <Section
      title="Providers"
      description="Who can be booked here, on which days, and with which licence and credentials."
    >
      <SetupTable
        heads={['Name', 'Licence', 'Credentials', 'Days', 'Actions']}
        empty="No providers work at this location yet."
      >
        {setup.providers.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {p.name}
              </Text>
              <Text size="xs" c="dimmed">
                {p.title}
              </Text>
            </Table.Td>
            <Table.Td>
              {p.licence ? (
                <Stack gap={2}>
                  <Group gap={6}>
                    <Text size="sm">
                      {licenceLabel(p.licence.type)}
                      {p.licence.number ? ` #${p.licence.number}` : ''}
                      {p.licence.state ? ` · ${p.licence.state}` : ''}
                    </Text>
                    {p.licence.expired ? (
                      <Badge color="red" variant="light">
                        Expired
                      </Badge>
                    ) : null}
                  </Group>
                  {p.licence.expiresOn ? (
                    <Text size="xs" c="dimmed">
                      Expires {p.licence.expiresOn}
                    </Text>
                  ) : null}
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  No licence on file
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {p.credentials.length === 0 ? (
                <Text size="sm" c="dimmed">
                  None
                </Text>
              ) : (
                <Group gap={4}>
                  {p.credentials.map((c) => {
                    const expired = c.expiresOn !== null && c.expiresOn < today;
                    return (
                      <Badge
                        key={c.credential}
                        variant="light"
                        color={expired ? 'red' : 'blue'}
                        title={
                          c.expiresOn ? `${expired ? 'Expired' : 'Expires'} ${c.expiresOn}` : 'No expiry'
                        }
                      >
                        {c.credential}
                        {expired ? ' (expired)' : ''}
                      </Badge>
                    );
                  })}
                </Group>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{p.weekly ? daysSummary(p.weekly) : 'Location hours'}</Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                {ACTIONS.filter((a) => a.shown(perms, p)).map((a) => (
                  <Button
                    key={a.kind}
                    size="compact-xs"
                    variant="light"
                    aria-label={`${a.label} for ${p.name}`}
                    onClick={() => setModal({ kind: a.kind, provider: p })}
                  >
                    {a.label}
                  </Button>
                ))}
                {!perms.owner && !perms.timeOff && !perms.clinical ? (
                  <Text size="xs" c="dimmed">
                    View only
                  </Text>
                ) : null}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </SetupTable>
      <Modal
        opened={modal?.kind === 'hours'}
        onClose={close}
        title={modal ? `Working hours: ${modal.provider.name}` : ''}
        size="lg"
      >
        {modal?.kind === 'hours' ? (
          <ProviderHoursForm key={modal.provider.id} provider={modal.provider} setup={setup} onDone={done} />
        ) : null}
      </Modal>
      <Modal
        opened={modal?.kind === 'timeOff'}
        onClose={close}
        title={modal ? `Time off: ${modal.provider.name}` : ''}
      >
        {modal?.kind === 'timeOff' ? (
          <TimeOffForm key={modal.provider.id} provider={modal.provider} onDone={done} />
        ) : null}
      </Modal>
      <Modal
        opened={modal?.kind === 'day'}
        onClose={close}
        title={modal ? `One day: ${modal.provider.name}` : ''}
      >
        {modal?.kind === 'day' ? (
          <DayOverrideForm
            key={modal.provider.id}
            provider={modal.provider}
            locationId={setup.location.id}
            onDone={done}
          />
        ) : null}
      </Modal>
      <Modal
        opened={modal?.kind === 'credentials'}
        onClose={close}
        title={modal ? `Credentials: ${modal.provider.name}` : ''}
        size="lg"
      >
        {modal?.kind === 'credentials' ? (
          <CredentialsForm key={modal.provider.id} provider={modal.provider} onDone={done} />
        ) : null}
      </Modal>
    </Section>
  );
}
