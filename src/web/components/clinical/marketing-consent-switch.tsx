import { Alert, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { call, errorText, http } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';

/**
 * Marketing messages (offers, "we would love to see you again") are off until the client says yes,
 * apart from care messages. The client switches it in the portal; the desk records their answer.
 */
export function MarketingConsentSwitch({ clientId }: { clientId: string }) {
  const { me } = useSession();
  const consent = useGet('/api/clients/{clientId}/marketing-consent', { params: { path: { clientId } } });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const self = me?.role === 'client';
  const mayChange = self || me?.role === 'owner' || me?.role === 'front_desk';
  const toggle = async (optedIn: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await call(http.PUT('/api/clients/{clientId}/marketing-consent', { params: { path: { clientId } }, body: { optedIn } }));
      consent.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  if (consent.error) return <Alert color="red">The marketing choice could not be loaded.</Alert>;
  const c = consent.data;
  return (
    <Stack gap={4}>
      <Switch
        label={self ? 'Offers and invitations to come back' : 'Marketing messages (only with the client’s say-so)'}
        description={
          self
            ? 'Occasional messages about treatments and offers. Reminders about your own bookings and treatment course are not affected.'
            : 'Ask the client first. Care messages (reminders, the next session of a course) do not need this.'
        }
        checked={c?.optedIn ?? false}
        disabled={!c || busy || !mayChange}
        onChange={(e) => void toggle(e.currentTarget.checked)}
      />
      {c?.changedAt ? (
        <Text size="xs" c="dimmed">
          {c.optedIn ? 'Agreed' : 'Declined'} on {new Date(c.changedAt).toLocaleDateString()} {c.source === 'desk' ? 'at the front desk' : c.source === 'portal' ? 'in the portal' : 'with an unsubscribe link'}.
        </Text>
      ) : null}
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}
