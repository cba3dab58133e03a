// Saving, signing and amending share one busy flag, one failure and one set of field errors, so the form shows at most one of each.
import { useState } from 'react';
import { api, ApiError } from '../../../api/client.js';
import type { ChartBody, ChartView } from './chart-types.js';

export type Busy = 'draft' | 'sign' | 'amend' | null;

export function useChartSubmit(bookingId: string, onSaved: () => void) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const clear = () => {
    setErrors({});
    setFailure(null);
  };

  const submit = async (kind: Exclude<Busy, null>, request: () => Promise<unknown>, done: () => void) => {
    setBusy(kind);
    clear();
    try {
      await request();
      done();
      onSaved();
    } catch (e) {
      setFailure(e);
      setErrors(e instanceof ApiError ? e.fieldErrors() : {});
    } finally {
      setBusy(null);
    }
  };

  /** A draft save says so; a signature needs no note, as the signed banner replaces the form. */
  const save = (chart: ChartBody, sign: boolean, signedName: string) => {
    setSaved(null);
    return submit(
      sign ? 'sign' : 'draft',
      () =>
        api<ChartView>(`/api/bookings/${bookingId}/chart`, {
          method: 'PUT',
          body: { chart, sign, ...(sign ? { signedName } : {}) },
        }),
      () => setSaved(sign ? null : 'Draft saved.'),
    );
  };

  const amend = (chartId: string, chart: ChartBody, reason: string, signedName: string, done: () => void) =>
    submit(
      'amend',
      () => api<ChartView>(`/api/charts/${chartId}/amend`, { body: { chart, reason, signedName } }),
      done,
    );

  return { err: (path: string) => errors[path], failure, busy, saved, save, amend, clear };
}
