import { Alert, Badge, Button, Card, Checkbox, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, call, errorText, http, type Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { Page } from '../../components/page.js';
import { Empty, ErrorAlert, Loading } from '../../components/states.js';
import { MODALITY_LABEL } from '../../components/clinical/labels.js';
import { PlanApprovals } from './plan-approvals.js';
import { AlertsCard, CosignCard } from './alerts-card.js';
import { AdverseEventsCard } from './adverse-events-card.js';

type QueueItem = Schemas['ReviewQueueItem'];

function DecideModal({ item, onClose, onDone }: { item: QueueItem; onClose: () => void; onDone: () => void }) {
  const { me } = useSession();
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
    <Modal opened onClose={onClose} title={`Review: ${item.clientName}`} size="lg">
      <Stack>
        {item.findings.map((f) => (
          <Text key={f.ruleId} size="sm">
            <b>{f.ruleId}</b> {f.message}
          </Text>
        ))}
        <SegmentedControl value={outcome} onChange={(v) => setOutcome(v)} data={[{ value: 'approved', label: 'Approve' }, { value: 'declined', label: 'Decline' }]} aria-label="Decision" />
        <Textarea label="Clinical note" description="Why, and any conditions of the approval." minRows={3} autosize value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fields.note} />
        <Checkbox label="Treat without numbing cream" checked={noNumbing} onChange={(e) => setNoNumbing(e.currentTarget.checked)} />
        <TextInput label="Sign with your full name" description={`Type "${me?.user.name ?? ''}" to sign this decision.`} value={signedName} onChange={(e) => setSignedName(e.currentTarget.value)} error={fields.signedName} />
        {error ? <Alert color="red">{error}</Alert> : null}
        <Button onClick={() => void submit()} disabled={note.trim().length < 3 || signedName.trim().length < 2}>
          Sign decision
        </Button>
      </Stack>
    </Modal>
  );
}

export function ReviewsPage() {
  const queue = useGet('/api/reviews', {});
  const [open, setOpen] = useState<QueueItem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { me } = useSession();
  return (
    <Page title="Reviews queue" lead="Screenings that need a licensed clinician's signed decision. Contraindications cannot be approved away.">
      <AlertsCard />
      {done ? <Alert color="teal">{done}</Alert> : null}
      {queue.data && !queue.data.canDecide ? (
        <Text c="dimmed">Screening reviews are signed by the medical director and prescribing providers; you can follow the queue here, and red-flag alerts for your clients appear above.</Text>
      ) : null}
      {queue.error ? <ErrorAlert error={queue.error} /> : null}
      {queue.loading && !queue.data ? <Loading label="Loading the queue" /> : null}
      {queue.data?.items.length === 0 ? <Empty title="Nothing waiting for review">New needs-review screenings appear here, oldest first.</Empty> : null}
      <Stack>
        {queue.data?.items.map((i) => (
          <Card key={i.screeningId} withBorder>
            <Group justify="space-between" wrap="wrap">
              <div>
                <Text fw={700} component={Link} to={`/console/clients/${i.clientId}`}>
                  {i.clientName}
                </Text>
                <Text size="sm" c="dimmed">
                  {MODALITY_LABEL[i.modality]} on {i.planDate} · screened {new Date(i.createdAt).toLocaleDateString()}
                </Text>
                <Group gap={4} mt={4}>
                  {i.findings.map((f) => (
                    <Badge key={f.ruleId} color="yellow" variant="light">
                      {f.ruleId}
                    </Badge>
                  ))}
                </Group>
              </div>
              {queue.data?.canDecide ? <Button onClick={() => setOpen(i)}>Review</Button> : null}
            </Group>
          </Card>
        ))}
      </Stack>
      {me?.role === 'medical_director' ? <PlanApprovals /> : null}
      <CosignCard />
      <AdverseEventsCard />
      {open ? (
        <DecideModal
          item={open}
          onClose={() => setOpen(null)}
          onDone={() => {
            setDone(`Decision signed for ${open.clientName}.`);
            setOpen(null);
            queue.reload();
          }}
        />
      ) : null}
    </Page>
  );
}
