import { Alert, Button, Card, Group, Modal, NumberInput, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, call, errorText, http } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { useSession } from '../../../auth/session.js';
import { Loading } from '../../../components/states.js';

/** A clinician's public profile: bio, the year practice began and whether it is shown. */
export function ProfileModal({ userId, name, onClose }: { userId: string; name: string; onClose: () => void }) {
  const profile = useGet('/api/providers/{userId}/profile', { params: { path: { userId } } });
  const [bio, setBio] = useState('');
  const [since, setSince] = useState<number | string>('');
  const [published, setPublished] = useState(true);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (!profile.data) return;
    setBio(profile.data.bio);
    setSince(profile.data.practisingSince ?? '');
    setPublished(profile.data.published);
  }, [profile.data]);
  const save = async () => {
    setFields({});
    setMsg(null);
    try {
      await call(http.PUT('/api/providers/{userId}/profile', { params: { path: { userId } }, body: { bio, practisingSince: since === '' ? null : Number(since), published } }));
      setMsg({ ok: true, text: 'Profile saved.' });
    } catch (e) {
      if (e instanceof ApiError) setFields(e.fieldErrors());
      setMsg({ ok: false, text: errorText(e) });
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Public profile: ${name}`} closeButtonProps={{ 'aria-label': 'Close' }}>
      {profile.loading && !profile.data ? (
        <Loading label="Loading the profile" />
      ) : (
        <Stack>
          <Textarea label="Bio" description="Training, approach and what clients can expect. Up to 1500 characters." autosize minRows={4} maxLength={1500} value={bio} onChange={(e) => setBio(e.currentTarget.value)} error={fields.bio} />
          <NumberInput label="Practising since" description="The year you began practising; leave empty to not show experience." min={1950} max={new Date().getFullYear()} allowDecimal={false} value={since} onChange={setSince} error={fields.practisingSince} />
          <Switch label="Show on the public clinic pages" checked={published} onChange={(e) => setPublished(e.currentTarget.checked)} />
          {msg ? <Alert color={msg.ok ? 'teal' : 'red'}>{msg.text}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button onClick={() => void save()}>Save profile</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** For a provider or medical director: their own public profile, from the settings page. */
export function PublicProfileCard() {
  const { me } = useSession();
  const [open, setOpen] = useState(false);
  if (!me || (me.role !== 'provider' && me.role !== 'medical_director')) return null;
  return (
    <Card withBorder mt="md">
      <Title order={2} size="h4" mb="xs">
        My public profile
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        New clients see your bio, experience, credentials and published reviews on the clinic pages.{' '}
        <Link to={`/clinics/${me.organization.slug}/providers/${me.user.id}`}>See my public page</Link>
      </Text>
      <Button variant="default" onClick={() => setOpen(true)}>
        Edit public profile
      </Button>
      {open ? <ProfileModal userId={me.user.id} name={me.user.name} onClose={() => setOpen(false)} /> : null}
    </Card>
  );
}
