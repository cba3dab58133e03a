// Saving, signing and amending share one busy flag, one failure and one set of field errors, so the form shows at most one of each.
import { useState } from 'react';
import { ApiError, call, http } from '../../../api/client.js';
import type { ChartBody } from './chart-types.js';

export type Busy = 'draft' | 'sign' | 'amend' | null;

export const chartPath = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');
/** the fields the chart form shows a message under (the rest are said in the alert) */
export const shownOnChart = (path: string) => /^chart\.|^(reason|signedName)$/.test(chartPath(path));

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
      // the API names rows as areas[0].depthMm, the form as areas.0.depthMm
      setErrors(e instanceof ApiError ? Object.fromEntries(e.fields.map((f) => [chartPath(f.path), f.message])) : {});
    } finally {
      setBusy(null);
    }
  };

  /**
   * A draft save says so; a signature needs no note, as the signed banner replaces the form.
   * `chart` builds the body inside the attempt, so a row it refuses shows like a refusal from the server.
   */
  const save = (chart: () => ChartBody, sign: boolean, signedName: string) => {
    setSaved(null);
    return submit(
      sign ? 'sign' : 'draft',
      () =>
        call(
          http.PUT('/api/bookings/{bookingId}/chart', {
            params: { path: { bookingId } },
            body: { chart: chart(), sign, ...(sign ? { signedName } : {}) },
          }),
        ),
      () => setSaved(sign ? null : 'Draft saved.'),
    );
  };

  const amend = (
    chartId: string,
    chart: () => ChartBody,
    reason: string,
    signedName: string,
    done: () => void,
  ) =>
    submit(
      'amend',
      () =>
        call(
          http.POST('/api/charts/{chartId}/amend', {
            params: { path: { chartId } },
            body: { chart: chart(), reason, signedName },
          }),
        ),
      done,
    );

  return { err: (path: string) => errors[path], failure, busy, saved, save, amend, clear };
}
