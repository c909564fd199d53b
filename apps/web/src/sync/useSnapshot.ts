import { type MapSnapshot, readSnapshot, type SnapshotWarning } from '@baton/model';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

export interface LiveSnapshot {
  snapshot: MapSnapshot;
  warnings: SnapshotWarning[];
}

/** The map as the canvas draws it: re-read from the document at most once per animation frame. */
export function useSnapshot(doc: Y.Doc): LiveSnapshot {
  const [reading, setReading] = useState<LiveSnapshot>(() => readSnapshot(doc));
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setReading(readSnapshot(doc));
      });
    };
    setReading(readSnapshot(doc));
    doc.on('update', schedule);
    return () => {
      doc.off('update', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [doc]);
  return reading;
}
