import { Alert, Button, Card, Group, Stack, Tabs, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { call, errorText, http } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { Page } from '../../components/page.js';
import { Empty, ErrorAlert, Loading } from '../../components/states.js';
import { ClientForm } from './client-form.js';
import { MessagePreferencesCard } from '../../components/clinical/message-preferences-card.js';
import { ClientClinicalTab } from './client-clinical-tab.js';
import { ClientBillingTab } from './billing/client-billing-tab.js';
import { ClientMembershipPanel } from './memberships/client-membership-panel.js';

function Notes({ clientId }: { clientId: string }) {
  const notes = useGet('/api/clients/{clientId}/notes', { params: { path: { clientId } } });
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    try {
      await call(http.POST('/api/clients/{clientId}/notes', { params: { path: { clientId } }, body: { body } }));
      setBody('');
      notes.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Stack>
      <Textarea label="New clinical note" description="Notes are permanent: they cannot be edited or deleted." autosize minRows={3} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
      {error ? <Alert color="red">{error}</Alert> : null}
      <Group>
        <Button onClick={() => void add()} disabled={!body.trim()}>
          Add note
        </Button>
      </Group>
      {notes.loading && !notes.data ? <Loading label="Loading notes" /> : null}
      {notes.error ? <ErrorAlert error={notes.error} /> : null}
      {notes.data?.items.length === 0 ? <Empty title="No clinical notes yet">Write a note above and choose Add note; notes are kept newest first.</Empty> : null}
      <Timeline bulletSize={14} lineWidth={2}>
        {notes.data?.items.map((n) => (
          <Timeline.Item key={n.id} title={`${n.authorName} · ${new Date(n.createdAt).toLocaleString()}`}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {n.body}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}

export function ClientDetailPage() {
  const { clientId = '' } = useParams();
  const { me } = useSession();
  const client = useGet('/api/clients/{clientId}', { params: { path: { clientId } } });
  const clinical = me?.role === 'medical_director' || me?.role === 'provider';
  const billing = me?.role === 'owner' || me?.role === 'front_desk' || me?.role === 'medical_director';
  if (client.loading && !client.data) return <Loading label="Loading client" />;
  if (client.error || !client.data) return <ErrorAlert error={client.error} title="Client not available" />;
  const c = client.data;
  return (
    <Page title={`${c.firstName} ${c.lastName}`} lead={c.hasAccount ? 'Has a portal account' : 'No portal account yet'}>
      <Tabs defaultValue={clinical ? 'clinical' : 'contact'} keepMounted={false}>
        <Tabs.List>
          {clinical ? <Tabs.Tab value="clinical">Clinical</Tabs.Tab> : null}
          <Tabs.Tab value="contact">Contact details</Tabs.Tab>
          {clinical ? <Tabs.Tab value="notes">Clinical notes</Tabs.Tab> : null}
          {billing ? <Tabs.Tab value="billing">Billing</Tabs.Tab> : null}
          <Tabs.Tab value="membership">Membership</Tabs.Tab>
        </Tabs.List>
        {clinical ? (
          <Tabs.Panel value="clinical" pt="md">
            <ClientClinicalTab clientId={c.id} />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="contact" pt="md">
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              Contact details
            </Title>
            <ClientForm client={c} onSaved={() => client.reload()} />
          </Card>
          <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
            <MessagePreferencesCard clientId={c.id} showHistory />
          </div>
        </Tabs.Panel>
        {clinical ? (
          <Tabs.Panel value="notes" pt="md">
            <Notes clientId={c.id} />
          </Tabs.Panel>
        ) : null}
        {billing ? (
          <Tabs.Panel value="billing" pt="md">
            <ClientBillingTab clientId={c.id} />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="membership" pt="md">
          <ClientMembershipPanel clientId={c.id} />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
