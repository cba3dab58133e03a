import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useGet } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { Page } from '../../components/page.js';
import { ErrorAlert, Loading } from '../../components/states.js';
import { ClientForm } from '../console/client-form.js';
import { MessagePreferencesCard } from '../../components/clinical/message-preferences-card.js';

export function AccountPage() {
  const { me, signOut } = useSession();
  const client = useGet('/api/clients/{clientId}', me?.clientId ? { params: { path: { clientId: me.clientId } } } : null);
  return (
    <Page title="Account" lead={me?.user.email}>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          Your contact details
        </Title>
        {client.loading && !client.data ? <Loading label="Loading your details" /> : null}
        {client.error ? <ErrorAlert error={client.error} /> : null}
        {client.data ? <ClientForm client={client.data} onSaved={() => client.reload()} submitLabel="Save my details" /> : null}
      </Card>
      {me?.clientId ? <MessagePreferencesCard clientId={me.clientId} showHistory={false} /> : null}
      <Stack align="flex-start">
        <Text size="sm" c="dimmed">
          Your health answers are private: only you and your clinic&apos;s clinicians can see them, and every access is recorded.
        </Text>
        <Button variant="default" onClick={() => void signOut()}>
          Sign out
        </Button>
      </Stack>
    </Page>
  );
}
