// The consent documents the clinic's clients will sign, to read before the clinic uses them; the
// owner or the medical director confirms they read this version (PUT /api/organization/consent-review).
import { Accordion, Alert, Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CONSENT_TEMPLATES, consentSetVersion } from '../../../../domain/consent/templates.js';
import { call, errorText, http } from '../../../api/client.js';
import { useGet } from '../../../api/use-api.js';
import { Page } from '../../../components/page.js';

export function ConsentsReviewPage() {
  const setup = useGet('/api/organization/setup', {});
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const step = setup.data?.steps.find((s) => s.id === 'consents');
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(http.PUT('/api/organization/consent-review', { body: { version: consentSetVersion() } }));
      await navigate('/console/setup');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page
      title="Consent documents"
      lead={`What clients read and sign before treatment and before photographs (version ${consentSetVersion()}). Read each one; the medical director should agree they fit how your clinic treats.`}
    >
      {step?.done ? (
        <Alert color="teal" title="Read">
          {step.detail}
        </Alert>
      ) : null}
      <Accordion variant="separated" multiple>
        {CONSENT_TEMPLATES.map((t) => (
          <Accordion.Item key={t.id} value={t.id}>
            <Accordion.Control>{t.title}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                {t.sections.map((s) => (
                  <div key={s.heading}>
                    <Title order={2} size="h6">
                      {s.heading}
                    </Title>
                    <List size="sm" spacing={4}>
                      {s.body.map((line) => (
                        <List.Item key={line}>{line}</List.Item>
                      ))}
                    </List>
                  </div>
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      <Group>
        <Button onClick={() => void confirm()} loading={busy}>
          I have read them: use these documents
        </Button>
        <Anchor component={Link} to="/console/setup" size="sm">
          Back to the checklist
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed">
        Clients sign the version in force on the day; a signed consent keeps the text it was signed with.
      </Text>
    </Page>
  );
}
