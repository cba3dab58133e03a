import { Badge, ScrollArea, Table, Text } from '@mantine/core';
import { ruleById } from '../../../domain/protocols/microneedling/rules.js';
import { AREA_LABEL, DECISION_COLOR, DECISION_LABEL } from './labels.js';

export interface Finding {
  ruleId: string;
  outcome: string;
  areas: string[];
  until: string | null;
  message: string;
  sources: string[];
}

/** Staff view: rule id, clinical wording, areas, window and sources of every finding. */
export function FindingsTable({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <Text size="sm">No findings: nothing in the intake stands in the way.</Text>;
  return (
    <ScrollArea>
      <Table miw={640} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Rule</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Finding</Table.Th>
            <Table.Th>Areas</Table.Th>
            <Table.Th>Until</Table.Th>
            <Table.Th>Sources</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {findings.map((f) => (
            <Table.Tr key={`${f.ruleId}-${f.outcome}`}>
              <Table.Td>
                {/* the rule by name, its id beside it for the protocol pack */}
                <Text fw={700} size="sm">
                  {ruleById(f.ruleId)?.title ?? f.ruleId}
                </Text>
                {ruleById(f.ruleId) ? (
                  <Text size="xs" c="dimmed">
                    {f.ruleId}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Badge color={DECISION_COLOR[f.outcome]} variant="light">
                  {DECISION_LABEL[f.outcome]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{f.message}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{f.areas.map((a) => AREA_LABEL[a] ?? a).join(', ')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{f.outcome === 'deferred' ? (f.until ?? 'until resolved') : '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{f.sources.join(', ') || '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
