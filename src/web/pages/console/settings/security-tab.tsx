import { Alert, Button, Card, Code, List, PasswordInput, PinInput, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call, errorText, http, type Schemas } from '../../../api/client.js';
import { useSession } from '../../../auth/session.js';
import { useGet } from '../../../api/use-api.js';

/** TOTP enrolment: password, then the secret for an authenticator app, then a first code to confirm. */
export function SecurityTab() {
  const { me, refresh } = useSession();
  const [password, setPassword] = useState('');
  const [setup, setSetup] = useState<Schemas['TotpSetup'] | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  if (!me) return null;
  const required = me.role === 'owner' || me.role === 'medical_director';
  const secret = setup ? new URL(setup.totpURI).searchParams.get('secret') : null;

  const enable = async () => {
    try {
      setSetup(await call(http.POST('/api/auth/two-factor/enable', { body: { password } })));
      setMsg(null);
    } catch (e) {
      setMsg({ ok: false, text: errorText(e) });
    }
  };
  const confirm = async (code: string) => {
    try {
      await call(http.POST('/api/auth/two-factor/verify-totp', { body: { code } }));
      setSetup(null);
      setMsg({ ok: true, text: 'Two-step sign-in is on. You will be asked for a code at every sign-in.' });
      await refresh();
    } catch (e) {
      setMsg({ ok: false, text: errorText(e) });
    }
  };
  const disable = async () => {
    try {
      await call(http.POST('/api/auth/two-factor/disable', { body: { password } }));
      setMsg({ ok: true, text: 'Two-step sign-in is off.' });
      await refresh();
    } catch (e) {
      setMsg({ ok: false, text: errorText(e) });
    }
  };

  return (
    <Card withBorder maw={640}>
      <Stack>
        <Title order={2} size="h5">
          Two-step sign-in (authenticator app)
        </Title>
        {me.twoFactorSetupRequired ? (
          <Alert color="yellow" title="Required">
            {required ? `As ${me.role === 'owner' ? 'owner' : 'medical director'} you can see and approve sensitive records.` : 'Your clinic requires it of all staff.'} Once on, it stays
            on.
          </Alert>
        ) : null}
        {msg ? <Alert color={msg.ok ? 'teal' : 'red'}>{msg.text}</Alert> : null}
        <Text>Status: {me.user.twoFactorEnabled ? 'on' : 'off'}</Text>
        {setup ? (
          <Stack>
            <Text>Add this key to your authenticator app (or open the link on your phone), then enter the code it shows.</Text>
            <Code block>{secret}</Code>
            <Text size="sm">
              Backup codes (keep them somewhere safe; each works once):
            </Text>
            <List size="sm">{setup.backupCodes.map((c) => <List.Item key={c}>{c}</List.Item>)}</List>
            <PinInput length={6} type="number" oneTimeCode aria-label="Code from your app" onComplete={(c) => void confirm(c)} />
          </Stack>
        ) : (
          <Stack>
            <PasswordInput label="Your password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" />
            {me.user.twoFactorEnabled ? (
              <Button variant="default" onClick={() => void disable()} disabled={!password}>
                Turn off two-step sign-in
              </Button>
            ) : (
              <Button onClick={() => void enable()} disabled={!password}>
                Set up two-step sign-in
              </Button>
            )}
          </Stack>
        )}
        {me.role === 'owner' && !me.twoFactorSetupRequired ? <StaffTwoFactorPolicy /> : null}
      </Stack>
    </Card>
  );
}

/** The owner may require two-step sign-in of every staff member, not only owners and directors. */
function StaffTwoFactorPolicy() {
  const org = useGet('/api/organization', {});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = async (on: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await call(http.PUT('/api/organization/two-factor', { body: { requireForAllStaff: on } }));
      org.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs" mt="md">
      <Switch
        label="Require two-step sign-in of every staff member"
        description="Owners and medical directors always need it. Staff without it are asked to set it up at their next step in Dermis."
        checked={org.data?.requireStaffTwoFactor ?? false}
        disabled={!org.data || busy}
        onChange={(e) => void toggle(e.currentTarget.checked)}
      />
      {error ? <Alert color="red">{error}</Alert> : null}
    </Stack>
  );
}
