import {
  COMMENTS_KEY,
  DECISIONS_KEY,
  readWorkshopSnapshot,
  SIGNOFFS_KEY,
  WORKSHOP_RESULTS_KEY,
  type WorkshopSnapshot,
} from '@baton/model';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

const SECTIONS = [COMMENTS_KEY, SIGNOFFS_KEY, DECISIONS_KEY, WORKSHOP_RESULTS_KEY];

/**
 * Comments, sign-offs, decisions and workshop results from the document, re-read (at most once a
 * frame) only when one of their own shared maps changes, so canvas edits never re-read them.
 */
export function useWorkshopData(doc: Y.Doc): WorkshopSnapshot {
  const [data, setData] = useState(() => readWorkshopSnapshot(doc));
  useEffect(() => {
    let frame = 0;
    const read = () => {
      frame = 0;
      setData(readWorkshopSnapshot(doc));
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(read);
    };
    const maps = SECTIONS.map((name) => doc.getMap(name));
    for (const map of maps) map.observeDeep(schedule);
    read();
    return () => {
      for (const map of maps) map.unobserveDeep(schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [doc]);
  return data;
}
