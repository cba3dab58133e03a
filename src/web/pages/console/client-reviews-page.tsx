import { Alert, Badge, Button, Card, Group, Modal, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ApiError, call, errorText, http, type Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { Page } from '../../components/page.js';
import { Empty, ErrorAlert, Loading } from '../../components/states.js';

type StaffReview = Schemas['ClientReview'];
type ReviewStatus = StaffReview['status'];

const TABS: { value: ReviewStatus; label: string; empty: string }[] = [
  { value: 'pending', label: 'Pending', empty: 'No reviews wait for a check.' },
  { value: 'published', label: 'Published', empty: 'No published reviews yet.' },
  { value: 'hidden', label: 'Hidden', empty: 'No hidden reviews.' },
];

const moderate = (reviewId: string, body: Schemas['ReviewModeration']) =>
  call(http.POST('/api/client-reviews/{reviewId}/moderate', { params: { path: { reviewId } }, body }));

function HideModal({ review, onClose, onDone }: { review: StaffReview; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const hide = async () => {
    try {
      await moderate(review.id, { action: 'hide', reason });
      onDone();
    } catch (e) {
      setError({ ...(e instanceof ApiError && e.fieldErrors().reason ? { field: e.fieldErrors().reason } : {}), text: errorText(e) });
    }
  };
  return (
    <Modal opened onClose={onClose} title="Hide this review" closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack>
        <Textarea label="Reason" description="Kept for staff; the client's review leaves the public pages. At least 5 characters." autosize minRows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error?.field} data-autofocus />
        {error && !error.field ? <Alert color="red">{error.text}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" onClick={() => void hide()}>
            Hide review
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ReviewItem({ review, onChanged, onHide }: { review: StaffReview; onChanged: () => void; onHide: () => void }) {
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState(review.reply ?? '');
  const [error, setError] = useState<string | null>(null);
  const run = async (body: Schemas['ReviewModeration']) => {
    setError(null);
    try {
      await moderate(review.id, body);
      setReplying(false);
      onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Card withBorder component="article">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div>
          <Text fw={700}>{review.rating} of 5</Text>
          <Text size="sm" c="dimmed">
            {review.clientName} (shown as {review.displayName}) · {review.providerName} · {review.serviceName}, {review.locationName}
          </Text>
          <Text size="sm" c="dimmed">
            Visit {new Date(review.visitDate).toLocaleDateString()} · reviewed {new Date(review.createdAt).toLocaleDateString()}
          </Text>
        </div>
        <Badge color={review.status === 'published' ? 'teal' : 'gray'} variant="light">
          {review.status}
        </Badge>
      </Group>
      <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {review.body || <Text span c="dimmed">No written review.</Text>}
      </Text>
      {review.hiddenReason ? (
        <Text size="sm" mt="xs">
          Hidden because: {review.hiddenReason}
        </Text>
      ) : null}
      {review.reply && !replying ? (
        <Card bg="gray.0" mt="sm" padding="sm">
          <Text size="sm" fw={600}>
            Clinic reply
          </Text>
          <Text size="sm">{review.reply}</Text>
        </Card>
      ) : null}
      {replying ? (
        <Stack mt="sm" gap="xs">
          <Textarea label="Public reply" description="Shown with the review on the public pages. Never mention treatment details." autosize minRows={2} maxLength={1000} value={reply} onChange={(e) => setReply(e.currentTarget.value)} />
          <Group>
            <Button size="xs" onClick={() => void run({ action: 'reply', reply })} disabled={!reply.trim()}>
              Save reply
            </Button>
            <Button size="xs" variant="default" onClick={() => setReplying(false)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      ) : null}
      {error ? (
        <Alert color="red" mt="sm">
          {error}
        </Alert>
      ) : null}
      <Group mt="sm" gap="xs">
        {review.status !== 'published' ? (
          <Button size="xs" onClick={() => void run({ action: 'publish' })}>
            Publish
          </Button>
        ) : null}
        {review.status !== 'hidden' ? (
          <Button size="xs" variant="default" onClick={onHide}>
            Hide
          </Button>
        ) : null}
        {!replying ? (
          <Button size="xs" variant="subtle" onClick={() => setReplying(true)}>
            {review.reply ? 'Edit reply' : 'Reply'}
          </Button>
        ) : null}
      </Group>
    </Card>
  );
}

function ReviewList({ status, empty }: { status: ReviewStatus; empty: string }) {
  const list = useGet('/api/client-reviews', { params: { query: { status, limit: 100 } } });
  const [hiding, setHiding] = useState<StaffReview | null>(null);
  if (list.loading && !list.data) return <Loading label="Loading reviews" />;
  if (list.error) return <ErrorAlert error={list.error} />;
  const items = list.data?.items ?? [];
  if (!items.length) return <Empty title={empty}>Clients are invited to review a visit once it is done; their reviews arrive here to be checked before they are published.</Empty>;
  return (
    <Stack>
      {hiding ? (
        <HideModal
          review={hiding}
          onClose={() => setHiding(null)}
          onDone={() => {
            setHiding(null);
            list.reload();
          }}
        />
      ) : null}
      {list.data && list.data.total > items.length ? (
        <Text size="sm" c="dimmed">
          Showing the newest {items.length} of {list.data.total}.
        </Text>
      ) : null}
      {items.map((r) => (
        <ReviewItem key={r.id} review={r} onChanged={list.reload} onHide={() => setHiding(r)} />
      ))}
    </Stack>
  );
}

/** Client reviews wait here until staff publish them; hidden ones keep their reason. */
export function ClientReviewsPage() {
  return (
    <Page title="Client reviews" lead="Check each review before it appears on your public provider pages.">
      <Tabs defaultValue="pending" keepMounted={false}>
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="md">
            <ReviewList status={t.value} empty={t.empty} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}
