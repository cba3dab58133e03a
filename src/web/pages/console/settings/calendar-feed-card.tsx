import { Alert, Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { call, errorText, http } from '../../../api/client.js';
import { useSession } from '../../../auth/session.js';

/** A provider's own secret iCalendar feed: shown once; making a new one retires the old link. */
export function CalendarFeedCard() {
  const { me } = useSession();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!me || (me.role !== 'provider' && me.role !== 'medical_director')) return null;
  const create = async () => {
    setError(null);
    try {
      setUrl((await call(http.POST('/api/providers/{userId}/calendar-feed', { params: { path: { userId: me.user.id } } }))).url);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Card withBorder mt="md">
      <Title order={2} size="h4" mb="xs">
        My calendar feed
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Subscribe to your bookings from your phone or computer calendar. The link is secret and shows clients by initials only; making a new link stops the old one.
      </Text>
      {url ? (
        <Stack gap="xs">
          <TextInput label="Feed address (shown once)" value={url} readOnly />
          <Group>
            <CopyButton value={url}>{({ copied, copy }) => <Button onClick={copy} variant="light">{copied ? 'Copied' : 'Copy link'}</Button>}</CopyButton>
          </Group>
        </Stack>
      ) : (
        <Button variant="default" onClick={() => void create()}>
          Create my calendar link
        </Button>
      )}
      {error ? (
        <Alert color="red" mt="sm">
          {error}
        </Alert>
      ) : null}
    </Card>
  );
}
