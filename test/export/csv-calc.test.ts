import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { exportCsv } from '@baton/export';
import { sampleMap, touchpoint } from '@baton/export/testing';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/**
 * LibreOffice Calc's Text Import dialog detects the encoding from the byte order mark and
 * offers comma-separated, double-quoted fields: the options a user accepts by pressing OK.
 * Headless conversion has no dialog (it assumes Windows-1252 when given no options), so the
 * test passes the options the dialog would have chosen for this file.
 */
const DIALOG_DEFAULTS_FOR_UTF8_BOM = 'Text - txt - csv (StarCalc):44,34,76,1';

function cellsOf(html: string): string[][] {
  return [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) =>
      (cell[1] ?? '')
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
        .trim(),
    ),
  );
}

describe('the CSV export in LibreOffice Calc', () => {
  const work = mkdtempSync(join(tmpdir(), 'baton-calc-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('opens with a clean header, accents, currency symbols and CJK intact', async () => {
    const map = sampleMap();
    map.touchpoints.push(
      touchpoint({ id: 'euro', title: 'Café rabais 5 € – façade', owner: 'Zoë Åberg', stage: 'customer' }),
      touchpoint({ id: 'cjk', title: '顧客インタビュー', team: 'sales', stage: 'customer', y: 200 }),
    );
    const csvPath = join(work, 'journey.csv');
    writeFileSync(csvPath, exportCsv(map));
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        `--infilter=${DIALOG_DEFAULTS_FOR_UTF8_BOM}`,
        '--convert-to',
        'html',
        '--outdir',
        work,
        csvPath,
      ],
      { timeout: 120_000 },
    );
    const rows = cellsOf(readFileSync(join(work, 'journey.html'), 'utf8'));
    expect(rows[0]?.slice(0, 4)).toEqual(['id', 'title', 'team', 'stage']);
    const titles = rows.map((row) => row[1]);
    expect(titles).toContain('Café rabais 5 € – façade');
    expect(titles).toContain('顧客インタビュー');
    expect(rows.flat().join(' ')).not.toMatch(/â|ï»¿|Ã/);
  }, 150_000);
});
