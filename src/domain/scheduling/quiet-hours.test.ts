import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { afterQuietHours } from './quiet-hours.js';

const tz = 'America/Chicago';
const at = (s: string) => Temporal.ZonedDateTime.from(`${s}[${tz}]`).epochMilliseconds;
const quiet = { start: '21:00', end: '08:00' };

describe('quiet hours', () => {
  it.each([
    ['outside: sent as due', '2027-03-01T12:00-06:00', '2027-03-01T12:00-06:00'],
    ['late evening: next morning', '2027-03-01T22:30-06:00', '2027-03-02T08:00-06:00'],
    ['early morning: same morning', '2027-03-02T05:00-06:00', '2027-03-02T08:00-06:00'],
    ['exactly at the end: sent', '2027-03-02T08:00-06:00', '2027-03-02T08:00-06:00'],
    ['exactly at the start: waits', '2027-03-01T21:00-06:00', '2027-03-02T08:00-06:00'],
    ['across the spring-forward night: 08:00 CDT', '2027-03-13T23:00-06:00', '2027-03-14T08:00-05:00'],
  ])('%s', (_n, due, expected) => {
    expect(afterQuietHours(at(due), quiet, tz)).toBe(at(expected));
  });
  it('daytime quiet hours and none at all', () => {
    expect(afterQuietHours(at('2027-03-01T13:00-06:00'), { start: '12:00', end: '14:00' }, tz)).toBe(at('2027-03-01T14:00-06:00'));
    expect(afterQuietHours(at('2027-03-01T23:00-06:00'), { start: '00:00', end: '00:00' }, tz)).toBe(at('2027-03-01T23:00-06:00'));
  });
});
