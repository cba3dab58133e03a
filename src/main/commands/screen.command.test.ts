import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { screenCommand } from './screen.command.js';
import { req } from '../../domain/screening/engine/fixtures.js';

async function run(args: string[], files: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await screenCommand(args, {
    stdin: Readable.from([stdin]),
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    readFile: (p) => (p in files ? Promise.resolve(files[p]!) : Promise.reject(Object.assign(new Error('missing'), { code: 'ENOENT' }))),
  });
  return { code, out: out.join(''), err: err.join('') };
}

describe('dermis screen', () => {
  it('screens one request from a file', async () => {
    const r = await run(['one.json'], { 'one.json': JSON.stringify(req({ pregnant: true })) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ decision: 'contraindicated', protocol: 'microneedling@2026.12.1' });
  });

  it('screens a batch in order', async () => {
    const r = await run(['batch.json'], { 'batch.json': JSON.stringify([req(), req({ fitzpatrick: 6 })]) });
    expect((JSON.parse(r.out) as { decision: string }[]).map((x) => x.decision)).toEqual(['eligible', 'eligible_with_precautions']);
  });

  it('reads standard input with -', async () => {
    const r = await run(['-'], {}, JSON.stringify(req()));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ decision: 'eligible' });
  });

  it.each([
    ['unknown code', JSON.stringify({ ...req(), intake: { ...req().intake, allergies: ['latex'] } }), 'intake.allergies[0]'],
    ['impossible date', JSON.stringify({ ...req(), plan: { ...req().plan, date: '2026-13-01' } }), 'plan.date'],
    ['empty areas', JSON.stringify([req(), { ...req(), plan: { ...req().plan, areas: [] } }]), '[1].plan.areas'],
    ['malformed JSON', '{"intake": ', 'not valid JSON'],
  ])('%s: exit 2, the field on stderr, nothing on stdout', async (_name, content, mention) => {
    const r = await run(['in.json'], { 'in.json': content });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(mention);
  });

  it('a missing file or argument: exit 2', async () => {
    expect((await run(['nope.json'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });
});
