import { describe, expect, it } from 'vitest';
import { lotProblem } from './lots.js';

describe('lotProblem', () => {
  const lot = { lotNumber: 'L-123', expiresOn: '2027-06-30', recalled: false };

  it('the expiry day itself is still usable', () => {
    expect(lotProblem(lot, '2027-06-29')).toBeNull();
    expect(lotProblem(lot, '2027-06-30')).toBeNull();
  });

  it('the day after expiry is expired', () => {
    const p = lotProblem(lot, '2027-07-01');
    expect(p?.code).toBe('expired');
    expect(p?.message).toContain('L-123');
  });

  it('recalled wins over expiry and applies before expiry', () => {
    expect(lotProblem({ ...lot, recalled: true }, '2027-07-01')?.code).toBe('recalled');
    expect(lotProblem({ ...lot, recalled: true }, '2027-01-01')?.code).toBe('recalled');
  });
});
