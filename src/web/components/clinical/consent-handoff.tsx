// In-clinic signing from the staff side: the consents a client still has to sign, and the hand-off of
// ONE document to the clinic tablet. "Hand over this device" signs the staff out first and opens the
// tablet page in place of the console, so nothing of the staff session stays reachable on it.
import { Alert, Badge, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconDeviceTablet } from '@tabler/icons-react';
import { useState } from 'react';
import { call, errorText, http, type Schemas } from '../../api/client.js';
import { shortDate } from '../../api/dates.js';

type ConsentNeed = Schemas['ConsentSummary']['items'][number];
type Handoff = Schemas['ConsentHandoff'];
type Modality = NonNullable<Schemas['StartConsentHandoff']['modality']>;

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });

/** One document for one client: start the hand-off, then hand over this device or open the link on the clinic tablet. */
export function HandoffButton({ clientId, clientName, need, modality, planId, size = 'sm' }: { clientId: string; clientName: string; need: Pick<ConsentNeed, 'kind' | 'title'>; modality?: Modality | null | undefined; planId?: string | null | undefined; size?: 'xs' | 'sm' | 'md' }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState<Handoff | null>(null);
  const start = async () => {
    const body = { kind: need.kind, ...(need.kind === 'treatment' && planId ? { planId } : {}), ...(need.kind === 'treatment' && modality && !planId ? { modality } : {}) };
    return call(http.POST('/api/clients/{clientId}/consent-handoffs', { params: { path: { clientId } }, body }));
  };
  const handOver = async () => {
    setBusy(true);
    setError(null);
    try {
      const h = await start();
      // the staff session ends here: the tablet page needs none, and staff sign in again afterwards
      await call(http.POST('/api/auth/sign-out', { body: {} })).catch(() => undefined);
      window.location.replace(h.path);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  const anotherDevice = async () => {
    setBusy(true);
    setError(null);
    try {
      setStarted(await start());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const link = started ? `${window.location.origin}${started.path}` : '';
  return (
    <>
      <Button size={size} variant="light" leftSection={<IconDeviceTablet size={16} aria-hidden />} onClick={() => setOpen(true)}>
        Sign on the clinic tablet
      </Button>
      <Modal opened={open} onClose={() => { setOpen(false); setStarted(null); setError(null); }} title="Sign in the clinic" size="lg">
        <Stack>
          <Text>
            Hand the tablet to {clientName} to read and sign <b>{need.title}</b>. The tablet shows only this document; after signing it locks until a staff member signs in again.
          </Text>
          {error ? <Alert color="red" role="alert" title="Could not start the hand-off">{error}</Alert> : null}
          {started ? (
            <Stack gap="xs">
              <TextInput label="Open this link on the clinic tablet" value={link} readOnly onFocus={(e) => e.currentTarget.select()} />
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => void navigator.clipboard?.writeText(link)}>Copy the link</Button>
                <Text size="sm">It works once, until {timeOf(started.expiresAt)}.</Text>
              </Group>
            </Stack>
          ) : (
            <Group>
              <Button loading={busy} onClick={() => void handOver()}>Hand over this device</Button>
              <Button variant="default" disabled={busy} onClick={() => void anotherDevice()}>Use another tablet</Button>
            </Group>
          )}
          {!started ? <Text size="sm" c="dimmed">Handing over this device signs you out first, so the client cannot reach the console.</Text> : null}
        </Stack>
      </Modal>
    </>
  );
}

/** The consents listed at check-in: signed ones with their date, missing ones with the hand-off. */
export function ConsentChecklist({ clientId, clientName, items, modality, planId }: { clientId: string; clientName: string; items: ConsentNeed[]; modality?: Modality | null; planId?: string | null }) {
  const missing = items.filter((i) => !i.signed);
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">Consents</Text>
      <List spacing={6} listStyleType="none" p={0} m={0}>
        {items.map((i) => (
          <List.Item key={i.kind}>
            <Group gap="xs" wrap="wrap">
              {i.signed ? <IconCircleCheck size={16} color="var(--mantine-color-teal-8)" aria-hidden /> : null}
              <Text size="sm">{i.title}</Text>
              {i.signed ? (
                <Text size="sm" c="dimmed">
                  signed {i.signedAt ? shortDate(i.signedAt) : ''}{i.method === 'in_clinic' ? ' in the clinic' : ''}
                </Text>
              ) : (
                <Badge color="orange" variant="light">Not signed</Badge>
              )}
            </Group>
            {!i.signed ? (
              <Group mt={4}>
                <HandoffButton clientId={clientId} clientName={clientName} need={i} modality={modality} planId={planId} size="xs" />
              </Group>
            ) : null}
          </List.Item>
        ))}
      </List>
      {missing.length ? (
        <Text size="xs" c="dimmed">
          {missing.some((m) => m.kind === 'photo_clinical') ? 'Without the consent to clinical photographs, no photos can be added to the chart. ' : ''}
          The client can also sign on their own phone, in the portal.
        </Text>
      ) : null}
    </Stack>
  );
}
