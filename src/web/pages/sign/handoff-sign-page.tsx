// The clinic tablet during in-clinic signing: ONE consent document and the signature, nothing else.
// It talks only to the token-scoped routes (/api/consent-handoffs/{token}), ends any session left on
// the device, and after signing shows a locked screen that only a staff sign-in leaves.
import { Alert, Box, Button, Card, Checkbox, Container, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, call, errorText, http, type Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { SignatureField } from '../../components/clinical/signature-field.js';
import { ErrorAlert, Loading } from '../../components/states.js';
import { signatureProblems } from '../../components/clinical/signature-check.js';

type Signed = Schemas['HandoffSigned'];

/** Shown after signing, and when the link is spent or expired: the tablet goes back to the staff. */
function Locked({ title, signed }: { title: string; signed: boolean }) {
  // going back must not lead anywhere: this entry replaces the hand-off page in the history
  useEffect(() => window.history.replaceState(null, '', '/sign/locked'), []);
  return (
    <Stack align="center" ta="center" gap="lg" py="xl">
      <IconLock size={56} aria-hidden />
      <Title order={1}>{signed ? 'Thank you' : title}</Title>
      {signed ? <Text size="lg">{title} is signed. A copy is kept on your record.</Text> : null}
      <Text size="xl" fw={700}>Please hand the tablet back to the staff.</Text>
      <Button variant="default" onClick={() => window.location.replace('/sign-in')}>Staff: sign in to unlock</Button>
    </Stack>
  );
}

export function HandoffSignPage() {
  const { token = '' } = useParams();
  const locked = token === 'locked';
  // no session belongs on the tablet: end any that is left (the tablet needs none)
  useEffect(() => {
    void call(http.POST('/api/auth/sign-out', { body: {} })).catch(() => undefined);
  }, []);
  const doc = useGet('/api/consent-handoffs/{token}', locked ? null : { params: { path: { token } } });
  const [name, setName] = useState('');
  const [png, setPng] = useState<string | null>(null);
  const [agree, setAgree] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [signed, setSigned] = useState<Signed | null>(null);

  let body;
  if (locked) body = <Locked title="This tablet is locked" signed={false} />;
  else if (signed) body = <Locked title={signed.title} signed />;
  else if (doc.error instanceof ApiError && (doc.error.status === 409 || doc.error.status === 404 || doc.error.status === 400)) body = <Locked title="This signing link has expired or was already used" signed={false} />;
  else if (doc.error) body = <ErrorAlert error={doc.error} title="Could not open the document" />;
  else if (doc.loading || !doc.data) body = <Loading label="Opening the document" />;
  else {
    const d = doc.data;
    const submit = async () => {
      const local = signatureProblems({ name, png, agree });
      setErrors(local);
      if (Object.keys(local).length || !png) return;
      setBusy(true);
      setFailure(null);
      try {
        setSigned(await call(http.POST('/api/consent-handoffs/{token}/sign', { params: { path: { token } }, body: { signedName: name, signaturePng: png, documentHash: d.documentHash, agree: true } })));
      } catch (e) {
        if (e instanceof ApiError && e.fields.length) setErrors(e.fieldErrors());
        setFailure(errorText(e));
        if (e instanceof ApiError && e.status === 409) doc.reload();
      } finally {
        setBusy(false);
      }
    };
    body = (
      <Stack>
        <div>
          <Text size="sm" c="dimmed">{d.organizationName} · for {d.clientName}</Text>
          <Title order={1} size="h2">{d.title}</Title>
          <Text size="sm" c="dimmed">Version {d.templateVersion} · please read it all</Text>
        </div>
        <Card withBorder>
          <ScrollArea.Autosize mah={420} type="always" offsetScrollbars>
            <Text component="pre" size="md" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }} tabIndex={0} aria-label="Consent document">
              {d.text}
            </Text>
          </ScrollArea.Autosize>
        </Card>
        <Card withBorder>
          <Stack>
            <TextInput label="Type your full name" description={`As on your record: ${d.clientName}`} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.signedName} required autoComplete="off" />
            <SignatureField onChange={setPng} error={errors.signaturePng ?? null} />
            <Checkbox label="I have read this document, had the chance to ask questions, and agree." checked={agree} onChange={(e) => setAgree(e.currentTarget.checked)} error={errors.agree} />
            {failure ? <Alert color="red" role="alert">{failure}</Alert> : null}
            <Button size="md" onClick={() => void submit()} loading={busy}>Sign</Button>
          </Stack>
        </Card>
      </Stack>
    );
  }
  return (
    <Box component="main" py="md">
      <Container size="md">{body}</Container>
    </Box>
  );
}
