// The clinician's review of a needs-review screening: everything behind the decision on screen (each
// finding in plain words with the client's answers that triggered it, the requested treatment, the
// plan and the photos), then the signed decision.
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Image, List, Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError, call, errorText, http, type Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { AREA_LABEL, DECISION_LABEL, MODALITY_LABEL } from '../../components/clinical/labels.js';
import { ErrorAlert, Loading } from '../../components/states.js';

type QueueItem = Schemas['ReviewQueueItem'];
type Detail = Schemas['ReviewDetail'];

const longDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const areaList = (areas: string[]) => areas.map((a) => AREA_LABEL[a] ?? a.replace(/_/g, ' ')).join(', ');
const STAGE: Record<string, string> = { before: 'before', after: 'after', follow_up: 'follow-up' };

function ReviewFacts({ d }: { d: Detail }) {
  return (
    <Stack gap="sm">
      <Text>
        Requested: <b>{MODALITY_LABEL[d.requested.modality]}</b> on {longDate(d.requested.date)} · Areas: {areaList(d.requested.areas)}
      </Text>
      <Title order={3} size="h5">Findings</Title>
      {d.findings.map((f) => (
        <Card key={`${f.ruleId}-${f.outcome}`} withBorder padding="sm">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text fw={700}>{f.title}</Text>
            <Group gap={4}>
              <Badge variant="light" color={f.outcome === 'needs_review' ? 'yellow' : 'gray'}>{DECISION_LABEL[f.outcome] ?? f.outcome}</Badge>
              <Text size="xs" c="dimmed">Rule {f.ruleId}</Text>
            </Group>
          </Group>
          <Text size="sm" mt={4}>{f.clinical}</Text>
          {f.areas.length ? <Text size="sm" c="dimmed">Areas: {areaList(f.areas)}</Text> : null}
          <Text size="sm" fw={600} mt="xs">The client’s answers</Text>
          {f.answers.length ? (
            <List size="sm" spacing={2}>
              {f.answers.map((a) => <List.Item key={`${a.kind}-${a.code}`}>{a.text}</List.Item>)}
            </List>
          ) : (
            <Text size="sm" c="dimmed">No single answer: this rule looks at the plan itself.</Text>
          )}
        </Card>
      ))}
      <Title order={3} size="h5">Plan</Title>
      {d.plan ? (
        <Stack gap={2}>
          <Text size="sm">
            {MODALITY_LABEL[d.plan.modality]}, {d.plan.sessions} sessions, {d.plan.intervalDays.min} to {d.plan.intervalDays.max} days apart, from {longDate(d.plan.startDate)}; {d.plan.numbing ? 'numbing cream' : 'no numbing cream'}
          </Text>
          <Text size="sm">Depths: {d.plan.areas.map((a) => `${AREA_LABEL[a.area] ?? a.area} up to ${a.depthMm.toFixed(2)} mm`).join('; ')}</Text>
          {d.plan.precautions.length ? <Text size="sm">Precautions: {d.plan.precautions.join(' ')}</Text> : null}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">No plan for this treatment yet.</Text>
      )}
      <Title order={3} size="h5">Photos</Title>
      {d.photos.length ? (
        <SimpleGrid cols={{ base: 3, sm: 4 }} spacing="xs">
          {d.photos.map((p) => (
            <Anchor key={p.id} href={p.url} target="_blank" rel="noopener">
              <Image src={p.thumbUrl} alt={`${p.view.replace(/_/g, ' ')} ${STAGE[p.stage] ?? p.stage}, ${new Date(p.takenAt).toLocaleDateString('en-US')}`} radius="sm" />
            </Anchor>
          ))}
        </SimpleGrid>
      ) : (
        <Text size="sm" c="dimmed">No photos of this client yet.</Text>
      )}
    </Stack>
  );
}

export function DecideModal({ item, onClose, onDone }: { item: QueueItem; onClose: () => void; onDone: () => void }) {
  const { me } = useSession();
  const detail = useGet('/api/screenings/{screeningId}/review-detail', { params: { path: { screeningId: item.screeningId } } });
  const [outcome, setOutcome] = useState<'approved' | 'declined'>('approved');
  const [note, setNote] = useState('');
  const [noNumbing, setNoNumbing] = useState(false);
  const [signedName, setSignedName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const submit = async () => {
    try {
      await call(
        http.POST('/api/screenings/{screeningId}/review', {
          params: { path: { screeningId: item.screeningId } },
          body: { outcome, note, signedName, adjustments: noNumbing ? [{ kind: 'no_numbing_cream' }] : [] },
        }),
      );
      onDone();
    } catch (e) {
      if (e instanceof ApiError) setFields(e.fieldErrors());
      setError(errorText(e));
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Review: ${item.clientName}`} size="xl">
      <Stack>
        {detail.error ? <ErrorAlert error={detail.error} title="Could not load the answers behind this review" /> : null}
        {detail.loading && !detail.data ? <Loading label="Loading the answers and the plan" /> : null}
        {detail.data ? <ReviewFacts d={detail.data} /> : null}
        <Title order={3} size="h5">Decision</Title>
        <SegmentedControl value={outcome} onChange={(v) => setOutcome(v)} data={[{ value: 'approved', label: 'Approve' }, { value: 'declined', label: 'Decline' }]} aria-label="Decision" />
        <Textarea label="Clinical note" description="Why, and any conditions of the approval." minRows={3} autosize value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fields.note} />
        <Checkbox label="Treat without numbing cream" checked={noNumbing} onChange={(e) => setNoNumbing(e.currentTarget.checked)} />
        <TextInput label="Sign with your full name" description={`Type "${me?.user.name ?? ''}" to sign this decision.`} value={signedName} onChange={(e) => setSignedName(e.currentTarget.value)} error={fields.signedName} />
        {error ? <Alert color="red">{error}</Alert> : null}
        <Button onClick={() => void submit()} disabled={note.trim().length < 3 || signedName.trim().length < 2 || !detail.data}>
          Sign decision
        </Button>
      </Stack>
    </Modal>
  );
}
