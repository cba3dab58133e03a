// Opens a clinic's export folder for an import: reads manifest.json and checks every file it lists
// (present, same size, same SHA-256) before anything is read from them, so a tampered, damaged or
// incomplete copy is refused naming the file. docs/export.md, "Importing an export".
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { EXPORT_FORMAT_VERSION, type ExportManifest } from '../write-export.js';

/** The export cannot be imported as it is; the message says which file, row or field, and why. */
export class ImportRefused extends Error {}

export interface OpenedExport {
  dir: string;
  manifest: ExportManifest;
  /** the file's bytes, already checked against the manifest */
  read(url: string): Promise<Buffer>;
}

const isSha256 = (s: unknown) => typeof s === 'string' && /^[0-9a-f]{64}$/.test(s);

/** A manifest url is a plain relative path inside the folder. */
function fileIn(dir: string, url: unknown): string {
  if (typeof url !== 'string' || url === '' || path.isAbsolute(url) || url.split(/[\\/]/).includes('..')) {
    throw new ImportRefused(`manifest.json lists a file outside the export folder (${JSON.stringify(url)}); use an unaltered copy of the export`);
  }
  return path.join(dir, url);
}

export async function openExport(dir: string): Promise<OpenedExport> {
  const manifestFile = path.join(dir, 'manifest.json');
  let text: string;
  try {
    text = await readFile(manifestFile, 'utf8');
  } catch {
    throw new ImportRefused(`${dir} has no manifest.json: name the folder of one clinic's export (the folder that holds manifest.json, fhir/, csv/ and files/)`);
  }
  let manifest: ExportManifest;
  try {
    manifest = JSON.parse(text) as ExportManifest;
  } catch {
    throw new ImportRefused('manifest.json is not valid JSON; use an unaltered copy of the export');
  }
  if (manifest?.format !== 'dermis-export') throw new ImportRefused('manifest.json is not the manifest of a Dermis export (its "format" is not "dermis-export")');
  if (typeof manifest.formatVersion !== 'number' || manifest.formatVersion > EXPORT_FORMAT_VERSION) {
    throw new ImportRefused(`manifest.json has format version ${String(manifest.formatVersion)}; this Dermis reads version ${EXPORT_FORMAT_VERSION} and earlier: upgrade Dermis first`);
  }
  const org = manifest.organization;
  if (!org || typeof org.id !== 'string' || typeof org.slug !== 'string' || typeof org.name !== 'string') throw new ImportRefused('manifest.json does not name the clinic (its "organization" is missing or incomplete)');
  if (!Array.isArray(manifest.output) || !Array.isArray(manifest.tables) || !Array.isArray(manifest.files)) throw new ImportRefused('manifest.json does not list the files of the export ("output", "tables" or "files" is missing)');

  // every listed file, checked before anything is imported
  const checked = new Map<string, Buffer | null>();
  for (const f of [...manifest.output, ...manifest.tables, ...manifest.files]) {
    const file = fileIn(dir, f.url);
    if (!isSha256(f.sha256) || typeof f.bytes !== 'number') throw new ImportRefused(`manifest.json has no size or SHA-256 for ${String(f.url)}; use an unaltered copy of the export`);
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      throw new ImportRefused(`${f.url} is listed in manifest.json but missing from the folder; the copy is incomplete`);
    }
    if (size !== f.bytes) throw new ImportRefused(`${f.url} is ${size} bytes but manifest.json says ${f.bytes}: the file was changed or cut short; use an unaltered copy of the export`);
    const bytes = await readFile(file);
    if (createHash('sha256').update(bytes).digest('hex') !== f.sha256) throw new ImportRefused(`${f.url} does not match its SHA-256 in manifest.json: the file was changed or damaged; use an unaltered copy of the export`);
    // the CSVs are read again right away; files are read when they are stored
    checked.set(f.url, f.url.startsWith('csv/') ? bytes : null);
  }
  return {
    dir,
    manifest,
    async read(url) {
      if (!checked.has(url)) throw new ImportRefused(`${url} is not listed in manifest.json`);
      const kept = checked.get(url);
      if (kept) return kept;
      const bytes = await readFile(fileIn(dir, url));
      // read again: the file must still be the one that was checked
      const entry = manifest.files.find((x) => x.url === url);
      if (entry && createHash('sha256').update(bytes).digest('hex') !== entry.sha256) throw new ImportRefused(`${url} changed while it was being imported`);
      return bytes;
    },
  };
}
