// Small pieces the billing screens share: the payment method select, the error alert that names
// the fields at fault, and a submit helper that keeps one request in flight.
import { Alert, List, Select } from '@mantine/core';
import { useRef, useState } from 'react';
import { ApiError, errorText } from '../../../api/client.js';
import { STAFF_METHOD_OPTIONS, type StaffMethod } from '../../../api/billing-types.js';

export function MethodSelect({ value, onChange, label = 'Payment method' }: { value: StaffMethod; onChange: (m: StaffMethod) => void; label?: string }) {
  return <Select label={label} data={STAFF_METHOD_OPTIONS} value={value} onChange={(v) => v && onChange(v)} allowDeselect={false} />;
}

/** The API's message, and each field problem under the visible label of its input. */
export function ProblemAlert({ error, labels = {}, title = 'Not done' }: { error: unknown; labels?: Record<string, string>; title?: string }) {
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <Alert color="red" role="alert" title={title}>
      {errorText(error)}
      {fields.length ? (
        <List size="sm" mt={4}>
          {fields.map((f) => (
            <List.Item key={`${f.path}:${f.message}`}>
              {labels[f.path] ?? f.path}: {f.message}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}

/** Runs one request at a time and keeps its error; returns the result or undefined on failure. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // a ref, not state: a second click in the same tick must see the first one in flight
  const inFlight = useRef(false);
  const run = async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  return { busy, error, run, fieldErrors: error instanceof ApiError ? error.fieldErrors() : ({} as Record<string, string>) };
}

/** One idempotency key per user intent: made when the modal mounts, so a double click reuses it. */
export function useIntentKey() {
  const [key] = useState(() => crypto.randomUUID());
  return key;
}
