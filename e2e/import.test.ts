// Import in the browser (docs/import.md): the owner uploads a Vagaro client export, sees the preset
// recognised with a preview, dry runs it (an error per row in plain words), runs it and watches the
// progress reach the end; the history lists it. axe on every screen; one screenshot on a phone.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/suite.js';
import { signIn } from './support/flows.js';
import { DESKTOP, PHONE, seriousA11yViolations, shot } from './support/browser.js';

const suite = browserSuite();
const axe = (page: Page) => seriousA11yViolations(page, ['heading-order', 'page-has-heading-one']);

const CSV = [
  'First Name,Last Name,Email,Cell Phone,Birthday',
  'Quinn,Imported,quinn.imported@example.com,(512) 555-0190,1990-04-12',
  'Reese,Imported,reese.imported@example.com,512-555-0191,',
  'Sky,Imported,sky@,512-555-0192,',
].join('\n');

describe('import in the browser', () => {
  it('uploads a file, dry runs it, runs it and sees the progress complete', async () => {
    const ctx = await suite.browser.newContext(DESKTOP);
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'owner@glow.example.com');
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.locator('input[type=file]').setInputFiles({ name: 'vagaro-customers.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });

    // the preset is recognised from the column names, with the first rows to check
    await page.getByRole('heading', { name: 'vagaro-customers.csv' }).waitFor();
    await page.getByText('Clients · Vagaro · 3 rows').waitFor();
    await page.getByRole('cell', { name: 'quinn.imported@example.com' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'import-mapping');

    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByText('2 new').waitFor();
    await page.getByText("Row 4: Email 'sky@' is not an email address; correct it or leave the cell empty.").waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'import-dry-run');

    await page.getByRole('button', { name: 'Run import' }).click();
    await page.getByText('3 of 3 rows done · 2 imported · 0 already there · 0 conflicts · 1 to fix').waitFor();
    await page.getByRole('heading', { name: 'Rows not imported (1)' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'import-finished');

    await page.getByRole('button', { name: '← All imports' }).click();
    await page.getByRole('button', { name: 'Open the import of vagaro-customers.csv' }).waitFor();
    await page.getByText('2 imported, 0 already there, 0 conflicts, 1 to fix').waitFor();

    // the same page on a phone
    await page.setViewportSize(PHONE.viewport);
    await page.getByRole('button', { name: 'Choose a CSV file' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'import-phone');
    await ctx.close();
  }, 60_000);
});
