// The clinic set-up checklist: the owner's landing page until every step is done. Each step's state
// comes from what the clinic has recorded (GET /api/organization/setup); its link opens the screen
// where it is done. The medical director reads it too.
import { Alert, Anchor, Badge, Button, Card, Group, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useGet } from '../../../api/use-api.js';
import { Page } from '../../../components/page.js';
import { ErrorAlert, Loading } from '../../../components/states.js';
import type { Schemas } from '../../../api/client.js';

type Step = Schemas['SetupStep'];

function StepRow({ step, index }: { step: Step; index: number }) {
  return (
    <Card withBorder padding="md" component="li" aria-label={`Step ${index + 1}: ${step.title}, ${step.done ? 'done' : 'to do'}`}>
      <Group wrap="nowrap" align="flex-start" gap="md">
        <ThemeIcon variant="light" color={step.done ? 'teal' : 'gray'} size="lg" radius="xl" aria-hidden>
          {step.done ? <IconCircleCheck size={20} /> : <IconCircleDashed size={20} />}
        </ThemeIcon>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Title order={2} size="h5">
              {step.title}
            </Title>
            {step.done ? (
              <Badge color="teal" variant="light">
                Done
              </Badge>
            ) : null}
          </Group>
          <Text size="sm">{step.detail}</Text>
        </Stack>
        <Button component={Link} to={step.href} variant={step.done ? 'subtle' : 'light'} size="xs" aria-label={`${step.done ? 'Review' : 'Set up'} ${step.title.toLowerCase()}`}>
          {step.done ? 'Review' : 'Set up'}
        </Button>
      </Group>
    </Card>
  );
}

export function SetupPage() {
  const setup = useGet('/api/organization/setup', {});
  if (setup.loading && !setup.data) return <Loading label="Loading the set-up checklist" />;
  if (setup.error || !setup.data) return <ErrorAlert error={setup.error} />;
  const s = setup.data;
  const percent = Math.round((s.done / s.total) * 100);
  return (
    <Page title={`Set up ${s.organizationName}`} lead="Each step turns done by itself when the clinic records it. Do them in any order.">
      <Card withBorder padding="md">
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600}>
              {s.done} of {s.total} steps done
            </Text>
            <Text c="dimmed" size="sm">
              {percent}%
            </Text>
          </Group>
          <Progress value={percent} size="lg" color="teal" aria-label={`Set-up progress: ${s.done} of ${s.total} steps done`} />
        </Stack>
      </Card>
      {s.complete ? (
        <Alert color="teal" title="Your clinic is set up">
          Clients can find you, create an account and book.{' '}
          <Anchor component={Link} to="/console">
            Open the schedule
          </Anchor>
        </Alert>
      ) : null}
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {s.steps.map((step, i) => (
          <StepRow key={step.id} step={step} index={i} />
        ))}
      </Stack>
    </Page>
  );
}
