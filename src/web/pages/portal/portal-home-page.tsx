// The portal home: the one next step, the next visit and today's aftercare, from what the API says.
import { Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useGet } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/states.js';
import { clientViews } from './client-screenings.js';
import { nextStep } from './next-step.js';
import { NextStepCard } from './next-step-card.js';
import { NextVisitCard } from './next-visit-card.js';
import { currentJourney, TodayAftercare } from './today-aftercare.js';

const ACTIVE = ['held', 'confirmed', 'checked_in'];

export function PortalHomePage() {
  const { me } = useSession();
  const clientId = me?.clientId ?? null;
  const first = me?.user.name.split(' ')[0] ?? '';
  return (
    <Stack gap="lg" py="md">
      <div>
        <Title order={1}>Welcome, {first}</Title>
        <Text c="dimmed">Here is where you are in your microneedling journey.</Text>
      </div>
      {clientId ? <HomeBody clientId={clientId} /> : <Text>Your client record is being set up. Please come back in a moment.</Text>}
    </Stack>
  );
}

function HomeBody({ clientId }: { clientId: string }) {
  const path = { params: { path: { clientId } } };
  const intake = useGet('/api/clients/{clientId}/intake', path);
  const draft = useGet('/api/clients/{clientId}/intake/draft', path);
  const screenings = useGet('/api/clients/{clientId}/screenings', path);
  const plans = useGet('/api/clients/{clientId}/plans', path);
  const bookings = useGet('/api/clients/{clientId}/bookings', path);
  const billing = useGet('/api/clients/{clientId}/billing', path);
  const aftercare = useGet('/api/clients/{clientId}/aftercare', path);

  const now = Date.now();
  const all = bookings.data?.items ?? [];
  const upcoming = all.filter((b) => ACTIVE.includes(b.status) && Date.parse(b.end) >= now).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const plan = plans.data?.items.find((p) => p.status !== 'superseded');
  const modality = plan?.plan.modality ?? upcoming.find((b) => b.service.kind === 'treatment')?.service.modality ?? null;
  const readiness = useGet('/api/clients/{clientId}/treatment-readiness', modality ? { params: { path: { clientId }, query: { modality } } } : null);

  const needed = [intake, screenings, plans, bookings];
  const failed = needed.find((l) => l.error && l.data === undefined);
  const loading = needed.some((l) => l.data === undefined && !l.error) || (modality !== null && readiness.data === undefined && !readiness.error) || (billing.data === undefined && !billing.error);
  const reloadVisits = () => {
    bookings.reload();
    billing.reload();
  };

  const step =
    !loading && !failed
      ? nextStep({
          intake: intake.data ?? null,
          draft: Boolean(draft.data),
          screenings: clientViews(screenings.data?.items ?? []),
          plans: plans.data?.items ?? [],
          upcoming,
          bookings: all,
          readiness: readiness.data ?? null,
          deposits: billing.data?.deposits ?? [],
          onlinePayments: billing.data?.onlinePayments ?? false,
        })
      : null;
  const journey = currentJourney(aftercare.data);
  const next = upcoming[0];

  return (
    <Stack gap="md">
      {failed ? <ErrorAlert error={failed.error} title="Could not load your next step" /> : null}
      {loading && !failed ? <Skeleton height={150} radius="md" role="status" aria-label="Loading your next step" /> : null}
      {step ? <NextStepCard step={step} /> : null}

      {bookings.loading && !bookings.data ? <Skeleton height={200} radius="md" role="status" aria-label="Loading your next visit" /> : null}
      {next ? <NextVisitCard booking={next} clientId={clientId} onChanged={reloadVisits} /> : null}
      {bookings.data && !next ? (
        <Card withBorder radius="md" padding="md">
          <Title order={2} size="h4" mb={4}>
            No visit booked
          </Title>
          <Text size="sm" c="dimmed">
            When you book, your next visit shows here with everything to know before you come.
          </Text>
        </Card>
      ) : null}
      {upcoming.length > 1 ? (
        <Anchor component={Link} to="/portal/book" size="sm">
          See all {upcoming.length} upcoming visits
        </Anchor>
      ) : null}

      {aftercare.error && !aftercare.data ? <ErrorAlert error={aftercare.error} title="Could not load your aftercare" /> : null}
      {journey ? <TodayAftercare journey={journey} /> : null}

      <Card withBorder radius="md" padding="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <div>
            <Title order={2} size="h5">
              Learn about microneedling
            </Title>
            <Text size="sm" c="dimmed">
              What to expect, risks, aftercare and costs.
            </Text>
          </div>
          <Button component={Link} to="/portal/learn" variant="default">
            Read the guide
          </Button>
        </Group>
      </Card>
    </Stack>
  );
}
