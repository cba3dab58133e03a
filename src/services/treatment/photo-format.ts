// Which images a clinical photo may be, told by their first bytes (never by the declared type), so
// that everything else is refused before any decoder sees it: SVG, TIFF, GIF, AVIF and the rest
// cost CPU to decode (an SVG is a program for the rasteriser) and are not what a camera takes.

export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'heic';
export const PHOTO_FORMATS_TEXT = 'JPEG, PNG, WebP or HEIC';

/** HEIF brands that mean HEVC-coded images (HEIC); `avif`/`avis` are AV1 and not accepted. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const GENERIC_HEIF_BRANDS = new Set(['mif1', 'msf1']);
const AV1_BRANDS = new Set(['avif', 'avis']);

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** The ISO-BMFF `ftyp` box: major brand and compatible brands, or null. */
function ftypBrands(b: Uint8Array): string[] | null {
  if (b.length < 16 || ascii(b, 4, 8) !== 'ftyp') return null;
  const size = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  if (size < 16 || size > Math.min(b.length, 4096)) return null;
  const brands = [ascii(b, 8, 12)];
  for (let at = 16; at + 4 <= size; at += 4) brands.push(ascii(b, at, at + 4));
  return brands;
}

/** The photo's format from its magic bytes, or null when it is not one we accept. */
export function sniffPhotoFormat(bytes: Uint8Array): PhotoFormat | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 4) === 'PNG' && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp';
  const brands = ftypBrands(b);
  if (brands) {
    const [major, ...compatible] = brands;
    if (brands.some((x) => AV1_BRANDS.has(x))) return null;
    if (HEIC_BRANDS.has(major!)) return 'heic';
    if (GENERIC_HEIF_BRANDS.has(major!) && compatible.some((x) => HEIC_BRANDS.has(x))) return 'heic';
  }
  return null;
}

/** sharp's name for each accepted format, to check its reading of the header agrees with ours */
export const SHARP_FORMAT: Record<PhotoFormat, string> = { jpeg: 'jpeg', png: 'png', webp: 'webp', heic: 'heif' };
