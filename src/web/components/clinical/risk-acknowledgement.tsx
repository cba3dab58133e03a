import { Alert, Badge, Button, Card, Checkbox, List, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { call, errorText, http, type Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { ErrorAlert, Loading } from '../states.js';

type Modality = Schemas['RiskAcknowledgementInput']['modality'];

/** Before booking a treatment the client reads and acknowledges the risk summary (recorded). */
export function RiskAcknowledgement({ clientId, modality }: { clientId: string; modality: Modality }) {
  const summary = useGet('/api/learn/risk-summary', { params: { query: { modality } } });
  const acks = useGet('/api/clients/{clientId}/risk-acknowledgements', { params: { path: { clientId } } });
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (summary.loading || acks.loading) return <Loading label="Loading the risk summary" />;
  if (!summary.data) return <ErrorAlert error={summary.error} />;
  const done = acks.data?.items.find((a) => a.modality === modality && a.summaryVersion === summary.data!.version);

  const acknowledge = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(http.POST('/api/clients/{clientId}/risk-acknowledgements', { params: { path: { clientId } }, body: { modality, summaryVersion: summary.data!.version } }));
      acks.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        <IconAlertTriangle size={18} aria-hidden /> {summary.data.title}
      </Title>
      <List size="sm" spacing={4} mb="sm">
        {summary.data.points.map((p) => (
          <List.Item key={p.text}>
            {p.text} {p.modality === 'rf' ? <Badge size="xs" color="orange">RF</Badge> : null}
          </List.Item>
        ))}
      </List>
      {done ? (
        <Alert color="teal" icon={<IconCircleCheck />}>
          You acknowledged these risks on {new Date(done.acknowledgedAt).toLocaleDateString()}.
        </Alert>
      ) : (
        <>
          <Checkbox label="I have read and understood these risks." checked={checked} onChange={(e) => setChecked(e.currentTarget.checked)} mb="sm" />
          {error ? (
            <Text c="red.9" size="sm" role="alert">
              {error}
            </Text>
          ) : null}
          <Button disabled={!checked} loading={busy} onClick={() => void acknowledge()}>
            Acknowledge the risks
          </Button>
        </>
      )}
    </Card>
  );
}
