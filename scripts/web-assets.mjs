// After `vite build`: raster icons drawn from the SVG favicon (phones want PNG icons to install the
// portal, and old agents ask for /favicon.ico), then brotli and gzip copies of every text asset, made
// once here at the highest levels so the server never compresses per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import sharp from 'sharp';

const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt', '.ico']);

/** An ICO holding one PNG image (supported by every browser since 2007): 6-byte header, 16-byte entry. */
function icoFromPng(png, size) {
  const head = Buffer.alloc(22);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2); // type: icon
  head.writeUInt16LE(1, 4); // one image
  head.writeUInt8(size >= 256 ? 0 : size, 6);
  head.writeUInt8(size >= 256 ? 0 : size, 7);
  head.writeUInt16LE(1, 10); // colour planes
  head.writeUInt16LE(32, 12); // bits per pixel
  head.writeUInt32LE(png.length, 14);
  head.writeUInt32LE(22, 18); // image data follows the header
  return Buffer.concat([head, png]);
}

export async function makeIcons(webDir) {
  const svg = readFileSync(path.join(webDir, 'favicon.svg'));
  const png = (size) => sharp(svg, { density: 72 * (size / 64) }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();
  writeFileSync(path.join(webDir, 'icon-192.png'), await png(192));
  writeFileSync(path.join(webDir, 'icon-512.png'), await png(512));
  writeFileSync(path.join(webDir, 'apple-touch-icon.png'), await png(180));
  // maskable: the mark inside the 80% safe zone on a full-bleed brand background
  const inner = await sharp(svg, { density: 72 * 6 }).resize(384, 384).png().toBuffer();
  const maskable = await sharp({ create: { width: 512, height: 512, channels: 4, background: '#087f5b' } }).composite([{ input: inner, gravity: 'center' }]).png({ compressionLevel: 9 }).toBuffer();
  writeFileSync(path.join(webDir, 'icon-maskable-512.png'), maskable);
  writeFileSync(path.join(webDir, 'favicon.ico'), icoFromPng(await png(32), 32));
}

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else yield p;
  }
}

/** Writes file.br and file.gz beside each text asset, only where they are smaller than the original. */
export function compressWeb(webDir) {
  let written = 0;
  for (const file of [...files(webDir)]) {
    if (!COMPRESSIBLE.has(path.extname(file))) continue;
    const raw = readFileSync(file);
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    const gz = gzipSync(raw, { level: 9 });
    for (const [suffix, data] of [['.br', br], ['.gz', gz]]) {
      if (data.length >= raw.length) continue;
      writeFileSync(file + suffix, data);
      written++;
    }
  }
  return written;
}

export async function finishWeb(webDir) {
  if (statSync(path.join(webDir, 'favicon.svg'), { throwIfNoEntry: false })) await makeIcons(webDir);
  return compressWeb(webDir);
}
