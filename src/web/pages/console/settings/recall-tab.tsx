// Settings > Recall (the owner): each recall flow on or off, its delay, channel, subject and body,
// with a live preview rendered by the server's own renderer for a sample client.
import { Alert, Badge, Button, Card, Group, NumberInput, SegmentedControl, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call, errorText, http, type Schemas } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { ErrorAlert, Loading } from '../../../components/states.js';

type Flow = Schemas['RecallFlow'];

function usePreview(flow: Flow['flow'], subject: string, body: string) {
  const [preview, setPreview] = useState<Schemas['RecallPreview'] | null>(null);
  useEffect(() => {
    let live = true;
    // a short pause while typing, so the preview follows without a request per key
    const t = setTimeout(() => {
      void http.POST('/api/recall-flows/{flow}/preview', { params: { path: { flow } }, body: { subject, body } }).then((r) => {
        if (live && r.data) setPreview(r.data);
      });
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [flow, subject, body]);
  return preview;
}

function FlowCard({ flow, onSaved }: { flow: Flow; onSaved: () => void }) {
  const [form, setForm] = useState({ enabled: flow.enabled, delayDays: flow.delayDays, channel: flow.channel, subject: flow.subject, body: flow.body });
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const preview = usePreview(flow.flow, form.subject, form.body);
  const save = async () => {
    setBusy(true);
    setMsg(null);
    try {
      await call(http.PUT('/api/recall-flows/{flow}', { params: { path: { flow: flow.flow } }, body: form }));
      setMsg({ ok: true, text: form.enabled ? 'Saved. This flow is on.' : 'Saved. This flow is off.' });
      onSaved();
    } catch (e) {
      setMsg({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h5">
            {flow.label}
          </Title>
          <Badge variant="light" color={flow.purpose === 'care' ? 'teal' : 'grape'}>
            {flow.purpose === 'care' ? 'Care: every client' : 'Marketing: opted-in clients only'}
          </Badge>
        </Group>
        {!flow.available ? <Text size="sm">Coming soon: this flow cannot be switched on yet.</Text> : null}
        <Switch label="On" checked={form.enabled} disabled={!flow.available} onChange={(e) => setForm({ ...form, enabled: e.currentTarget.checked })} />
        <Group grow align="flex-end">
          <NumberInput label={`Send after (${flow.delayMeaning})`} min={0} max={730} value={form.delayDays} onChange={(v) => setForm({ ...form, delayDays: typeof v === 'number' ? v : 0 })} />
          <div>
            <Text size="sm" fw={500}>
              Channel
            </Text>
            <SegmentedControl
              fullWidth
              value={form.channel}
              onChange={(v) => setForm({ ...form, channel: v })}
              data={[
                { value: 'email', label: 'Email' },
                { value: 'sms', label: 'Text' },
                { value: 'both', label: 'Both' },
              ]}
            />
          </div>
        </Group>
        <TextInput label="Subject" value={form.subject} onChange={(e) => setForm({ ...form, subject: e.currentTarget.value })} />
        <Textarea label="Message" description="Placeholders: {firstName} {clinicName} {serviceName} {bookingLink} {unsubscribeLink}" autosize minRows={4} value={form.body} onChange={(e) => setForm({ ...form, body: e.currentTarget.value })} />
        <Card withBorder bg="gray.0" aria-label={`Preview of ${flow.label}`}>
          <Text size="xs" c="dimmed">
            Preview for a sample client
          </Text>
          {preview ? (
            <>
              <Text fw={600}>{preview.subject}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {preview.text}
              </Text>
              {preview.problems.map((p) => (
                <Text key={p} size="sm" c="red.9">
                  {p}
                </Text>
              ))}
            </>
          ) : (
            <Text size="sm">Preparing the preview…</Text>
          )}
        </Card>
        {msg ? <Alert color={msg.ok ? 'teal' : 'red'}>{msg.text}</Alert> : null}
        <Button w="fit-content" loading={busy} onClick={() => void save()}>
          Save {flow.label.toLowerCase()}
        </Button>
      </Stack>
    </Card>
  );
}

export function RecallTab() {
  const flows = useGet('/api/recall-flows', {});
  if (flows.error) return <ErrorAlert error={flows.error} title="Could not load the recall flows" />;
  // a reload after saving keeps the cards (and their messages) on screen
  if (!flows.data) return <Loading label="Loading the recall flows" />;
  return (
    <Stack maw={760}>
      <Text size="sm">
        Recall messages invite clients back to book, with a link straight to the booking page for the right service. They wait for each client’s quiet hours and follow their
        channel choices. Marketing flows reach only clients who opted in to marketing messages; every message carries an unsubscribe link.
      </Text>
      {flows.data.items.map((f) => (
        <FlowCard key={f.flow} flow={f} onSaved={flows.reload} />
      ))}
    </Stack>
  );
}
