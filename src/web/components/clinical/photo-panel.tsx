import { Alert, Badge, Box, Button, Card, FileButton, Group, Loader, Paper, SegmentedControl, Select, SimpleGrid, Slider, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCamera } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, call, errorText, http, uploadImage, type Schemas } from '../../api/client.js';
import { useSession } from '../../auth/session.js';
import { useGet } from '../../api/use-api.js';
import { ErrorAlert } from '../states.js';
import { HandoffButton } from './consent-handoff.js';

type Photo = Schemas['Photo'];
type PhotoView = Photo['view'];
type PhotoStage = Photo['stage'];

const VIEW_LABEL: Record<PhotoView, string> = {
  front: 'Front',
  left_45: '45° left',
  right_45: '45° right',
  left_90: '90° left',
  right_90: '90° right',
};
const VIEWS = Object.keys(VIEW_LABEL) as PhotoView[];
const VIEW_OPTIONS = VIEWS.map((v) => ({ value: v, label: VIEW_LABEL[v] }));

const STAGE_LABEL: Record<PhotoStage, string> = { before: 'Before', after: 'After', follow_up: 'Follow-up' };
const STAGE_COLOR: Record<PhotoStage, string> = { before: 'gray', after: 'teal', follow_up: 'blue' };
const STAGE_OPTIONS = (Object.keys(STAGE_LABEL) as PhotoStage[]).map((s) => ({ value: s, label: STAGE_LABEL[s] }));

const CONSENT_HINT = 'Ask the client to sign the consent to photos for the medical record.';

const formatDate = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
};

const photoAlt = (p: Photo) => `${VIEW_LABEL[p.view]} ${STAGE_LABEL[p.stage].toLowerCase()} ${formatDate(p.takenAt)}`;

interface UploadProblem {
  title?: string;
  message: string;
  hint?: string;
}

