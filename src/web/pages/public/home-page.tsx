import { Button, Card, Grid, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconClipboardHeart, IconCalendarHeart, IconSparkles } from '@tabler/icons-react';
import { Link } from 'react-router';

const STEPS = [
  { icon: IconClipboardHeart, title: 'Answer a short health questionnaire', text: 'Plain questions, one topic at a time. We explain why each one matters for your safety.' },
  { icon: IconSparkles, title: 'Get a clear answer and a plan', text: 'See whether microneedling suits you, and why, with a plan and an upfront price.' },
  { icon: IconCalendarHeart, title: 'Book and heal with support', text: 'Book with a licensed provider and get day-by-day aftercare on your phone.' },
];

export function HomePage() {
  return (
    <Stack gap="xl" py="md">
      <Grid gap="xl" align="center">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Title order={1}>Microneedling, done safely and explained clearly</Title>
            <Text size="lg" c="dimmed">
              Microneedling (also called collagen induction therapy) uses fine, sterile needles to trigger your skin&apos;s own repair. It can soften acne scars,
              fine lines and uneven texture over a series of sessions.
            </Text>
            <Group>
              <Button size="md" component={Link} to="/register">
                Create account
              </Button>
              <Button size="md" variant="default" component={Link} to="/sign-in">
                Sign in
              </Button>
              <Button size="md" variant="subtle" component={Link} to="/learn">
                Learn about microneedling
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder radius="lg" padding="lg">
            <Title order={2} size="h4" mb="sm">
              What we check before every treatment
            </Title>
            <List spacing="xs" icon={<ThemeIcon size={20} radius="xl" color="teal"><IconCheck size={14} aria-hidden /></ThemeIcon>}>
              <List.Item>Your health history, medicines and recent procedures</List.Item>
              <List.Item>A licensed clinician reviews anything that needs a closer look</List.Item>
              <List.Item>Single-use sterile needle cartridges, tracked by lot</List.Item>
              <List.Item>Your informed consent, signed and kept as a PDF</List.Item>
            </List>
          </Card>
        </Grid.Col>
      </Grid>
      <section aria-labelledby="how">
        <Title order={2} id="how" size="h3" mb="md">
          How it works
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {STEPS.map((s) => (
            <Card key={s.title} withBorder radius="md" padding="lg">
              <ThemeIcon size="lg" radius="md" variant="light" mb="sm" aria-hidden>
                <s.icon size={22} />
              </ThemeIcon>
              <Title order={3} size="h5" mb={4}>
                {s.title}
              </Title>
              <Text size="sm" c="dimmed">
                {s.text}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
