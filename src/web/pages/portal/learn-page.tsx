import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import { Page } from '../../components/page.js';

const NAMES = ['collagen induction therapy (CIT)', 'percutaneous collagen induction (PCI)', 'skin needling', 'dermal rolling', 'micro-needling therapy', 'needle dermabrasion', 'dermal micro-needling'];

export function LearnPage() {
  return (
    <Page title="Learn about microneedling" lead="A plain guide to the treatment, written for you by your clinic's team.">
      <Card withBorder>
        <Stack gap="xs">
          <Title order={2} size="h4">
            What it is
          </Title>
          <Text>
            Microneedling makes many tiny, controlled punctures in the skin with fine sterile needles. Your skin responds by repairing itself and building new
            collagen, which can soften acne scars, fine lines and uneven texture over a series of sessions.
          </Text>
          <Text>It goes by several names:</Text>
          <List size="sm">
            {NAMES.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            Questions about whether it suits you? Answer the <Anchor href="/portal/care/questionnaire">health questionnaire</Anchor> and we will tell you, with reasons.
          </Text>
        </Stack>
      </Card>
    </Page>
  );
}