/** Clinical photos of a client: standard-view upload, thumbnails and before/after comparison. */
export function PhotoPanel({ clientId, clientName, bookingId, canUpload }: { clientId: string; clientName?: string; bookingId?: string; canUpload: boolean }) {
  const { me } = useSession();
  // staff see before uploading whether the client consented to clinical photographs, and can hand over the tablet
  const consents = useGet('/api/clients/{clientId}/consent-summary', canUpload && me && me.role !== 'client' ? { params: { path: { clientId } } } : null);
  const photoConsentMissing = consents.data?.items.some((i) => i.kind === 'photo_clinical' && !i.signed) ?? false;
  const photoNeed = { kind: 'photo_clinical' as const, title: 'Consent to clinical photographs' };
  // the medical director decides which photos may be used in marketing (needs the client's consent)
  const canChooseMarketing = me?.role === 'medical_director' && !bookingId;
  const photos = useGet('/api/clients/{clientId}/photos', { params: { path: { clientId } } });
  const [view, setView] = useState<PhotoView>('front');
  const [stage, setStage] = useState<PhotoStage>('before');
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<UploadProblem | null>(null);

  const all = useMemo(
    () => [...(photos.data?.items ?? [])].sort((a, b) => a.takenAt.localeCompare(b.takenAt)),
    [photos.data],
  );
  const shown = bookingId ? all.filter((p) => p.bookingId === bookingId) : all;

  async function upload(file: File | null) {
    if (!file) return;
    setProblem(null);
    setUploading(true);
    try {
      await uploadImage(clientId, file, { view, stage, ...(bookingId ? { bookingId } : {}) });
      photos.reload();
    } catch (e: unknown) {
      setProblem({ message: errorText(e), hint: e instanceof ApiError && e.status === 409 ? CONSENT_HINT : undefined });
      if (e instanceof ApiError && e.status === 409) consents.reload();
    } finally {
      setUploading(false);
    }
  }

  return (
    <Card withBorder padding="lg" radius="md">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            Photos
          </Title>
          <Text size="sm" c="dimmed">
            Standard views; location and camera data are removed on upload.
          </Text>
        </div>

        {canUpload && photoConsentMissing ? (
          <Alert color="yellow" icon={<IconAlertCircle />} title="No consent to clinical photographs" role="status">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{clientName ?? 'The client'} has not signed the consent to clinical photographs, so no photos can be added yet. {CONSENT_HINT}</Text>
              <HandoffButton clientId={clientId} clientName={clientName ?? 'the client'} need={photoNeed} />
            </Stack>
          </Alert>
        ) : null}
        {canUpload ? (
          <Stack gap="sm">
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Select
                label="View"
                data={VIEW_OPTIONS}
                value={view}
                onChange={(v) => v && setView(v)}
                allowDeselect={false}
                w={{ base: '100%', xs: 180 }}
              />
              <SegmentedControl
                aria-label="Stage"
                data={STAGE_OPTIONS}
                value={stage}
                onChange={(v) => setStage(v)}
              />
              <FileButton onChange={(f) => void upload(f)} accept="image/jpeg,image/png,image/webp" capture="environment" disabled={uploading}>
                {(props) => (
                  <Button {...props} leftSection={<IconCamera size={18} aria-hidden />} loading={uploading}>
                    Upload photo
                  </Button>
                )}
              </FileButton>
            </Group>
            {uploading ? (
              <Group gap="xs" aria-live="polite">
                <Loader size="xs" aria-hidden />
                <Text size="sm">Uploading…</Text>
              </Group>
            ) : null}
            {problem ? (
              <Alert color="red" icon={<IconAlertCircle />} title={problem.title ?? 'Could not upload the photo'} role="alert" withCloseButton onClose={() => setProblem(null)}>
                <Text size="sm">{problem.message}</Text>
                {problem.hint ? <Text size="sm" mt={4}>{problem.hint}</Text> : null}
                {problem.hint === CONSENT_HINT && me?.role !== 'client' ? <Box mt="xs"><HandoffButton clientId={clientId} clientName={clientName ?? 'the client'} need={photoNeed} /></Box> : null}
              </Alert>
            ) : null}
          </Stack>
        ) : null}

        {photos.error ? <ErrorAlert error={photos.error} title="Could not load the photos" /> : null}
        {photos.loading && !photos.data ? (
          <Group gap="xs" aria-live="polite">
            <Loader size="sm" aria-hidden />
            <Text size="sm">Loading photos…</Text>
          </Group>
        ) : null}

        {photos.data && shown.length === 0 ? <Text size="sm">No photos yet.</Text> : null}

        {shown.length > 0 ? (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {shown.map((p) => (
              <Paper key={p.id} withBorder radius="sm" p={6}>
                <a href={p.url} target="_blank" rel="noreferrer" style={{ display: 'block' }}>
                  <img
                    src={p.thumbUrl}
                    alt={photoAlt(p)}
                    loading="lazy"
                    style={{ width: '100%', aspectRatio: '3 / 4', objectFit: 'cover', display: 'block', borderRadius: 4 }}
                  />
                </a>
                <Group gap={4} mt={6} justify="space-between" wrap="wrap">
                  <Text size="sm" fw={500}>
                    {VIEW_LABEL[p.view]}
                  </Text>
                  <Badge size="sm" variant="light" color={STAGE_COLOR[p.stage]}>
                    {STAGE_LABEL[p.stage]}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {formatDate(p.takenAt)}
                  {p.checkInId ? ' · sent by the client' : ''}
                </Text>
                {canChooseMarketing ? <MarketingToggle photo={p} onChanged={photos.reload} onProblem={setProblem} /> : null}
              </Paper>
            ))}
          </SimpleGrid>
        ) : null}

        <Compare photos={all} />
      </Stack>
    </Card>
  );
}

function MarketingToggle({ photo, onChanged, onProblem }: { photo: Photo; onChanged: () => void; onProblem: (p: UploadProblem) => void }) {
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    try {
      await call(http.POST('/api/photos/{photoId}/marketing', { params: { path: { photoId: photo.id } }, body: { use: !photo.marketing } }));
      onChanged();
    } catch (e) {
      onProblem({ title: 'Could not change marketing use', message: errorText(e), hint: e instanceof ApiError && e.status === 409 ? 'Ask the client to sign the consent to marketing use of photos.' : undefined });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="compact-xs" variant={photo.marketing ? 'light' : 'default'} mt={6} loading={busy} onClick={() => void toggle()} aria-label={`${photo.marketing ? 'Remove from marketing' : 'Use in marketing'}: ${photoAlt(photo)}`}>
      {photo.marketing ? 'Remove from marketing' : 'Use in marketing'}
    </Button>
  );
}

