// The one next step, as the single prominent call to action of the portal home.
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { call, errorText, http } from '../../api/client.js';
import type { NextStep } from './next-step.js';

export function NextStepCard({ step }: { step: NextStep }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pay = async (bookingId: string) => {
    setBusy(true);
    setError(null);
    try {
      // the card processor's page; the client comes back to My care, which confirms the payment
      const { url } = await call(http.POST('/api/checkout', { body: { kind: 'deposit', bookingId } }));
      window.location.assign(url);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  const a = step.action;
  // a long label wraps on a phone instead of being cut off
  const wrap = { root: { height: 'auto', minHeight: 44, paddingBlock: 10 }, label: { whiteSpace: 'normal' as const, textAlign: 'center' as const } };
  return (
    <Card component="section" radius="md" padding="lg" bg="teal.0" withBorder style={{ borderColor: 'var(--mantine-color-teal-6)', borderWidth: 2 }} aria-labelledby="next-step-title" data-next-step={step.id}>
      <Stack gap="sm">
        <Text size="sm" fw={600} c="teal.9">
          Your next step
        </Text>
        <Title order={2} size="h3" id="next-step-title">
          {step.title}
        </Title>
        <Text>{step.text}</Text>
        {a?.kind === 'link' ? (
          <Button component={Link} to={a.to} size="md" fullWidth styles={wrap} rightSection={<IconArrowRight size={18} />}>
            {a.label}
          </Button>
        ) : null}
        {a?.kind === 'pay_deposit' ? (
          <Button size="md" fullWidth styles={wrap} loading={busy} onClick={() => void pay(a.bookingId)} rightSection={<IconArrowRight size={18} />}>
            {a.label}
          </Button>
        ) : null}
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
