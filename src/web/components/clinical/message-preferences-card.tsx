import { Alert, Badge, Button, Card, Group, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call, errorText, http, type Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { MarketingConsentSwitch } from './marketing-consent-switch.js';

type Prefs = Schemas['MessagePreferences'];

/** Channels and quiet hours (the client, or staff with them), and what was sent when. */
export function MessagePreferencesCard({ clientId, showHistory }: { clientId: string; showHistory: boolean }) {
  const prefs = useGet('/api/clients/{clientId}/message-preferences', { params: { path: { clientId } } });
  const history = useGet('/api/clients/{clientId}/messages', showHistory ? { params: { path: { clientId } } } : null);
  const [form, setForm] = useState<Prefs | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (prefs.data) setForm(prefs.data);
  }, [prefs.data]);
  const save = async () => {
    if (!form) return;
    setMsg(null);
    try {
      await call(http.PUT('/api/clients/{clientId}/message-preferences', { params: { path: { clientId } }, body: form }));
      setMsg({ ok: true, text: 'Saved.' });
    } catch (e) {
      setMsg({ ok: false, text: errorText(e) });
    }
  };
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Messages
      </Title>
      {form ? (
        <Stack gap="xs">
          <Switch label="Email (confirmations, reminders, aftercare)" checked={form.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.checked })} />
          <Switch label="Text messages" checked={form.sms} onChange={(e) => setForm({ ...form, sms: e.currentTarget.checked })} />
          <Group grow>
            <TextInput label="Quiet from" type="time" value={form.quietStart} onChange={(e) => setForm({ ...form, quietStart: e.currentTarget.value })} />
            <TextInput label="Quiet until" type="time" value={form.quietEnd} onChange={(e) => setForm({ ...form, quietEnd: e.currentTarget.value })} />
          </Group>
          <Text size="xs" c="dimmed">
            Scheduled reminders wait until your quiet hours end. Urgent safety messages from your clinic are not affected.
          </Text>
          {msg ? <Alert color={msg.ok ? 'teal' : 'red'}>{msg.text}</Alert> : null}
          <Button onClick={() => void save()} w="fit-content">
            Save message settings
          </Button>
          <MarketingConsentSwitch clientId={clientId} />
        </Stack>
      ) : null}
      {showHistory && history.data?.items.length ? (
        <Table.ScrollContainer minWidth={520} mt="md">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th>Subject</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{new Date(m.sentAt ?? m.sendAfter).toLocaleString()}</Table.Td>
                  <Table.Td>{m.channel}</Table.Td>
                  <Table.Td>{m.subject || m.kind}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={m.status === 'sent' ? 'teal' : m.status === 'pending' ? 'blue' : 'gray'}>
                      {m.status}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Card>
  );
}