function Compare({ photos }: { photos: Photo[] }) {
  const comparable = useMemo(() => VIEWS.filter((v) => photos.filter((p) => p.view === v).length >= 2), [photos]);
  const [view, setView] = useState<PhotoView | null>(null);
  const activeView = view && comparable.includes(view) ? view : (comparable[0] ?? null);
  const ofView = useMemo(() => photos.filter((p) => p.view === activeView), [photos, activeView]);
  const [earlierId, setEarlierId] = useState<string | null>(null);
  const [laterId, setLaterId] = useState<string | null>(null);
  const [mode, setMode] = useState<'side' | 'slider'>('side');
  const [pos, setPos] = useState(50);

  // Default to the first and last photo of the chosen view whenever the view (or its photos) change.
  useEffect(() => {
    setEarlierId(ofView[0]?.id ?? null);
    setLaterId(ofView[ofView.length - 1]?.id ?? null);
  }, [ofView]);

  if (comparable.length === 0 || !activeView) return null;

  const options = ofView.map((p) => ({ value: p.id, label: `${STAGE_LABEL[p.stage]} · ${formatDate(p.takenAt)}` }));
  const earlier = ofView.find((p) => p.id === earlierId) ?? ofView[0];
  const later = ofView.find((p) => p.id === laterId) ?? ofView[ofView.length - 1];
  if (!earlier || !later) return null;

  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        Compare
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label="Compare view"
          data={comparable.map((v) => ({ value: v, label: VIEW_LABEL[v] }))}
          value={activeView}
          onChange={(v) => v && setView(v)}
          allowDeselect={false}
        />
        <Select label="Earlier" data={options} value={earlier.id} onChange={(v) => v && setEarlierId(v)} allowDeselect={false} />
        <Select label="Later" data={options} value={later.id} onChange={(v) => v && setLaterId(v)} allowDeselect={false} />
      </SimpleGrid>
      <SegmentedControl
        aria-label="Comparison mode"
        data={[
          { value: 'side', label: 'Side by side' },
          { value: 'slider', label: 'Slider' },
        ]}
        value={mode}
        onChange={(v) => setMode(v)}
        style={{ alignSelf: 'flex-start' }}
      />
      {mode === 'side' ? (
        <SimpleGrid cols={2} spacing="sm">
          {[earlier, later].map((p, i) => (
            <Stack key={`${p.id}-${i}`} gap={4}>
              <img src={p.url} alt={photoAlt(p)} loading="lazy" style={{ width: '100%', display: 'block', borderRadius: 4 }} />
              <Text size="sm">
                {i === 0 ? 'Earlier' : 'Later'}: {STAGE_LABEL[p.stage]}, {formatDate(p.takenAt)}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      ) : (
        <Stack gap="xs">
          <Box pos="relative" style={{ overflow: 'hidden', borderRadius: 4 }}>
            <img src={later.url} alt={photoAlt(later)} loading="lazy" style={{ width: '100%', display: 'block' }} />
            <img
              src={earlier.url}
              alt={photoAlt(earlier)}
              loading="lazy"
              style={{
                width: '100%',
                height: '100%',
                objectFit: 'cover',
                display: 'block',
                position: 'absolute',
                inset: 0,
                clipPath: `inset(0 ${100 - pos}% 0 0)`,
              }}
            />
          </Box>
          <Text size="sm" fw={500}>
            Reveal
          </Text>
          <Slider
            value={pos}
            onChange={setPos}
            min={0}
            max={100}
            label={(v) => `${v}%`}
            thumbLabel="Reveal the earlier photo"
            aria-label="Reveal the earlier photo"
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              Earlier: {formatDate(earlier.takenAt)}
            </Text>
            <Text size="xs" c="dimmed">
              Later: {formatDate(later.takenAt)}
            </Text>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
