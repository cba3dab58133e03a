// The marketing gallery: photos the medical director chose, shown only while each client's consent to
// marketing use is current. No names: the gallery is for the website and social posts, not the record.
import { Badge, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useGet } from '../../api/use-api.js';
import { Page } from '../../components/page.js';
import { Empty, ErrorAlert, Loading } from '../../components/states.js';

const VIEW: Record<string, string> = { front: 'Front', left_45: '45° left', right_45: '45° right', left_90: '90° left', right_90: '90° right' };
const STAGE: Record<string, string> = { before: 'Before', after: 'After', follow_up: 'Follow-up' };
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function GalleryPage() {
  const { data, error, loading } = useGet('/api/marketing/photos', {});
  return (
    <Page title="Marketing gallery" lead="Photos cleared for marketing. A photo leaves the gallery the moment its client withdraws consent.">
      {error && !data ? <ErrorAlert error={error} title="Could not load the gallery" /> : null}
      {loading && !data ? <Loading label="Loading the gallery" /> : null}
      {data && data.withheld > 0 ? (
        <Text size="sm" c="dimmed">
          {data.withheld} chosen {data.withheld === 1 ? 'photo is' : 'photos are'} hidden because the client no longer consents to marketing use.
        </Text>
      ) : null}
      {data && data.items.length === 0 ? (
        <Empty title="No photos cleared for marketing yet">
          The medical director chooses photos on a client&apos;s record, once the client has signed the consent to marketing use.
        </Empty>
      ) : null}
      {data && data.items.length > 0 ? (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
          {data.items.map((p) => (
            <Paper key={p.id} withBorder p="xs" radius="sm">
              <a href={p.url} target="_blank" rel="noreferrer">
                <img src={p.thumbUrl} alt={`${VIEW[p.view] ?? p.view}, ${STAGE[p.stage] ?? p.stage}, ${day(p.takenAt)}`} loading="lazy" style={{ width: '100%', aspectRatio: '3 / 4', objectFit: 'cover', display: 'block', borderRadius: 4 }} />
              </a>
              <Group gap={4} mt={6} justify="space-between">
                <Text size="sm">{VIEW[p.view] ?? p.view}</Text>
                <Badge size="sm" variant="light">
                  {STAGE[p.stage] ?? p.stage}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                Chosen {day(p.chosenAt)}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      ) : null}
    </Page>
  );
}
