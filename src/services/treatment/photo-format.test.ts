import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { sniffPhotoFormat } from './photo-format.js';

const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  const b = Buffer.alloc(size + 8);
  b.writeUInt32BE(size, 0);
  b.write('ftyp', 4, 'latin1');
  b.write(major, 8, 'latin1');
  compatible.forEach((c, i) => b.write(c, 16 + 4 * i, 'latin1'));
  b.write('meta', size + 4, 'latin1');
  return b;
};
const image = () => sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 180, g: 120, b: 100 } } });

describe('photo format by magic bytes', () => {
  it('recognises JPEG, PNG and WebP as sharp writes them', async () => {
    expect(sniffPhotoFormat(await image().jpeg().toBuffer())).toBe('jpeg');
    expect(sniffPhotoFormat(await image().png().toBuffer())).toBe('png');
    expect(sniffPhotoFormat(await image().webp().toBuffer())).toBe('webp');
  });

  it('recognises HEIC as phones write it (major brand heic, or mif1 with a HEVC brand)', () => {
    expect(sniffPhotoFormat(ftyp('heic', 'mif1', 'heic'))).toBe('heic');
    expect(sniffPhotoFormat(ftyp('heix', 'mif1'))).toBe('heic');
    expect(sniffPhotoFormat(ftyp('mif1', 'mif1', 'heic'))).toBe('heic');
  });

  it('refuses AVIF, GIF, TIFF, SVG and anything else', async () => {
    expect(sniffPhotoFormat(await image().avif().toBuffer())).toBeNull();
    expect(sniffPhotoFormat(ftyp('mif1', 'avif', 'heic'))).toBeNull();
    expect(sniffPhotoFormat(ftyp('mif1', 'miaf'))).toBeNull();
    expect(sniffPhotoFormat(await image().gif().toBuffer())).toBeNull();
    expect(sniffPhotoFormat(await image().tiff().toBuffer())).toBeNull();
    expect(sniffPhotoFormat(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'))).toBeNull();
    expect(sniffPhotoFormat(Buffer.from('<?xml version="1.0"?><svg/>'))).toBeNull();
    expect(sniffPhotoFormat(Buffer.from('RIFF\0\0\0\0AVI LIST'))).toBeNull();
    expect(sniffPhotoFormat(Buffer.alloc(0))).toBeNull();
    expect(sniffPhotoFormat(Buffer.from([0xff, 0xd8]))).toBeNull();
  });
});
