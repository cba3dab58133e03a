// Small pieces the billing screens share: the payment method select, the error alert that names
// the fields at fault, and a submit helper that keeps one request in flight.
import { Alert, Select } from '@mantine/core';
import { useRef, useState } from 'react';
import { ApiError } from '../../../api/client.js';
import { splitErrors } from '../../../components/form-errors.js';
import { STAFF_METHOD_OPTIONS, type StaffMethod } from '../../../api/billing-types.js';

export function MethodSelect({ value, onChange, label = 'Payment method' }: { value: StaffMethod; onChange: (m: StaffMethod) => void; label?: string }) {
  return <Select label={label} data={STAFF_METHOD_OPTIONS} value={value} onChange={(v) => v && onChange(v)} allowDeselect={false} />;
}

/**
 * One message for the whole form: the API's, without repeating what the form already shows under its
 * inputs (`placed`, by API path). Field problems without an input of
 * their own are said here, each once, in the catalogue's plain sentences.
 */
export function ProblemAlert({ error, placed = [], title = 'Not done' }: { error: unknown; /** @deprecated field messages name their field now */ labels?: Record<string, string>; placed?: readonly string[]; title?: string }) {
  if (!error) return null;
  const { message } = splitErrors(error, placed);
  return (
    <Alert color="red" role="alert" title={title}>
      {message}
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
