import { Alert, Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call, errorText, http } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { useSession } from '../../../auth/session.js';

/**
 * Whether clients find the clinic on the public pages, create an account and book in the portal.
 * The owner's switch; a new clinic starts with it off. Staff book at the desk either way.
 */
export function OnlineBookingCard() {
  const { me } = useSession();
  const org = useGet('/api/organization', {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const on = org.data?.onlineBooking ?? false;
  const toggle = async (enabled: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await call(http.PUT('/api/organization/online-booking', { body: { enabled } }));
      org.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder maw={640}>
      <Stack gap="xs">
        <Title order={2} size="h5">
          Online booking
        </Title>
        {me?.role === 'owner' ? (
          <Switch
            label="Take online bookings"
            description="On: the clinic is listed on the public pages, and clients can create an account and book in the portal. Off: staff still book at the desk and by phone."
            checked={on}
            disabled={!org.data || busy}
            onChange={(e) => void toggle(e.currentTarget.checked)}
          />
        ) : (
          <Text size="sm">{on ? 'On: clients can find the clinic, create an account and book in the portal.' : 'Off: only staff book appointments.'}</Text>
        )}
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
