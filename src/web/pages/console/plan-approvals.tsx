import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { call, errorText, http, type Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { MODALITY_LABEL } from '../../components/clinical/labels.js';

/** Plans a provider adjusted outside the protocol caps, for the medical director to approve. */
export function PlanApprovals() {
  const queue = useGet('/api/plans/awaiting-director', {});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!queue.data?.items.length) return null;
  const approve = async (p: Schemas['AwaitingDirectorPlan']) => {
    try {
      await call(http.POST('/api/plans/{planId}/approve', { params: { path: { planId: p.id } }, body: { note: notes[p.id] ?? '' } }));
      setMessage({ ok: true, text: `Plan approved for ${p.clientName}.` });
      queue.reload();
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  };
  return (
    <Stack>
      <Title order={2} size="h4">
        Plans outside the protocol caps
      </Title>
      {message ? <Alert color={message.ok ? 'teal' : 'red'}>{message.text}</Alert> : null}
      {queue.data.items.map((p) => (
        <Card key={p.id} withBorder>
          <Group justify="space-between" wrap="wrap" mb="xs">
            <div>
              <Text fw={700} component={Link} to={`/console/clients/${p.clientId}`}>
                {p.clientName}
              </Text>
              <Text size="sm" c="dimmed">
                {MODALITY_LABEL[p.plan.modality]} · adjusted by {p.createdBy} · {p.plan.changeReason}
              </Text>
            </div>
            <Badge color="orange">Outside caps</Badge>
          </Group>
          {(p.plan.outsideCapsIssues ?? []).map((i) => (
            <Text key={i.path} size="sm">
              <b>{i.ruleId}</b> {i.message}
            </Text>
          ))}
          <Textarea mt="sm" label="Approval note" value={notes[p.id] ?? ''} onChange={(e) => setNotes((n) => ({ ...n, [p.id]: e.currentTarget.value }))} autosize minRows={2} />
          <Button mt="sm" onClick={() => void approve(p)} disabled={(notes[p.id] ?? '').trim().length < 3}>
            Approve plan
          </Button>
        </Card>
      ))}
    </Stack>
  );
}
