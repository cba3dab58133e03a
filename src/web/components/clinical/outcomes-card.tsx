import { Alert, Badge, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { LineChart } from '../charts.js';
import { useState } from 'react';
import { ApiError, call, errorText, http, type Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { ErrorAlert } from '../states.js';

type Measure = Schemas['Outcome']['measure'];
type Timepoint = Schemas['Outcome']['timepoint'];

const MEASURE_LABEL: Record<Measure, string> = {
  gais: 'GAIS',
  satisfaction: 'Satisfaction',
  goodman_baron_qualitative: 'Goodman & Baron (grade)',
  goodman_baron_quantitative: 'Goodman & Baron (score)',
};
const SCALES: Record<string, { value: string; label: string }[]> = {
  gais: ['Very much improved', 'Much improved', 'Improved', 'No change', 'Worse'].map((l, i) => ({ value: String(i + 1), label: `${i + 1} ${l}` })),
  satisfaction: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'].map((l, i) => ({ value: String(i + 1), label: `${i + 1} ${l}` })),
  goodman_baron_qualitative: ['macular', 'mild', 'moderate', 'severe'].map((l, i) => ({ value: String(i + 1), label: `Grade ${i + 1}: ${l}` })),
};
const TIMEPOINT_LABEL: Record<Timepoint, string> = { baseline: 'Baseline', session: 'At a session', follow_up: 'Follow-up (3 months or more)' };
const SCARS = ['macular', 'mild', 'moderate', 'severe', 'papular', 'keloidal'] as const;
const NO_SCARS: Schemas['ScarCounts'] = { macular: 0, mild: 0, moderate: 0, severe: 0, papular: 0, keloidal: 0 };
const isMeasure = (v: string | null): v is Measure => v !== null && v in MEASURE_LABEL;
const isTimepoint = (v: string | null): v is Timepoint => v !== null && v in TIMEPOINT_LABEL;

/** A client's course over time, as a chart and a table, with a form for clinicians to grade. */
export function OutcomesCard({ clientId, canGrade }: { clientId: string; canGrade: boolean }) {
  const list = useGet('/api/clients/{clientId}/outcomes', { params: { path: { clientId } } });
  const [measure, setMeasure] = useState<Measure>('gais');
  const [timepoint, setTimepoint] = useState<Timepoint>('follow_up');
  const [value, setValue] = useState<string | null>(null);
  const [counts, setCounts] = useState<Schemas['ScarCounts']>(NO_SCARS);
  const [assessedOn, setAssessedOn] = useState(new Date().toISOString().slice(0, 10));
  const [error, setError] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  // one line per measure, by date; lower is better for GAIS and scar grades, higher for satisfaction
  const dates = [...new Set(items.map((o) => o.assessedOn))];
  const chart = dates.map((d) => ({ date: d, ...Object.fromEntries(items.filter((o) => o.assessedOn === d).map((o) => [MEASURE_LABEL[o.measure], o.value])) }));
  const series = [...new Set(items.map((o) => MEASURE_LABEL[o.measure]))].map((name, i) => ({ name, color: ['teal.7', 'blue.7', 'grape.7', 'orange.7'][i % 4]! }));

  const save = async () => {
    setError(null);
    try {
      await call(
        http.POST('/api/clients/{clientId}/outcomes', {
          params: { path: { clientId } },
          body: { measure, timepoint, assessedOn, ...(measure === 'goodman_baron_quantitative' ? { components: counts } : { value: Number(value) }) },
        }),
      );
      setValue(null);
      list.reload();
    } catch (e) {
      setError(e instanceof ApiError && e.fields.length ? `${errorText(e)}` : errorText(e));
    }
  };

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Outcomes
      </Title>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No outcomes yet. Record a baseline before the first session; results are judged at least 3 months after the last.
        </Text>
      ) : (
        <>
          {dates.length > 1 ? (
            <div role="img" aria-label="Outcomes over time, as listed in the table below">
              <LineChart h={200} data={chart} dataKey="date" series={series} connectNulls curveType="linear" />
            </div>
          ) : null}
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Measure</Table.Th>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Result</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>{o.assessedOn}</Table.Td>
                    <Table.Td>{MEASURE_LABEL[o.measure]}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">{o.timepoint.replace('_', ' ')}</Badge>
                    </Table.Td>
                    <Table.Td>
                      {o.label ?? o.value}
                      {o.components ? <Text size="xs" c="dimmed">{Object.entries(o.components).map(([k, v]) => `${k} ${v}`).join(', ')}</Text> : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {canGrade ? (
        <Stack mt="md" gap="xs">
          <Group align="flex-end" wrap="wrap">
            <Select label="Measure" data={Object.entries(MEASURE_LABEL).map(([v, l]) => ({ value: v, label: l }))} value={measure} onChange={(v) => isMeasure(v) && setMeasure(v)} allowDeselect={false} w={220} />
            <Select label="Time point" data={Object.entries(TIMEPOINT_LABEL).map(([v, l]) => ({ value: v, label: l }))} value={timepoint} onChange={(v) => isTimepoint(v) && setTimepoint(v)} allowDeselect={false} w={220} />
            <TextInput label="Assessed on" type="date" value={assessedOn} onChange={(e) => setAssessedOn(e.currentTarget.value)} w={170} />
          </Group>
          {measure === 'goodman_baron_quantitative' ? (
            <SimpleGrid cols={{ base: 3, sm: 6 }}>
              {SCARS.map((s) => (
                <NumberInput key={s} label={`${s} scars`} min={0} max={500} value={counts[s]} onChange={(v) => setCounts((c) => ({ ...c, [s]: Number(v) || 0 }))} />
              ))}
            </SimpleGrid>
          ) : (
            <Select label="Result" data={SCALES[measure] ?? []} value={value} onChange={setValue} w={320} />
          )}
          {error ? <Alert color="red">{error}</Alert> : null}
          <Button onClick={() => void save()} disabled={measure !== 'goodman_baron_quantitative' && !value} w="fit-content">
            Record outcome
          </Button>
        </Stack>
      ) : null}
    </Card>
  );
}
