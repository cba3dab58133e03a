import { Alert, Anchor, Button, Card, Checkbox, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError, call, errorText, http, type Schemas } from '../../api/client.js';
import { useGet } from '../../api/use-api.js';
import { ErrorAlert, Loading } from '../states.js';
import { SignatureField } from './signature-field.js';
import { signatureProblems } from './signature-check.js';

type ConsentView = Schemas['Consent'];

export interface ConsentRequest {
  kind: ConsentView['kind'];
  planId?: string | undefined;
  modality?: Schemas['SignConsent']['modality'] | undefined;
}

/** Shows the exact document, then takes the typed full name, a drawn signature and agreement. */
export function ConsentSigner({ clientId, request, onSigned }: { clientId: string; request: ConsentRequest; onSigned?: (c: ConsentView) => void }) {
  const query = { kind: request.kind, ...(request.planId ? { planId: request.planId } : {}), ...(request.modality ? { modality: request.modality } : {}) };
  const preview = useGet('/api/clients/{clientId}/consents/preview', { params: { path: { clientId }, query } });
  const [name, setName] = useState('');
  const [png, setPng] = useState<string | null>(null);
  const [agree, setAgree] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [signed, setSigned] = useState<ConsentView | null>(null);
  // an error goes away as soon as the field it names is changed
  const clear = (key: string) => setErrors((e) => (key in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)) : e));

  if (preview.loading) return <Loading label="Preparing your document" />;
  if (preview.error || !preview.data) return <ErrorAlert error={preview.error} />;
  const doc = preview.data;

  if (signed) {
    return (
      <Alert color="teal" icon={<IconCircleCheck />} title="Signed">
        <Text size="sm">
          {doc.title} signed on {new Date(signed.signedAt).toLocaleString()}. A copy is kept on your record.
        </Text>
        <Anchor href={`/api/consents/${signed.id}/pdf`} download>
          <IconDownload size={14} /> Download the signed PDF
        </Anchor>
      </Alert>
    );
  }

  const submit = async () => {
    const local = signatureProblems({ name, png, agree });
    setErrors(local);
    if (Object.keys(local).length || !png) return;
    setBusy(true);
    setFailure(null);
    try {
      const c = await call(
        http.POST('/api/clients/{clientId}/consents', {
          params: { path: { clientId } },
          body: { kind: request.kind, ...(doc.planId ? { planId: doc.planId } : {}), ...(doc.modality && !doc.planId ? { modality: doc.modality } : {}), signedName: name, signaturePng: png, documentHash: doc.documentHash, agree: true },
        }),
      );
      setSigned(c);
      onSigned?.(c);
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) setErrors(e.fieldErrors());
      setFailure(errorText(e));
      if (e instanceof ApiError && e.status === 409) preview.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {doc.title}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          Version {doc.templateVersion} · please read it all
        </Text>
        <ScrollArea.Autosize mah={360} type="always" offsetScrollbars>
          <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }} tabIndex={0} aria-label="Consent document">
            {doc.text}
          </Text>
        </ScrollArea.Autosize>
      </Card>
      <Card withBorder>
        <Stack>
          <TextInput label="Type your full name" description={`As on your record: ${doc.clientName}`} value={name} onChange={(e) => {
              setName(e.currentTarget.value);
              clear('signedName');
            }} error={errors.signedName} required autoComplete="name" />
          <SignatureField
            onChange={(v) => {
              setPng(v);
              if (v) clear('signaturePng');
            }}
            error={errors.signaturePng ?? null}
          />
          <Checkbox label="I have read this document, had the chance to ask questions, and agree." checked={agree} onChange={(e) => {
              setAgree(e.currentTarget.checked);
              clear('agree');
            }} error={errors.agree} />
          {failure ? (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          ) : null}
          <Button onClick={() => void submit()} loading={busy}>
            Sign
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}
