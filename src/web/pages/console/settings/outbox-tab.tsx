import { Accordion, Badge, Group, Text } from '@mantine/core';
import { useGet } from '../../../api/use-api.js';
import { Empty, ErrorAlert, Loading } from '../../../components/states.js';

export function OutboxTab() {
  const list = useGet('/api/outbox', {});
  if (list.loading && !list.data) return <Loading label="Loading messages" />;
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data?.items.length) return <Empty title="No messages yet">Emails and text messages to clients and staff are listed here.</Empty>;
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        Without email delivery configured (SMTP_URL), messages stay here as pending so staff can pass them on.
      </Text>
      <Accordion variant="separated">
        {list.data.items.map((m) => (
          <Accordion.Item key={m.id} value={m.id}>
            <Accordion.Control>
              <Group justify="space-between" wrap="nowrap">
                <div>
                  {/* a text message has no subject: its row shows the text itself */}
                  <Text size="sm" fw={600} lineClamp={2}>
                    {m.subject || m.body}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {m.channel === 'sms' ? 'Text message' : 'Email'} to {m.to} · {new Date(m.createdAt).toLocaleString()}
                  </Text>
                </div>
                <Badge color={m.status === 'sent' ? 'teal' : m.status === 'failed' ? 'red' : 'gray'}>{m.status}</Badge>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {m.body}
              </Text>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </>
  );
}
