import { Alert, Badge, Button, Card, Group, ScrollArea, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { api, ApiError, errorText } from '../../../api/client.js';
import { useApi } from '../../../api/use-api.js';
import { ROLE_LABEL, type StaffMember } from '../../../api/types.js';
import { useSession } from '../../../auth/session.js';
import { ErrorAlert, Loading } from '../../../components/states.js';

const LICENCE: Record<string, string> = { md: 'MD', do: 'DO', np: 'NP', pa: 'PA', rn: 'RN', lvn: 'LVN', esthetician: 'Esthetician', master_esthetician: 'Master esthetician' };

function InviteForm({ onInvited }: { onInvited: () => void }) {
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm({ initialValues: { email: '', role: 'provider' } });
  const submit = form.onSubmit(async (v) => {
    try {
      await api('/api/invitations', { body: v });
      setMsg({ ok: true, text: `Invitation sent to ${v.email}. It is valid for 7 days.` });
      form.reset();
      onInvited();
    } catch (e) {
      if (e instanceof ApiError) form.setErrors(e.fieldErrors());
      setMsg({ ok: false, text: errorText(e) });
    }
  });
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="sm">
        Invite a team member
      </Title>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" wrap="wrap">
          <TextInput label="Email" type="email" style={{ flex: 1, minWidth: 220 }} {...form.getInputProps('email')} />
          <Select label="Role" data={(['provider', 'front_desk', 'medical_director', 'owner'] as const).map((r) => ({ value: r, label: ROLE_LABEL[r] }))} allowDeselect={false} {...form.getInputProps('role')} />
          <Button type="submit">Send invitation</Button>
        </Group>
      </form>
      {msg ? (
        <Alert mt="sm" color={msg.ok ? 'teal' : 'red'}>
          {msg.text}
        </Alert>
      ) : null}
    </Card>
  );
}

export function StaffTab() {
  const { me } = useSession();
  const staff = useApi<{ items: StaffMember[] }>('/api/staff');
  if (staff.loading && !staff.data) return <Loading label="Loading staff" />;
  if (staff.error) return <ErrorAlert error={staff.error} />;
  return (
    <Stack>
      {me?.role === 'owner' ? <InviteForm onInvited={staff.reload} /> : null}
      <ScrollArea>
        <Table miw={640} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Licence</Table.Th>
              <Table.Th>Two-step sign-in</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {staff.data?.items.map((s) => (
              <Table.Tr key={s.userId}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {s.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {s.title || s.email}
                  </Text>
                </Table.Td>
                <Table.Td>{ROLE_LABEL[s.role]}</Table.Td>
                <Table.Td>
                  {s.licenceType ? (
                    <Text size="sm">
                      {LICENCE[s.licenceType] ?? s.licenceType} {s.licenceState} {s.licenceNumber}
                      <br />
                      <Text span size="xs" c={s.licenceExpiresOn && s.licenceExpiresOn < new Date().toISOString().slice(0, 10) ? 'red' : 'dimmed'}>
                        expires {s.licenceExpiresOn ?? 'unknown'}
                      </Text>
                    </Text>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{s.twoFactorEnabled ? <Badge color="teal">On</Badge> : <Badge color="gray">Off</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}
