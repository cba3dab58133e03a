import { Accordion, Alert, Badge, Button, Card, Group, List, Loader, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconBook, IconSearch } from '@tabler/icons-react';
import { useCallback, useId, useState, type MouseEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useGet, type GetInit } from '../../api/use-api.js';
import { useSession } from '../../auth/session.js';
import { Page } from '../../components/page.js';
import { ErrorAlert, Loading } from '../../components/states.js';

function SearchResults({ query, search, onOpenSection }: { query: string; search: GetInit<'/api/learn/search'> | null; onOpenSection: (id: string) => void }) {
  const { data, error, loading } = useGet('/api/learn/search', search);
  const headingId = useId();
  if (!search) return null;
  const items = data?.items ?? [];
  return (
    <section aria-labelledby={headingId}>
      <Stack gap="xs" aria-live="polite">
        <Group gap="xs">
          <Title order={2} size="h4" id={headingId}>
            Search results
          </Title>
          {loading ? <Loader size="xs" aria-label="Searching" /> : null}
        </Group>
        {error ? <ErrorAlert error={error} title="Search failed" /> : null}
        {!loading && !error && data && items.length === 0 ? <Text c="dimmed">No matches for “{query}”.</Text> : null}
        {items.length > 0 ? (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((hit) => (
              <li key={`${hit.kind}-${hit.id}`}>
                {hit.kind === 'guide' ? (
                  // a link to the section, so it works in the server-rendered page too (no scripts)
                  <UnstyledButton
                    component="a"
                    href={'#guide-' + hit.id}
                    onClick={(e: MouseEvent) => {
                      e.preventDefault();
                      onOpenSection(hit.id);
                    }}
                    w="100%"
                    p="sm"
                    style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}
                  >
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <IconBook size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                      <div>
                        <Text fw={600} c="var(--mantine-color-anchor)">
                          {hit.title}
                        </Text>
                        {hit.snippet ? (
                          <Text size="sm" c="dimmed" lineClamp={2}>
                            {hit.snippet}
                          </Text>
                        ) : null}
                      </div>
                    </Group>
                  </UnstyledButton>
                ) : (
                  <Card withBorder padding="sm">
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <Badge variant="light" color="teal" style={{ flexShrink: 0 }}>
                        Service
                      </Badge>
                      <div>
                        <Text fw={600}>{hit.title}</Text>
                        {hit.snippet ? (
                          <Text size="sm" c="dimmed" lineClamp={2}>
                            {hit.snippet}
                          </Text>
                        ) : null}
                      </div>
                    </Group>
                  </Card>
                )}
              </li>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </section>
  );
}

export function LearnPage() {
  const { me } = useSession();
  const { data, error, loading } = useGet('/api/learn/guide', {});
  // /learn?q=... searches at once: the server-rendered page (no scripts) searches with a plain form
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  const [debounced] = useDebouncedValue(query, 250);
  // the server renders every section open: its page has no scripts to open them
  const [open, setOpen] = useState<string[]>(() => (typeof window === 'undefined' ? (data?.sections.map((s) => s.id) ?? []) : ['what-it-is']));

  const trimmed = debounced.trim();
  const organization = me?.organization.slug;
  const search = trimmed ? { params: { query: { q: trimmed, ...(organization ? { organization } : {}) } } } : null;

  const openSection = useCallback((id: string) => {
    setOpen((prev) => (prev.includes(id) ? prev : [...prev, id]));
    window.setTimeout(() => {
      const el = document.getElementById('guide-' + id);
      el?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      el?.querySelector<HTMLButtonElement>('button')?.focus({ preventScroll: true });
    }, 50);
  }, []);

  const isClient = me?.role === 'client';

  return (
    <Page title="Learn about microneedling" lead="A plain-language guide to the treatment, written for clients by the clinic's team.">
      <form role="search" method="get" action={pathname} onSubmit={(e) => e.preventDefault()}>
        <TextInput
          label="Search the guide and services"
          leftSection={<IconSearch size={16} aria-hidden />}
          placeholder="Try “collagen induction therapy” or “dermal rolling”"
          name="q"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          type="search"
        />
      </form>

      <SearchResults query={trimmed} search={search} onOpenSection={openSection} />

      {loading && !data ? <Loading label="Loading the guide" /> : null}
      {error ? <ErrorAlert error={error} /> : null}

      {data ? (
        <>
          {data.names.length > 0 ? (
            <Stack gap={6}>
              <Title order={2} size="h5">
                Also known as
              </Title>
              <Group gap={6} wrap="wrap">
                {data.names.map((n) => (
                  <Badge key={n} variant="light" tt="none" size="lg" style={{ maxWidth: '100%' }}>
                    {n}
                  </Badge>
                ))}
              </Group>
            </Stack>
          ) : null}

          <Stack gap="xs">
            <Title order={2} size="h4">
              The guide
            </Title>
            <Accordion multiple value={open} onChange={setOpen} variant="separated" chevronPosition="right">
              {data.sections.map((s) => (
                <Accordion.Item key={s.id} value={s.id} id={'guide-' + s.id} style={{ scrollMarginTop: 80 }}>
                  <Accordion.Control>
                    <Text fw={600}>{s.title}</Text>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Stack gap="sm">
                      {s.summary ? <Text fw={500}>{s.summary}</Text> : null}
                      {s.paragraphs.map((p, i) => (
                        <Text key={i}>{p}</Text>
                      ))}
                      {s.bullets.length > 0 ? (
                        <List spacing={4}>
                          {s.bullets.map((b, i) => (
                            <List.Item key={i}>{b}</List.Item>
                          ))}
                        </List>
                      ) : null}
                      {s.sources.length > 0 ? (
                        <Text size="xs" c="dimmed">
                          Sources: {s.sources.join(', ')}
                        </Text>
                      ) : null}
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </Stack>

          <Card withBorder padding="lg">
            <Stack gap="sm">
              <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} p="sm">
                <Title order={2} size="h4">
                  Before you book
                </Title>
                <Text size="sm" mt={4}>
                  {data.riskSummary.title}
                </Text>
              </Alert>
              <List spacing="xs">
                {data.riskSummary.points.map((p, i) => (
                  <List.Item key={i}>
                    {p.text}
                    {p.modality === 'rf' ? (
                      <Badge size="xs" variant="light" color="grape" ml={6}>
                        RF only
                      </Badge>
                    ) : null}
                  </List.Item>
                ))}
              </List>
              <Text size="xs" c="dimmed">
                Risk summary version {data.riskSummary.version}
              </Text>
            </Stack>
          </Card>

          <Card withBorder padding="lg">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {isClient ? 'Ready for the next step?' : 'Want personalised advice?'}
              </Title>
              <Text>
                {isClient
                  ? 'Answer a short health questionnaire to check whether microneedling suits you, or book a consultation with the team.'
                  : 'Create an account to check whether microneedling suits you and to book a consultation.'}
              </Text>
              <Group gap="sm" wrap="wrap">
                {isClient ? (
                  <>
                    <Button component={Link} to="/portal/care/questionnaire">
                      Check if it suits me
                    </Button>
                    <Button component={Link} to="/portal/book" variant="light">
                      Book a consultation
                    </Button>
                  </>
                ) : (
                  <Button component={Link} to="/register">
                    Create an account
                  </Button>
                )}
              </Group>
            </Stack>
          </Card>

          <Text size="xs" c="dimmed">
            Guide version {data.version}
          </Text>
        </>
      ) : null}
    </Page>
  );
}
