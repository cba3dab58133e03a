import { Alert, Anchor, Badge, Button, Card, Collapse, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, call, errorText, http, type Schemas } from '../../api/client.js';
import type { paths } from '../../api/generated/schema.js';
import { useGet } from '../../api/use-api.js';
import { Empty, ErrorAlert, Loading } from '../../components/states.js';
import { FindingsTable } from '../../components/clinical/findings-table.js';
import { AREA_LABEL, AREAS, DECISION_COLOR, DECISION_LABEL, MODALITY_LABEL } from '../../components/clinical/labels.js';
import { PlanPicker, type PlanInput } from '../../components/clinical/plan-picker.js';
import { ClientPlansPanel } from './client-plans-panel.js';
import { PhotoPanel } from '../../components/clinical/photo-panel.js';
import { OutcomesCard } from '../../components/clinical/outcomes-card.js';

type Area = Schemas['ScreeningPlan']['areas'][number];
const isArea = (a: string): a is Area => AREAS.includes(a);
/** The list answers the staff view to clinicians (the client's plain view has no findings to show). */
const staffView = (s: Schemas['StoredScreening']): s is Schemas['StaffScreening'] => 'result' in s;

/** An Intake v1 file as the contract takes it; the server checks the file, field by field. */
type IntakeFile = NonNullable<paths['/api/clients/{clientId}/intake']['post']['requestBody']>['content']['application/json'];

export function ClientClinicalTab({ clientId }: { clientId: string }) {
  const intake = useGet('/api/clients/{clientId}/intake', { params: { path: { clientId } } });
  const screenings = useGet('/api/clients/{clientId}/screenings', { params: { path: { clientId } } });
  const staffScreenings = screenings.data?.items.filter(staffView);
  const [opened, { toggle }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noIntake = intake.data === null;
  const [plansKey, setPlansKey] = useState(0);
  const [imported, setImported] = useState<string | null>(null);
  /** An Intake v1 JSON file becomes the next intake version; errors name the offending fields. */
  const importIntake = async (file: File | null) => {
    if (!file) return;
    setError(null);
    setImported(null);
    try {
      // The file is passed on as it is, for the server to check against the contract (errors name its fields).
      const data = JSON.parse(await file.text()) as IntakeFile;
      const r = await call(http.POST('/api/clients/{clientId}/intake', { params: { path: { clientId }, query: { source: 'import' } }, body: data }));
      setImported(`Imported ${file.name} as intake version ${r.version}.`);
      intake.reload();
      screenings.reload();
    } catch (e) {
      setError(e instanceof SyntaxError ? `${file.name} is not valid JSON` : e instanceof ApiError && e.fields.length ? `${errorText(e)}: ${e.fields.map((f) => `${f.path} ${f.message}`).join('; ')}` : errorText(e));
    }
  };
  const recommend = async (screeningId: string) => {
    setError(null);
    try {
      await call(http.POST('/api/clients/{clientId}/plans', { params: { path: { clientId } }, body: { screeningId } }));
      setPlansKey((k) => k + 1);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const screen = async (plan: PlanInput) => {
    setBusy(true);
    setError(null);
    try {
      await call(http.POST('/api/clients/{clientId}/screenings', { params: { path: { clientId } }, body: { plan: { ...plan, areas: plan.areas.filter(isArea) } } }));
      screenings.reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h4">
              Health questionnaire
            </Title>
            {intake.loading ? <Loading label="Loading intake" /> : null}
            {intake.data ? (
              <Text size="sm" c="dimmed">
                Version {intake.data.version}, answered {intake.data.answeredOn} ({intake.data.source})
              </Text>
            ) : null}
            {noIntake ? <Text size="sm">Not answered yet.</Text> : null}
            {intake.error && !noIntake ? <ErrorAlert error={intake.error} /> : null}
          </div>
          <Group>
            <Button component={Link} to={`/console/clients/${clientId}/questionnaire`} variant="light">
              {intake.data ? 'Update with the client' : 'Fill in with the client'}
            </Button>
            <FileButton onChange={(f) => void importIntake(f)} accept="application/json,.json">
              {(props) => (
                <Button variant="default" {...props}>
                  Import Intake v1 JSON
                </Button>
              )}
            </FileButton>
            {intake.data ? (
              <Anchor href={`/api/clients/${clientId}/intake/export`} download>
                Export Intake v1 JSON
              </Anchor>
            ) : null}
          </Group>
        </Group>
        {imported ? (
          <Alert color="teal" mt="sm">
            {imported}
          </Alert>
        ) : null}
      </Card>
      <Card withBorder>
        <Group justify="space-between">
          <Title order={2} size="h4">
            Screenings
          </Title>
          <Button onClick={toggle} variant="default" disabled={!intake.data}>
            Screen a plan
          </Button>
        </Group>
        <Collapse expanded={opened}>
          <Stack mt="md">
            <PlanPicker onSubmit={(p) => void screen(p)} busy={busy} submitLabel="Screen" initialDate={new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10)} />
          </Stack>
        </Collapse>
        {error ? <Alert color="red" mt="sm">{error}</Alert> : null}
      </Card>
      {screenings.loading && !screenings.data ? <Loading label="Loading screenings" /> : null}
      {screenings.error ? <ErrorAlert error={screenings.error} /> : null}
      {staffScreenings?.length === 0 ? <Empty title="No screenings yet">Screen a plan once the questionnaire is answered.</Empty> : null}
      {staffScreenings?.map((s) => (
        <Card key={s.id} withBorder>
          <Group justify="space-between" wrap="wrap" mb="sm">
            <div>
              <Group gap="xs">
                <Badge color={DECISION_COLOR[s.result.decision]} size="lg">
                  {DECISION_LABEL[s.result.decision]}
                </Badge>
                {s.status !== 'current' ? <Badge color="gray">{s.status === 'stale' ? 'Stale: intake changed' : 'Expired'}</Badge> : null}
                {s.review ? <Badge color={s.review.outcome === 'approved' ? 'teal' : 'red'}>Review {s.review.outcome}</Badge> : null}
              </Group>
              <Text size="sm" mt={4}>
                {MODALITY_LABEL[s.plan.modality]} · {s.plan.areas.map((a) => AREA_LABEL[a] ?? a).join(', ')} · on {s.planDate} (valid until {s.validUntil})
              </Text>
              <Text size="xs" c="dimmed">
                {s.result.protocol}, settings v{s.settingsVersion}
                {s.result.earliestDate ? ` · earliest date ${s.result.earliestDate}` : ''}
              </Text>
            </div>
            {s.status === 'current' && s.result.decision !== 'contraindicated' && s.review?.outcome !== 'declined' ? (
              <Button size="xs" variant="light" onClick={() => void recommend(s.id)}>
                Recommend plan and quote
              </Button>
            ) : null}
          </Group>
          <FindingsTable findings={s.result.findings} />
          {s.review ? (
            <Alert mt="sm" color={s.review.outcome === 'approved' ? 'teal' : 'red'} title={`Signed by ${s.review.signedName}, ${new Date(s.review.reviewedAt).toLocaleString()}`}>
              {s.review.note}
            </Alert>
          ) : null}
        </Card>
      ))}
      <ClientPlansPanel clientId={clientId} reloadKey={plansKey} />
      <PhotoPanel clientId={clientId} canUpload />
      <OutcomesCard clientId={clientId} canGrade />
    </Stack>
  );
}
