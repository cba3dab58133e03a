import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { Page } from '../../components/page.js';
import { Empty, ErrorAlert, Loading } from '../../components/states.js';
import { MODALITY_LABEL } from '../../components/clinical/labels.js';
import { prettyDate } from '../../api/dates.js';
import { PlanApprovals } from './plan-approvals.js';
import { DecideModal } from './review-decide-modal.js';
import { AlertsCard, CosignCard } from './alerts-card.js';
import { AdverseEventsCard } from './adverse-events-card.js';

type QueueItem = Schemas['ReviewQueueItem'];

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
                  {MODALITY_LABEL[i.modality]} on {prettyDate(i.planDate)} · screened {new Date(i.createdAt).toLocaleDateString()}
                </Text>
                <Stack gap={2} mt={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {i.findings.map((f) => (
                    <Text key={f.ruleId} size="sm" component="li">
                      {f.message}{' '}
                      <Badge color="yellow" variant="light" size="sm">
                        {f.ruleId}
                      </Badge>
                    </Text>
                  ))}
                </Stack>
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
