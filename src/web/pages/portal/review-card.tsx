import { Alert, Button, Card, Input, Radio, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { ApiError, call, errorText, http, type Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';

type ReviewableVisit = Schemas['ReviewableVisits']['items'][number];
type ShowName = Schemas['NewClientReview']['showName'];

const STAR_LABEL = ['1 star, poor', '2 stars, fair', '3 stars, good', '4 stars, very good', '5 stars, excellent'];

function ReviewForm({ visit, onSent }: { visit: ReviewableVisit; onSent: () => void }) {
  const labelId = useId();
  const [rating, setRating] = useState(0);
  const [body, setBody] = useState('');
  const [showName, setShowName] = useState<ShowName>('first_name_initial');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = `Your rating for ${visit.serviceName} with ${visit.providerName}`;
  const send = async () => {
    if (!rating) {
      setFields({ rating: 'Choose from 1 to 5 stars' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call(http.POST('/api/client-reviews', { body: { bookingId: visit.bookingId, rating, body, showName } }));
      onSent();
    } catch (e) {
      if (e instanceof ApiError) setFields(e.fieldErrors());
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder padding="sm">
      <Stack gap="sm">
        <div>
          <Text fw={600}>
            {visit.serviceName} with {visit.providerName}
          </Text>
          <Text size="sm" c="dimmed">
            {visit.locationName} · {new Date(visit.date).toLocaleDateString()}
          </Text>
        </div>
        <div>
          <Text id={labelId} size="sm" fw={500} mb={4}>
            {label}
          </Text>
          {/* each star is a radio named by its value; the group takes the visible label */}
          <Rating value={rating} onChange={setRating} size="lg" role="radiogroup" aria-labelledby={labelId} getSymbolLabel={(v) => STAR_LABEL[v - 1] ?? `${v} stars`} />
          {fields.rating ? <Input.Error mt={4}>{fields.rating}</Input.Error> : null}
        </div>
        <Textarea label="Your review (optional)" description="What went well, what could be better. Up to 2000 characters; please leave out health details." autosize minRows={3} maxLength={2000} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={fields.body} />
        <Radio.Group label="Show my name as" value={showName} onChange={(v) => setShowName(v === 'anonymous' ? 'anonymous' : 'first_name_initial')}>
          <Stack gap={6} mt={4}>
            <Radio value="first_name_initial" label="First name and last initial" />
            <Radio value="anonymous" label="Verified client (no name)" />
          </Stack>
        </Radio.Group>
        {error ? <Alert color="red">{error}</Alert> : null}
        <Button onClick={() => void send()} loading={busy} style={{ alignSelf: 'flex-start' }}>
          Send review
        </Button>
      </Stack>
    </Card>
  );
}

/** Completed visits the client may review now; nothing at all when there are none. */
export function ReviewCard({ clientId }: { clientId: string }) {
  const visits = useGet('/api/clients/{clientId}/reviewable', { params: { path: { clientId } } });
  const [thanked, setThanked] = useState(false);
  const items = visits.data?.items ?? [];
  if (!items.length && !thanked) return null;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        How was your visit?
      </Title>
      {thanked ? (
        <Alert color="teal" mb={items.length ? 'sm' : 0}>
          Thank you for your review. The clinic publishes reviews after a quick check.
        </Alert>
      ) : (
        <Text size="sm" c="dimmed" mb="sm">
          Your rating helps new clients choose a provider.
        </Text>
      )}
      <Stack>
        {items.map((v) => (
          <ReviewForm
            key={v.bookingId}
            visit={v}
            onSent={() => {
              setThanked(true);
              visits.reload();
            }}
          />
        ))}
      </Stack>
    </Card>
  );
}
