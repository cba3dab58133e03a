// `dermis triage` and `dermis plan` as an operator runs them: a file or standard input, one request
// or an array, and exit 2 with the field named (nothing on standard output) for invalid input.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dermis-contracts-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function cli(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdin: Readable.from([stdin]), stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } });
  return { code, out: out.join(''), err: err.join('') };
}
async function file(name: string, content: unknown) {
  const p = path.join(dir, name);
  await writeFile(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

const report = (over: object = {}) => ({ hoursSinceTreatment: 52, modality: 'pen', areas: ['cheeks'], symptoms: [{ code: 'pus', severity: 'moderate', onsetHours: 50 }], ...over });
const planRequest = (over: object = {}) => ({
  screening: { decision: 'eligible', earliestDate: null, findings: [], areas: { forehead: 'eligible', cheeks: 'eligible' }, protocol: 'microneedling@2026.12.1' },
  startDate: '2026-12-01', concerns: ['fine_lines'], areas: ['forehead', 'cheeks'], ...over,
});

describe('dermis triage', () => {
  it('triages one report from a file', async () => {
    const r = await cli(['triage', await file('one.json', report())]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ urgency: 'urgent', findings: [{ ruleId: 'RF-FLAG-1' }], protocol: 'microneedling@2026.12.1' });
  });

  it('triages an array from standard input, in order', async () => {
    const r = await cli(['triage', '-'], JSON.stringify([report(), report({ symptoms: [{ code: 'hives', severity: 'mild', onsetHours: 1 }] }), report({ symptoms: [] })]));
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { urgency: string }[]).map((x) => x.urgency)).toEqual(['urgent', 'emergency', 'expected']);
  });

  it.each([
    ['an unknown symptom', report({ symptoms: [{ code: 'itch', severity: 'mild', onsetHours: 1 }] }), 'symptoms[0].code: "itch" is not a symptom Dermis knows'],
    ['no time since treatment', { modality: 'pen', areas: ['cheeks'] }, 'hoursSinceTreatment: Give the time since treatment'],
    ['an error in an array', [report(), report({ areas: [] })], '[1].areas: Name at least one treated area'],
    ['malformed JSON', '{"modality": ', 'is not valid JSON'],
  ])('%s: exit 2, the field on standard error, nothing on standard output', async (_name, content, mention) => {
    const r = await cli(['triage', await file('bad.json', content)]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(mention);
  });

  it('a missing file or argument: exit 2', async () => {
    expect((await cli(['triage', path.join(dir, 'nope.json')])).code).toBe(2);
    expect((await cli(['triage'])).err).toContain('usage: dermis triage FILE');
  });
});

describe('dermis plan', () => {
  it('plans one request from a file', async () => {
    const r = await cli(['plan', await file('plan.json', planRequest())]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ status: 'ready', modality: 'pen', sessions: 4, protocol: 'microneedling@2026.12.1' });
  });

  it('plans an array from standard input, in order', async () => {
    const contraindicated = planRequest({ screening: { decision: 'contraindicated', earliestDate: null, findings: [], areas: { forehead: 'contraindicated', cheeks: 'contraindicated' }, protocol: 'microneedling@2026.12.1' } });
    const r = await cli(['plan', '-'], JSON.stringify([planRequest(), contraindicated]));
    expect((JSON.parse(r.out) as { status: string }[]).map((x) => x.status)).toEqual(['ready', 'not_possible']);
  });

  it('refuses invalid input with exit 2, naming the field and index', async () => {
    const r = await cli(['plan', '-'], JSON.stringify([planRequest(), planRequest({ fitzpatrick: 9 })]));
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toContain('[1].fitzpatrick: The skin type is 1 to 6');
  });

  it('is listed in the help', async () => {
    const help = await cli(['help']);
    expect(help.out).toContain('triage FILE');
    expect(help.out).toContain('plan FILE');
  });
});
