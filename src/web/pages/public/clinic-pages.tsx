// The public pages that help a new client choose: a MedSpa's locations, each location's
// clinicians, and a clinician's profile with published reviews. No sign-in; mobile first.
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { ratingText } from '../../api/review-types.js';
import { Page } from '../../components/page.js';
import { Empty, ErrorAlert, Loading } from '../../components/states.js';

function RatingLine({ rating }: { rating: Schemas['Rating'] }) {
  return (
    <Group gap={4} wrap="nowrap">
      {rating.count ? <IconStarFilled size={16} aria-hidden color="var(--mantine-color-yellow-7)" /> : null}
      <Text size="sm">{ratingText(rating)}</Text>
    </Group>
  );
}

const experience = (years: number | null) => (years === null ? null : years < 1 ? 'Less than a year of practice' : `${years} ${years === 1 ? 'year' : 'years'} of practice`);

function Credentials({ items }: { items: string[] }) {
  if (!items.length) return null;
  return (
    <Group gap={6}>
      {items.map((c) => (
        <Badge key={c} variant="light" color="teal">
          {c}
        </Badge>
      ))}
    </Group>
  );
}

function Licence({ p }: { p: { title: string; licenceType: string | null; licenceState: string | null; yearsExperience: number | null } }) {
  const licence = p.licenceType ? `${p.licenceType}${p.licenceState ? `, licensed in ${p.licenceState}` : ''}` : null;
  return (
    <>
      {p.title ? <Text size="sm">{p.title}</Text> : null}
      {licence ? <Text size="sm">{licence}</Text> : null}
      {experience(p.yearsExperience) ? (
        <Text size="sm" c="dimmed">
          {experience(p.yearsExperience)}
        </Text>
      ) : null}
    </>
  );
}

export function ClinicPage() {
  const { slug = '' } = useParams();
  const org = useGet('/api/public/organizations/{slug}', { params: { path: { slug } } });
  if (org.loading && !org.data) return <Loading label="Loading the clinic" />;
  if (org.error || !org.data) return <ErrorAlert error={org.error} title="Clinic not found" />;
  return (
    <Page
      title={org.data.name}
      lead="Choose a location to meet its providers."
      actions={
        <Button component={Link} to={`/clinics/${org.data.slug}/gift-cards`} variant="light">
          Gift cards
        </Button>
      }
    >
      {org.data.locations.length ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {org.data.locations.map((l) => (
            <Card key={l.id} withBorder>
              <Title order={2} size="h4">
                {l.name}
              </Title>
              {l.address ? <Text size="sm">{l.address}</Text> : null}
              <Text size="sm" c="dimmed">
                {l.state}
              </Text>
              <RatingLine rating={l.rating} />
              <Anchor component={Link} to={`/clinics/${org.data!.slug}/locations/${l.id}`} mt="xs">
                Providers at {l.name}
              </Anchor>
            </Card>
          ))}
        </SimpleGrid>
      ) : (
        <Empty title="No locations yet">This clinic has not published a location yet; please call or email them to book.</Empty>
      )}
    </Page>
  );
}

export function ClinicLocationPage() {
  const { slug = '', locationId = '' } = useParams();
  // each provider comes with the services they may perform at this location
  const page = useGet('/api/public/organizations/{slug}/locations/{locationId}', { params: { path: { slug, locationId } } });
  if (page.loading && !page.data) return <Loading label="Loading the location" />;
  if (page.error || !page.data) return <ErrorAlert error={page.error} title="Location not found" />;
  const { organization, location, providers } = page.data;
  return (
    <Page
      title={`${organization.name}, ${location.name}`}
      lead={[location.address, location.phone].filter(Boolean).join(' · ') || undefined}
      actions={
        <Anchor component={Link} to={`/clinics/${organization.slug}`}>
          All locations
        </Anchor>
      }
    >
      <RatingLine rating={location.rating} />
      <Title order={2} size="h3">
        Providers
      </Title>
      {providers.length ? (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {providers.map((p) => (
            <Card key={p.id} withBorder>
              <Stack gap={6}>
                <Title order={3} size="h4">
                  {p.name}
                </Title>
                <Licence p={p} />
                <Credentials items={p.credentials} />
                {p.services.length ? <Text size="sm">Performs: {p.services.join(', ')}</Text> : null}
                <RatingLine rating={p.rating} />
                <Button component={Link} to={`/clinics/${organization.slug}/providers/${p.id}`} variant="light" size="sm" aria-label={`See profile of ${p.name}`}>
                  See profile
                </Button>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      ) : (
        <Empty title="No providers listed here yet">The clinic has not published its clinicians' profiles for this location yet.</Empty>
      )}
    </Page>
  );
}

export function ClinicProviderPage() {
  const { slug = '', userId = '' } = useParams();
  // the review pages are links (?offset=), so they work in the server-rendered page too (no scripts)
  const [params] = useSearchParams();
  const offset = Math.max(0, Math.floor(Number(params.get('offset'))) || 0);
  const page = useGet('/api/public/organizations/{slug}/providers/{userId}', { params: { path: { slug, userId }, query: { offset } } });
  if (page.loading && !page.data) return <Loading label="Loading the profile" />;
  if (page.error || !page.data) return <ErrorAlert error={page.error} title="Provider not found" />;
  const { organization, provider, reviews } = page.data;
  return (
    <Page
      title={provider.name}
      lead={organization.name}
      actions={
        <Anchor component={Link} to={`/clinics/${organization.slug}`}>
          All locations
        </Anchor>
      }
    >
      <Card withBorder>
        <Stack gap={6}>
          <Licence p={provider} />
          <Credentials items={provider.credentials} />
          <RatingLine rating={provider.rating} />
          {provider.bio ? (
            <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {provider.bio}
            </Text>
          ) : null}
        </Stack>
      </Card>
      {provider.locations.map((l) => (
        <Card key={l.id} withBorder>
          <Title order={2} size="h4">
            At {l.name}
          </Title>
          <Text size="sm">{l.services.length ? `Performs: ${l.services.join(', ')}` : 'Services are being set up.'}</Text>
        </Card>
      ))}
      <Title order={2} size="h3">
        Reviews
      </Title>
      {reviews.items.length ? (
        <Stack>
          {reviews.items.map((r) => (
            <Card key={r.id} withBorder component="article">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={700}>{r.rating} of 5</Text>
                <Text size="sm" c="dimmed">
                  {r.displayName} · {r.date}
                </Text>
              </Group>
              {r.body ? (
                <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.body}
                </Text>
              ) : null}
              {r.reply ? (
                <Card bg="gray.0" mt="sm" padding="sm">
                  <Text size="sm" fw={600}>
                    Reply from {organization.name}
                  </Text>
                  <Text size="sm">{r.reply.text}</Text>
                </Card>
              ) : null}
            </Card>
          ))}
          <Group>
            {offset > 0 ? (
              <Button variant="default" component={Link} to={`?offset=${Math.max(0, offset - reviews.limit)}`}>
                Newer reviews
              </Button>
            ) : null}
            {offset + reviews.limit < reviews.total ? (
              <Button variant="default" component={Link} to={`?offset=${offset + reviews.limit}`}>
                Older reviews
              </Button>
            ) : null}
          </Group>
        </Stack>
      ) : (
        <Empty title="No reviews yet">Reviews appear here once clients who were treated share them and the clinic has checked them.</Empty>
      )}
    </Page>
  );
}
