// Staff console cards: open red-flag aftercare alerts, and charts waiting for the medical director's co-signature.
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { call, errorText, http } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert, Loading } from '../../components/states.js';

// the triage urgency of the report (docs/triage.md)
const LEVEL = { emergency: { label: 'Emergency', color: 'red.9' }, urgent: { label: 'Urgent', color: 'orange' }, routine: { label: 'Routine', color: 'blue' } } as const;

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });

export function AlertsCard() {
  const { data, error, loading, reload } = useGet('/api/alerts', {});
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  if (error && !data) return <ErrorAlert error={error} title="Could not load red-flag alerts" />;
  if (loading && !data) return <Loading label="Loading alerts" />;
  if (!data || data.items.length === 0) return null;

  const acknowledge = async (id: string) => {
    setBusy(id);
    setActionError(null);
    try {
      await call(http.POST('/api/alerts/{alertId}/acknowledge', { params: { path: { alertId: id } } }));
      reload();
    } catch (e) {
      setActionError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Red-flag alerts
        </Title>
        <Text size="sm" c="dimmed">
          Aftercare reports as triaged: emergency and urgent first (contact the client today), then routine (within a working day).
        </Text>
        {actionError ? (
          <Alert color="red" role="alert" title="Could not acknowledge">
            {actionError}
          </Alert>
        ) : null}
        <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {data.items.map((a) => (
            <li key={a.id} style={{ borderTop: '1px solid var(--mantine-color-default-border)', padding: 'var(--mantine-spacing-sm) 0' }}>
              <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
                <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
                  <Group gap="xs" wrap="wrap">
                    <Badge color={LEVEL[a.level].color} variant={a.level === 'emergency' ? 'filled' : 'light'}>
                      {LEVEL[a.level].label}
                    </Badge>
                    {a.escalatedAt ? (
                      <Badge color="grape.9" variant="filled" title={`Escalated ${when(a.escalatedAt)}`}>
                        Escalated
                      </Badge>
                    ) : null}
                    <Anchor component={Link} to={`/console/clients/${encodeURIComponent(a.clientId)}`} fw={600}>
                      {a.clientName}
                    </Anchor>
                  </Group>
                  {a.phone ? (
                    <Text size="sm">
                      <Anchor href={`tel:${a.phone}`}>{a.phone}</Anchor>
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      No phone on file
                    </Text>
                  )}
                  {a.findings.map((f) => (
                    <Text size="sm" key={f.ruleId}>
                      {f.clinicianMessage}{' '}
                      <Text span size="xs" c="dimmed" ff="monospace" title={f.sources.length ? `Sources: ${f.sources.join(', ')}` : undefined}>
                        ({f.ruleId}, {f.urgency})
                      </Text>
                    </Text>
                  ))}
                  {a.photos.length ? (
                    <Group gap="xs">
                      {a.photos.map((p, i) => (
                        <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
                          <img src={p.thumbUrl} alt={`Photo ${i + 1} sent by ${a.clientName} with this report`} style={{ width: 72, height: 96, objectFit: 'cover', borderRadius: 4 }} />
                        </a>
                      ))}
                    </Group>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    Raised {when(a.createdAt)}
                    {a.escalatedAt ? ` · escalated ${when(a.escalatedAt)}` : ''}
                  </Text>
                </Stack>
                <Button size="sm" variant="light" loading={busy === a.id} disabled={busy !== null && busy !== a.id} onClick={() => void acknowledge(a.id)}>
                  Acknowledge
                </Button>
              </Group>
            </li>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

export function CosignCard() {
  const { me } = useSession();
  const isMd = me?.role === 'medical_director';
  const { data, error, loading } = useGet('/api/charts/cosign-queue', isMd ? {} : null);

  if (!isMd) return null;
  if (error && !data) return <ErrorAlert error={error} title="Could not load the co-sign queue" />;
  if (loading && !data) return <Loading label="Loading charts to co-sign" />;
  if (!data || data.items.length === 0) return null;

  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Charts to co-sign
        </Title>
        <Text size="sm" c="dimmed">
          Co-sign from the chart itself, after reading it: open it, check the entries and sign with your full name.
        </Text>
        <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {data.items.map((c) => (
            <li key={c.id} style={{ borderTop: '1px solid var(--mantine-color-default-border)', padding: 'var(--mantine-spacing-sm) 0' }}>
              <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
                <Stack gap={2} style={{ flex: '1 1 14rem', minWidth: 0 }}>
                  <Text fw={600}>{c.clientName}</Text>
                  <Text size="sm">Provider: {c.provider}</Text>
                  <Text size="xs" c="dimmed">
                    {c.signedAt ? `Signed ${when(c.signedAt)} · ` : ''}version {c.version}
                  </Text>
                </Stack>
                <Button size="sm" component={Link} to={`/console/bookings/${encodeURIComponent(c.bookingId)}/chart`}>
                  Open chart to co-sign
                </Button>
              </Group>
            </li>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
