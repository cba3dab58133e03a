import { describe, expect, it } from 'vitest';
import { startingGate } from './starting-gate.js';

const req = (p: string) => new Request(`http://localhost${p}`);
const env = {} as never;
const ask = (gate: ReturnType<typeof startingGate>, p: string) => Promise.resolve(gate.fetch(req(p), env)) as Promise<Response>;

describe('the port while the server starts', () => {
  it('says alive at once, not ready until the app is, and holds other requests for the app', async () => {
    const gate = startingGate();
    expect((await ask(gate, '/healthz')).status).toBe(200);
    const ready = await ask(gate, '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('1');
    let answered = false;
    const held = ask(gate, '/api/organization').then((r) => ((answered = true), r));
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    gate.open((r) => new Response(`app: ${new URL(r.url).pathname}`, { status: 200 }));
    expect(await (await held).text()).toBe('app: /api/organization');
    expect(await (await ask(gate, '/readyz')).text()).toBe('app: /readyz');
  });
});
