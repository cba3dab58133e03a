import { Alert, Anchor, Button, Group, List, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client.js';

type Service = Schemas['Service'];
type Window = Schemas['BookingWindow'];

const LINKS: Record<string, string> = {
  questionnaire: '/portal/care/questionnaire',
  check_eligibility: '/portal/care',
};

/** The next step of a closed service: a link to the questionnaire or My care, or an action here. */
function StepAction({ w, onStep }: { w: Window; onStep: (w: Window) => void }) {
  if (!w.nextStep) return null;
  const to = LINKS[w.nextStep.kind];
  return to ? (
    <Anchor component={Link} to={to} size="sm" fw={600}>
      {w.nextStep.label}
    </Anchor>
  ) : (
    <Group>
      <Button size="xs" variant="light" onClick={() => onStep(w)}>
        {w.nextStep.label}
      </Button>
    </Group>
  );
}

/**
 * The services a client may book to choose from. Those that cannot be booked yet are not offered:
 * they are listed apart, once per reason, with the reason in plain words and the next step.
 */
export function ServiceChoice({ services, windows, value, onChange, onStep }: { services: Service[]; windows: Window[] | null; value: string | null; onChange: (id: string) => void; onStep: (w: Window) => void }) {
  const windowOf = (id: string) => windows?.find((w) => w.serviceId === id) ?? null;
  const open = services.filter((s) => windowOf(s.id)?.bookable !== false);
  const closed = new Map<string, { w: Window; names: string[] }>();
  for (const s of services) {
    const w = windowOf(s.id);
    if (!w || w.bookable) continue;
    const key = `${w.reason ?? ''}|${w.nextStep?.kind ?? ''}|${w.nextStep?.from ?? ''}`;
    closed.set(key, { w: closed.get(key)?.w ?? w, names: [...(closed.get(key)?.names ?? []), s.name] });
  }
  return (
    <Stack>
      <Radio.Group label="Service" value={value ?? ''} onChange={onChange}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
          {open.map((s) => {
            const w = windowOf(s.id);
            return (
              <Radio.Card key={s.id} value={s.id} p="md" radius="md" withBorder aria-describedby={w?.reason ? `why-${s.id}` : undefined}>
                <Group wrap="nowrap" align="flex-start">
                  <Radio.Indicator />
                  <div>
                    <Text fw={600}>{s.name}</Text>
                    <Text size="sm" c="dimmed">
                      About {s.durationMin} minutes{s.kind === 'consultation' ? ' · no health check needed' : ''}
                    </Text>
                    {w?.reason ? (
                      <Text size="sm" id={`why-${s.id}`} mt={4}>
                        {w.reason}
                      </Text>
                    ) : null}
                  </div>
                </Group>
              </Radio.Card>
            );
          })}
        </SimpleGrid>
      </Radio.Group>
      {[...closed.values()].map(({ w, names }) => (
        <Alert key={w.serviceId} color="orange" variant="light" title={names.length === 1 ? `${names[0]}: not bookable yet` : 'Not bookable yet'}>
          <Stack gap="xs">
            <Text size="sm">{w.reason}</Text>
            {names.length > 1 ? (
              <List size="sm" aria-label="Services this applies to">
                {names.map((n) => (
                  <List.Item key={n}>{n}</List.Item>
                ))}
              </List>
            ) : null}
            <StepAction w={w} onStep={onStep} />
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}

/** What to do before the visit that does not stop the booking. */
export function BeforeYourVisit({ window }: { window: Window | null }) {
  if (!window?.todo.length) return null;
  return (
    <Alert color="blue" title="Before your visit">
      <List size="sm">
        {window.todo.map((t) => (
          <List.Item key={t}>{t}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
