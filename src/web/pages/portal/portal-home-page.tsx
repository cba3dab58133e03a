import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { clientViews } from './my-care-page.js';
import { DECISION_COLOR, DECISION_LABEL } from '../../components/clinical/labels.js';

export function PortalHomePage() {
  const { me } = useSession();
  const clientId = me?.clientId;
  const intake = useGet('/api/clients/{clientId}/intake', clientId ? { params: { path: { clientId } } } : null);
  const screenings = useGet('/api/clients/{clientId}/screenings', clientId ? { params: { path: { clientId } } } : null);
  const first = me?.user.name.split(' ')[0] ?? '';
  const answered = Boolean(intake.data);
  const latest = clientViews(screenings.data?.items ?? [])[0];
  const missingIntake = intake.error instanceof ApiError && intake.error.status === 404;

  return (
    <Stack gap="lg" py="md">
      <div>
        <Title order={1}>Welcome, {first}</Title>
        <Text c="dimmed">Here is where you are in your microneedling journey.</Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder radius="md">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h5">
              1. Health questionnaire
            </Title>
            {answered ? <Badge color="teal">Done</Badge> : <Badge color="gray">To do</Badge>}
          </Group>
          <Text size="sm" c="dimmed" mb="md">
            {answered ? `Answered on ${intake.data!.answeredOn}. Update it if anything changes.` : missingIntake || !intake.loading ? 'About 5 minutes. Your progress is saved after every step.' : 'Checking…'}
          </Text>
          <Button component={Link} to="/portal/care/questionnaire" variant={answered ? 'default' : 'filled'}>
            {answered ? 'Update answers' : 'Start questionnaire'}
          </Button>
        </Card>
        <Card withBorder radius="md">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h5">
              2. Is it right for me?
            </Title>
            {latest ? <Badge color={DECISION_COLOR[latest.decision]}>{DECISION_LABEL[latest.decision]}</Badge> : null}
          </Group>
          <Text size="sm" c="dimmed" mb="md">
            {latest ? 'See the reasons and what happens next.' : 'Check your eligibility for the areas you want treated.'}
          </Text>
          {answered ? (
            <Button component={Link} to="/portal/care" variant={latest ? 'default' : 'filled'}>
              {latest ? 'See my result' : 'Check eligibility'}
            </Button>
          ) : (
            // a real disabled button, not a link: it cannot be followed and is announced as unavailable
            <Button disabled>Check eligibility</Button>
          )}
        </Card>
        <Card withBorder radius="md">
          <Title order={2} size="h5" mb="xs">
            3. Learn
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            What microneedling is, what to expect, risks, aftercare and costs.
          </Text>
          <Button component={Link} to="/portal/learn" variant="default">
            Read the guide
          </Button>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
