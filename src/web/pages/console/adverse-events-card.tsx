import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Modal, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { ApiError, call, errorText, http, type Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/states.js';

type AdverseEvent = Schemas['AdverseEvent'];
type Catalogue = Schemas['AdverseEventList'];
type Relatedness = AdverseEvent['relatedness'];
const RELATEDNESS: Relatedness[] = ['unrelated', 'possible', 'probable', 'definite'];

const today = () => new Date().toISOString().slice(0, 10);

function RecordModal({ data, onClose, onDone }: { data: Catalogue; onClose: () => void; onDone: () => void }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const clients = useGet('/api/clients', { params: { query: { limit: 20, ...(debounced ? { q: debounced } : {}) } } });
  const [clientId, setClientId] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [expected, setExpected] = useState(false);
  const [grade, setGrade] = useState<string | null>(null);
  const [serious, setSerious] = useState(false);
  const [relatedness, setRelatedness] = useState<Relatedness>('possible');
  const [onsetOn, setOnsetOn] = useState(today());
  const [description, setDescription] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const type = data.catalogue.find((c) => c.code === code);
  const save = async () => {
    if (!clientId || !code) return;
    setError(null);
    try {
      await call(http.POST('/api/adverse-events', { body: { clientId, code, expectedResponse: expected, grade: expected ? null : grade ? Number(grade) : null, serious, relatedness, onsetOn, description } }));
      onDone();
    } catch (e) {
      if (e instanceof ApiError) setFields(e.fieldErrors());
      setError(errorText(e));
    }
  };
  return (
    <Modal opened onClose={onClose} title="Record an adverse event" size="lg">
      <Stack>
        <Select label="Client" searchable searchValue={q} onSearchChange={setQ} data={clients.data?.items.map((c) => ({ value: c.id, label: `${c.firstName} ${c.lastName}` })) ?? []} value={clientId} onChange={setClientId} error={fields.clientId} />
        <Select label="Event" data={data.catalogue.map((c) => ({ value: c.code, label: c.label }))} value={code} onChange={setCode} error={fields.code} searchable />
        {type ? (
          <Text size="sm" c="dimmed">
            Usual onset {type.onset}; course {type.course}; grade hint {type.gradeHint.join(' to ')}.
          </Text>
        ) : null}
        <Checkbox label="An expected treatment response within its usual window (not an adverse event)" checked={expected} onChange={(e) => setExpected(e.currentTarget.checked)} disabled={!type?.expectedResponse} />
        {!expected ? <Select label="CTCAE grade" data={data.grades.map((g) => ({ value: String(g.grade), label: `${g.grade} ${g.label}: ${g.definition}` }))} value={grade} onChange={setGrade} error={fields.grade} /> : null}
        <Checkbox label="Serious (death, life-threatening, hospitalisation, disability or an important medical event)" checked={serious} onChange={(e) => setSerious(e.currentTarget.checked)} error={fields.serious} />
        <Select label="Related to the treatment" data={RELATEDNESS} value={relatedness} onChange={(v) => setRelatedness(RELATEDNESS.find((r) => r === v) ?? relatedness)} allowDeselect={false} />
        <TextInput label="Onset" type="date" value={onsetOn} onChange={(e) => setOnsetOn(e.currentTarget.value)} />
        <Textarea label="What happened" autosize minRows={3} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fields.description} />
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Button onClick={() => void save()} disabled={!clientId || !code || description.trim().length < 3}>
          Record
        </Button>
      </Stack>
    </Modal>
  );
}

function FollowUpModal({ event, onClose, onDone }: { event: AdverseEvent; onClose: () => void; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [resolvedOn, setResolvedOn] = useState('');
  const [medwatch, setMedwatch] = useState('');
  const [manufacturer, setManufacturer] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await call(
        http.POST('/api/adverse-events/{eventId}/follow-ups', {
          params: { path: { eventId: event.id } },
          body: { note, ...(resolvedOn ? { resolvedOn } : {}), ...(medwatch ? { medwatchReportedOn: medwatch } : {}), ...(manufacturer ? { manufacturerReportedOn: manufacturer } : {}) },
        }),
      );
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Follow up: ${event.label}`}>
      <Stack>
        {event.reporting.reasons.map((r) => (
          <Alert key={r} color="orange" variant="light">
            {r}
          </Alert>
        ))}
        <Textarea label="Follow-up note" autosize minRows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <TextInput label="Resolved on" type="date" value={resolvedOn} onChange={(e) => setResolvedOn(e.currentTarget.value)} />
        <TextInput label="Reported to FDA MedWatch on" type="date" value={medwatch} onChange={(e) => setMedwatch(e.currentTarget.value)} />
        <TextInput label="Reported to the manufacturer on" type="date" value={manufacturer} onChange={(e) => setManufacturer(e.currentTarget.value)} />
        {error ? <Alert color="red">{error}</Alert> : null}
        <Button onClick={() => void save()} disabled={note.trim().length < 2}>
          Save follow-up
        </Button>
      </Stack>
    </Modal>
  );
}

/** The adverse-event log: record, follow up until resolved, see what to report, export CSV. */
export function AdverseEventsCard() {
  const { me } = useSession();
  const allowed = me?.role === 'owner' || me?.role === 'medical_director' || me?.role === 'provider';
  const list = useGet('/api/adverse-events', allowed ? {} : null);
  const [recording, setRecording] = useState(false);
  const [following, setFollowing] = useState<AdverseEvent | null>(null);
  if (!allowed) return null;
  const clinician = me?.role !== 'owner';
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Adverse events
        </Title>
        <Group gap="xs">
          {me?.role !== 'provider' ? (
            <Anchor href="/api/adverse-events/export.csv" download size="sm">
              Export CSV
            </Anchor>
          ) : null}
          {clinician ? (
            <Button size="xs" variant="light" onClick={() => setRecording(true)}>
              Record adverse event
            </Button>
          ) : null}
        </Group>
      </Group>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          None recorded. Common responses within their usual window (redness, flaking) are not adverse events.
        </Text>
      ) : null}
      <Stack gap="xs">
        {list.data?.items.map((e) => (
          <Group key={e.id} justify="space-between" wrap="wrap">
            <div>
              <Text fw={600} size="sm">
                {e.label} · {e.clientName}
              </Text>
              <Text size="xs" c="dimmed">
                Onset {e.onsetOn} · {e.relatedness} {e.resolvedOn ? `· resolved ${e.resolvedOn}` : ''}
              </Text>
            </div>
            <Group gap={4}>
              {e.grade ? <Badge variant="light">Grade {e.grade}</Badge> : <Badge variant="light" color="gray">Expected response</Badge>}
              {e.serious ? <Badge color="red.9">Serious</Badge> : null}
              {e.reporting.medwatch && !e.medwatchReportedOn ? <Badge color="orange" variant="light">MedWatch due</Badge> : null}
              <Badge color={e.status === 'open' ? 'yellow' : 'teal'} variant="light">
                {e.status}
              </Badge>
              {clinician && e.status === 'open' ? (
                <Button size="compact-xs" variant="subtle" onClick={() => setFollowing(e)}>
                  Follow up
                </Button>
              ) : null}
            </Group>
          </Group>
        ))}
      </Stack>
      {recording && list.data ? (
        <RecordModal
          data={list.data}
          onClose={() => setRecording(false)}
          onDone={() => {
            setRecording(false);
            list.reload();
          }}
        />
      ) : null}
      {following ? (
        <FollowUpModal
          event={following}
          onClose={() => setFollowing(null)}
          onDone={() => {
            setFollowing(null);
            list.reload();
          }}
        />
      ) : null}
    </Card>
  );
}
