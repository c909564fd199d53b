import { cardNamed, type MapTab } from './browser.js';
import { browserSuite } from './browser-suite.js';
import { type JourneySketch, TWO_CARDS } from './journeys.js';
import { type SeededMap, seedMap } from './seed.js';

export interface TwoEditors {
  map: SeededMap;
  ada: MapTab;
  grace: MapTab;
}

/**
 * The shared frame of a two-browser suite: one server and one Chromium for the file; each test
 * seeds its own map and opens it for Ada and Grace in separate profiles. After every test the
 * tabs are closed and any page error fails the test. Call inside `describe`.
 */
export function twoEditorSuite(): {
  twoEditors: (title: string, sketch?: JourneySketch) => Promise<TwoEditors>;
} {
  const suite = browserSuite();

  return {
    async twoEditors(title, sketch = TWO_CARDS) {
      const map = await seedMap(suite.server().url, title, sketch);
      suite.keep(map.observer);
      const ada = await suite.openMap(map.map.editUrl, 'Ada');
      const grace = await suite.openMap(map.map.editUrl, 'Grace');
      const first = sketch.touchpoints[0]?.title ?? '';
      await cardNamed(ada.page, first).first().waitFor();
      await cardNamed(grace.page, first).first().waitFor();
      return { map, ada, grace };
    },
  };
}
