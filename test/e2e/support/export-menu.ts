import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Downloads one export the way a user does: Export menu, a format, the browser's download. */
export async function exportThroughMenu(page: Page, choice: string, folder: string) {
  await page.getByTestId('export-menu').click();
  await page.getByTestId('export-options').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByTestId(`export-${choice}`).click(),
  ]);
  expect(await download.failure()).toBeNull();
  const saved = path.join(folder, download.suggestedFilename());
  await download.saveAs(saved);
  // A finished export closes the menu.
  await page.getByTestId('export-options').waitFor({ state: 'detached' });
  return { name: download.suggestedFilename(), saved, bytes: readFileSync(saved) };
}
