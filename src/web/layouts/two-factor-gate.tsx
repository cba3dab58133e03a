import { Alert, Stack, Title } from '@mantine/core';
import { SecurityTab } from '../pages/console/settings/security-tab.js';

/**
 * Staff whose role (or clinic) requires two-step sign-in see only this until it is set up; the
 * server refuses everything else to them too.
 */
export function TwoFactorGate() {
  return (
    <Stack maw={640}>
      <Title order={1}>Set up two-step sign-in</Title>
      <Alert color="teal" title="One step before you start">
        Your role can see and approve sensitive records, so your clinic asks for a code from an authenticator app at each sign-in. It takes a minute: enter your
        password, add the key to your app, then type the code it shows.
      </Alert>
      <SecurityTab />
    </Stack>
  );
}
