import {
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { call, http } from '../../../../api/client.js';
import {
  LICENCES,
  MODALITIES,
  MODALITY_LABEL,
  OUTCOMES,
  licenceLabel,
  modalityLabel,
  useSubmit,
  FormError,
  Section,
  SetupTable,
} from './helpers.js';
import type { Outcome, ScopeRule, CardProps, LicenceType, Modality } from './types.js';

export function ScopeSection({ setup, canEdit, reload }: CardProps) {
  const state = setup.location.state;
  const rules = setup.scopeRules
    .filter((r) => r.state === state)
    .sort((a, b) => a.licenceType.localeCompare(b.licenceType) || a.modality.localeCompare(b.modality));
  const [licenceType, setLicenceType] = useState<LicenceType>('rn');
  const [modality, setModality] = useState<Modality>('pen');
  const [maxDepth, setMaxDepth] = useState<number | string>('');
  const [outcome, setOutcome] = useState<Outcome>('allowed');
  const save = useSubmit();
  const f = save.fields;

  const pick = (r: ScopeRule) => {
    setLicenceType(r.licenceType);
    setModality(r.modality);
    setMaxDepth(r.maxDepthMm ?? '');
    setOutcome(r.outcome);
  };

  return (
    <Section
      title={`Scope of practice (${state})`}
      description={`Who may perform which microneedling modality in ${state}. Any licence and modality without a rule here is denied.`}
    >
      <SetupTable
        heads={['Licence', 'Modality', 'Outcome', 'Max depth', 'Note', ...(canEdit ? ['Edit'] : [])]}
        empty={<>No rules for {state}: nobody can be booked for microneedling here until rules are set.</>}
      >
        {rules.map((r) => {
          const o = OUTCOMES.find((x) => x.value === r.outcome);
          return (
            <Table.Tr key={`${r.licenceType}-${r.modality}`}>
              <Table.Td>{licenceLabel(r.licenceType)}</Table.Td>
              <Table.Td>{modalityLabel(r.modality)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={o?.color ?? 'gray'}>
                  {o?.label ?? r.outcome}
                </Badge>
              </Table.Td>
              <Table.Td>{r.maxDepthMm === null ? 'No limit' : `${r.maxDepthMm} mm`}</Table.Td>
              <Table.Td>
                <Text size="sm">{r.note || '—'}</Text>
              </Table.Td>
              {canEdit ? (
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={`Edit rule for ${licenceLabel(r.licenceType)} ${modalityLabel(r.modality)}`}
                    onClick={() => pick(r)}
                  >
                    Edit
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          );
        })}
      </SetupTable>
      {canEdit ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const body = {
              state,
              licenceType,
              modality,
              maxDepthMm: typeof maxDepth === 'number' ? maxDepth : maxDepth === '' ? null : Number(maxDepth),
              outcome,
            };
            void save
              .run(
                () => call(http.PUT('/api/scope-rules', { body })),
                `Rule saved: ${licenceLabel(licenceType)} · ${modalityLabel(modality)} in ${state}.`,
              )
              .then((ok) => ok && reload());
          }}
        >
          <Stack gap="xs">
            <Title order={3} size="h5">
              Set a rule
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              <Select
                label="Licence"
                data={LICENCES.map((l) => ({ value: l, label: licenceLabel(l) }))}
                value={licenceType}
                allowDeselect={false}
                error={f.licenceType}
                onChange={(v) => v && setLicenceType(v)}
              />
              <Select
                label="Modality"
                data={MODALITIES.map((m) => ({ value: m, label: MODALITY_LABEL[m] ?? m }))}
                value={modality}
                allowDeselect={false}
                error={f.modality}
                onChange={(v) => v && setModality(v)}
              />
              <Select
                label="Outcome"
                data={OUTCOMES.map((o) => ({ value: o.value, label: o.label }))}
                value={outcome}
                allowDeselect={false}
                error={f.outcome}
                onChange={(v) => v && setOutcome(v)}
              />
              <NumberInput
                label="Max depth"
                description="Empty for no limit"
                suffix=" mm"
                min={0}
                step={0.25}
                decimalScale={2}
                value={maxDepth}
                error={f.maxDepthMm}
                onChange={setMaxDepth}
              />
            </SimpleGrid>
            <FormError error={save.error} />
            <Group>
              <Button type="submit" variant="light" loading={save.busy}>
                Save rule
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="sm" c="dimmed">
          Only the owner or the medical director can change scope-of-practice rules.
        </Text>
      )}
    </Section>
  );
}
