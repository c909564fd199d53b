import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { removeDataDir, type ServerProcess, startServer } from '../../support/server-process.js';
import { assertWebBuilt, launchChromium, type MapTab, openMap, openTab } from './browser.js';

export interface BrowserSuiteOptions {
  /** Page errors a test provokes on purpose (a refused reconnection, say); any other fails it. */
  expectedErrors?: RegExp;
}

export interface BrowserSuite {
  /** The file's server (valid inside tests and hooks). */
  server(): ServerProcess;
  /** The file's Chromium. */
  browser(): Browser;
  /** A tab on a map page, named and live (see `openMap`), closed after the test. */
  openMap(url: string, name: string): Promise<MapTab>;
  /** A tab on any page, closed after the test. */
  openTab(url: string, name: string): Promise<MapTab>;
  /** Something to close or stop after the file: a seeded map's observer, a sync client. */
  keep(resource: { destroy(): void }): void;
}

/**
 * The frame of a browser test file: one server and one Chromium for the file, every tab a test
 * opens closed after it, and any page error in them a failure of that test. Call inside `describe`.
 */
export function browserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let tabs: MapTab[] = [];
  const kept: { destroy(): void }[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    browser = await launchChromium();
  });

  afterEach(async () => {
    const errors = tabs.flatMap((tab) => tab.errors);
    await Promise.all(tabs.map((tab) => tab.context.close()));
    tabs = [];
    const expected = options.expectedErrors;
    expect(expected ? errors.filter((error) => !expected.test(error)) : errors).toEqual([]);
  });

  afterAll(async () => {
    for (const resource of kept.splice(0)) resource.destroy();
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  const started = () => {
    if (!server || !browser) throw new Error('browserSuite() must be called inside describe()');
    return { server, browser };
  };
  const tracked = async (opening: Promise<MapTab>) => {
    const tab = await opening;
    tabs.push(tab);
    return tab;
  };
  return {
    server: () => started().server,
    browser: () => started().browser,
    openMap: (url, name) => tracked(openMap(started().browser, url, name)),
    openTab: (url, name) => tracked(openTab(started().browser, url, name)),
    keep: (resource) => void kept.push(resource),
  };
}
