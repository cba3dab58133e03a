import { Alert, Button, Group, Modal, NumberInput, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ApiError, call, errorText, http, type Schemas } from '../../api/client.js';
import { AREA_LABEL } from '../../components/clinical/labels.js';

type PlanView = Schemas['TreatmentPlan'];

/** A clinician adjusts a plan; the server checks the caps and names any field it refuses. */
export function PlanAdjustModal({ view, onClose, onDone }: { view: PlanView; onClose: () => void; onDone: (next: PlanView) => void }) {
  const p = view.plan;
  const [sessions, setSessions] = useState<number>(p.sessions);
  const [minDays, setMinDays] = useState<number>(p.intervalDays.min);
  const [maxDays, setMaxDays] = useState<number>(p.intervalDays.max);
  const [depths, setDepths] = useState<number[]>(p.areas.map((a) => a.depthMm));
  const [numbing, setNumbing] = useState(p.numbing.use);
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const next = await call(
        http.POST('/api/plans/{planId}/adjust', {
          params: { path: { planId: view.id } },
          // a depth not edited stays the plan's own
          body: { sessions, intervalDays: { min: minDays, max: maxDays }, depths: p.areas.map((a, i) => ({ area: a.area, depthMm: depths[i] ?? a.depthMm })), numbing, reason },
        }),
      );
      onDone(next);
    } catch (e) {
      if (e instanceof ApiError) setFields(e.fieldErrors());
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title="Adjust the plan" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          Within the protocol caps the new version is active at once. Outside them it waits for the medical director. Some limits are never allowed.
        </Text>
        <Group grow>
          <NumberInput label="Sessions" min={1} max={24} value={sessions} onChange={(v) => setSessions(Number(v))} error={fields.sessions} />
          <NumberInput label="Shortest interval (days)" min={1} max={365} value={minDays} onChange={(v) => setMinDays(Number(v))} error={fields['intervalDays.min']} />
          <NumberInput label="Longest interval (days)" min={1} max={365} value={maxDays} onChange={(v) => setMaxDays(Number(v))} error={fields['intervalDays.max']} />
        </Group>
        {p.areas.map((a, i) => (
          <NumberInput
            key={a.area}
            label={`${AREA_LABEL[a.area] ?? a.area}: depth (mm)`}
            description={`Cap ${a.check.capMm} mm for ${p.indication}`}
            min={0.1}
            max={5}
            step={0.25}
            decimalScale={2}
            value={depths[i]}
            onChange={(v) => setDepths((d) => d.map((x, j) => (j === i ? Number(v) : x)))}
            error={fields[`depths.${i}.depthMm`]}
          />
        ))}
        <Switch label="Numbing cream" checked={numbing} onChange={(e) => setNumbing(e.currentTarget.checked)} />
        {fields.numbing ? <Text c="red.9" size="sm">{fields.numbing}</Text> : null}
        <Textarea label="Reason for the change" required minRows={2} autosize value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fields.reason} />
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void submit()} loading={busy}>
            Save new version
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
