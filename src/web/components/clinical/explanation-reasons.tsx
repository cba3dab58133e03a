import { List, Text } from '@mantine/core';
import type { Schemas } from '../../api/client.js';

/** "Why": the plain reasons behind a screening decision, when it has any. */
export function ExplanationReasons({ explanation, mt }: { explanation: Schemas['ScreeningExplanation']; mt?: string }) {
  if (!explanation.reasons.length) return null;
  return (
    <div>
      <Text size="sm" fw={600} {...(mt ? { mt } : {})}>
        Why
      </Text>
      <List size="sm" spacing={4}>
        {explanation.reasons.map((r) => (
          <List.Item key={r}>{r}</List.Item>
        ))}
      </List>
    </div>
  );
}
