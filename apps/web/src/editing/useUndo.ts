import { mapDocument } from '@baton/model';
import { useCallback, useEffect, useState } from 'react';
import * as Y from 'yjs';

export interface UndoControls {
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

/** A manager for this browser's own edits: transactions tagged with the session's `localOrigin`. */
export function createUndoManager(doc: Y.Doc, localOrigin: object): Y.UndoManager {
  const shared = mapDocument(doc);
  const scope = [shared.meta, shared.stages, shared.touchpoints, shared.placements, shared.connections];
  return new Y.UndoManager(scope, {
    trackedOrigins: new Set([localOrigin]),
    // Every action of the user is one transaction and one undo step: never merge two.
    captureTimeout: 0,
  });
}

/**
 * Undo and redo of this browser's own edits only, so a colleague's changes (which arrive with
 * the provider as origin) are never undone, even when they touch the same touchpoint.
 *
 * The manager is created and destroyed by the same effect: React StrictMode mounts, unmounts
 * and mounts again in development, and a manager made in `useMemo` would be destroyed by the
 * first unmount and then reused, recording nothing.
 */
export function useUndo(doc: Y.Doc, localOrigin: object): UndoControls {
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  const [stacks, setStacks] = useState({ canUndo: false, canRedo: false });

  useEffect(() => {
    const created = createUndoManager(doc, localOrigin);
    const update = () => setStacks({ canUndo: created.canUndo(), canRedo: created.canRedo() });
    created.on('stack-item-added', update);
    created.on('stack-item-popped', update);
    created.on('stack-cleared', update);
    setManager(created);
    update();
    return () => {
      created.destroy();
      setManager((current) => (current === created ? null : current));
    };
  }, [doc, localOrigin]);

  const undo = useCallback(() => {
    manager?.undo();
  }, [manager]);
  const redo = useCallback(() => {
    manager?.redo();
  }, [manager]);
  return { undo, redo, ...stacks };
}
