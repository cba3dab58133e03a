// Photo uploads are JPEG, PNG, WebP or HEIC by their first bytes, whatever the declared type;
// anything else (SVG, TIFF, GIF, AVIF, ...) is refused with 415 before any decoder runs, so a hostile
// SVG costs nothing. (HEIC cannot be encoded by the sharp build here: its detection is tested in
// src/services/treatment/photo-format.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestApp, ORIGIN, type TestApp } from '../support/test-app.js';
import type { Actor } from '../support/factory.js';

let t: TestApp;
let provider: Actor;
let client: Actor;

beforeAll(async () => {
  t = await createTestApp();
  const org = await t.factory.org();
  provider = await t.factory.actor(org, 'provider');
  client = await t.factory.actor(org, 'client');
  const png = `data:image/png;base64,${(await sharp({ create: { width: 80, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } }).png().toBuffer()).toString('base64')}`;
  const preview = (await (await t.request(`/api/clients/${client.clientId}/consents/preview?kind=photo_clinical`, { cookie: client.cookie })).json()) as { documentHash: string; clientName: string };
  const signed = await t.request(`/api/clients/${client.clientId}/consents`, { cookie: client.cookie, body: { kind: 'photo_clinical', signedName: preview.clientName, signaturePng: png, documentHash: preview.documentHash, agree: true } });
  expect(signed.status).toBe(201);
});
afterAll(() => t.close());

const upload = (body: Buffer, declared: string) =>
  t.app.request(`/api/clients/${client.clientId}/photos?view=front&stage=before`, {
    method: 'POST',
    body: new Uint8Array(body),
    headers: { cookie: provider.cookie, origin: ORIGIN, 'content-type': declared, 'x-forwarded-for': '10.9.1.1' },
  });
const face = () => sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 200, g: 150, b: 140 } } });

/** an SVG that takes librsvg seconds to draw: huge canvas, stacked blurs */
const costlySvg = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="6000" height="6000"><defs><filter id="f"><feGaussianBlur stdDeviation="80"/><feGaussianBlur stdDeviation="80"/><feGaussianBlur stdDeviation="80"/></filter></defs>` +
    Array.from({ length: 20 }, (_, i) => `<circle cx="${300 * i}" cy="${300 * i}" r="2500" fill="#${(i * 12345).toString(16).padStart(6, '0').slice(0, 6)}" filter="url(#f)"/>`).join('') +
    '</svg>',
);

describe('photo formats', () => {
  it('refuses SVG, TIFF, GIF, AVIF and plain text with 415 naming the body, quickly, whatever the declared type', async () => {
    const refused: [string, Buffer][] = [
      ['svg', costlySvg],
      ['tiff', await face().tiff().toBuffer()],
      ['gif', await face().gif().toBuffer()],
      ['avif', await face().avif().toBuffer()],
      ['text', Buffer.from('not an image')],
    ];
    const before = await t.db.selectFrom('photos').select('id').execute();
    for (const [name, bytes] of refused) {
      for (const declared of ['image/jpeg', 'image/png', `image/${name}`]) {
        const started = performance.now();
        const res = await upload(bytes, declared);
        const ms = performance.now() - started;
        expect(res.status, `${name} as ${declared}`).toBe(415);
        const body = (await res.json()) as { detail: string; errors: { path: string; message: string }[] };
        expect(body.errors).toEqual([{ path: 'body', message: 'The photo must be a JPEG, PNG, WebP or HEIC image' }]);
        expect(ms, `${name} took ${Math.round(ms)} ms`).toBeLessThan(1000);
      }
    }
    expect(await t.db.selectFrom('photos').select('id').execute()).toEqual(before);
  });

  it('still stores JPEG, PNG and WebP photos, whatever the declared type', async () => {
    for (const [name, bytes] of [['jpeg', await face().jpeg().toBuffer()], ['png', await face().png().toBuffer()], ['webp', await face().webp().toBuffer()]] as const) {
      const res = await upload(bytes, 'application/octet-stream');
      expect(res.status, `${name}: ${await res.clone().text()}`).toBe(201);
      expect(((await res.json()) as { width: number }).width).toBe(320);
    }
  });

  it('a file that starts like a JPEG but is not one is a 400 naming the body', async () => {
    const res = await upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('garbage that is no image')]), 'image/jpeg');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('body');
  });
});
