import { Alert, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call, errorText, http } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';

const LABELS = ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'];

/** After a treatment's day-14 check-in, the client rates how satisfied they are; kept with its label on their course. */
export function SatisfactionCard({ clientId }: { clientId: string }) {
  const aftercare = useGet('/api/clients/{clientId}/aftercare', { params: { path: { clientId } } });
  const outcomes = useGet('/api/clients/{clientId}/outcomes', { params: { path: { clientId } } });
  const [value, setValue] = useState('4');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const last = aftercare.data?.journeys[0];
  // asked once healing is behind: after the day-14 check-in (answered, or its day has come)
  const dayFourteen = last?.checkIns.find((c) => c.day === 14);
  if (!last || !dayFourteen || (!dayFourteen.answeredAt && Date.parse(dayFourteen.dueAt) > Date.now())) return null;
  const mine = (outcomes.data?.items ?? []).filter((o) => o.measure === 'satisfaction');
  const daysSince = (Date.now() - Date.parse(last.treatedAt)) / 86_400_000;
  const save = async () => {
    setMsg(null);
    try {
      await call(http.POST('/api/clients/{clientId}/outcomes', { params: { path: { clientId } }, body: { measure: 'satisfaction', timepoint: daysSince >= 90 ? 'follow_up' : 'session', value: Number(value), assessedOn: new Date().toISOString().slice(0, 10) } }));
      setMsg({ ok: true, text: 'Thank you. Your provider sees this with your results.' });
      outcomes.reload();
    } catch (e) {
      setMsg({ ok: false, text: errorText(e) });
    }
  };
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        How satisfied are you?
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Results build over weeks; they are judged at least 3 months after your last session.
      </Text>
      <Stack gap="xs">
        <SegmentedControl data={LABELS.map((l, i) => ({ value: String(i + 1), label: l }))} value={value} onChange={setValue} orientation="vertical" fullWidth aria-label="Satisfaction" />
        <Group>
          <Button onClick={() => void save()}>Send my rating</Button>
        </Group>
        {msg ? <Alert color={msg.ok ? 'teal' : 'red'}>{msg.text}</Alert> : null}
        {mine.length ? (
          <Text size="sm">
            Your ratings: {mine.map((o) => `${o.label ?? ''} (${o.assessedOn})`).join(', ')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
