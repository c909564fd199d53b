import { mapDocument } from '@baton/model';
import { useCallback, useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';

export interface UndoControls {
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * Undo and redo of this browser's own edits only: the manager tracks transactions tagged with
 * the session's `localOrigin`, so a colleague's changes (which arrive with the provider as
 * origin) are never undone, even when they touch the same touchpoint.
 */
export function useUndo(doc: Y.Doc, localOrigin: object): UndoControls {
  const manager = useMemo(() => {
    const shared = mapDocument(doc);
    const scope = [shared.meta, shared.stages, shared.touchpoints, shared.placements, shared.connections];
    return new Y.UndoManager(scope, {
      trackedOrigins: new Set([localOrigin]),
      // Every action of the user is one transaction and one undo step: never merge two.
      captureTimeout: 0,
    });
  }, [doc, localOrigin]);
  const [stacks, setStacks] = useState({ canUndo: false, canRedo: false });

  useEffect(() => {
    const update = () => setStacks({ canUndo: manager.canUndo(), canRedo: manager.canRedo() });
    manager.on('stack-item-added', update);
    manager.on('stack-item-popped', update);
    manager.on('stack-cleared', update);
    return () => {
      manager.off('stack-item-added', update);
      manager.off('stack-item-popped', update);
      manager.off('stack-cleared', update);
      manager.destroy();
    };
  }, [manager]);

  const undo = useCallback(() => {
    manager.undo();
  }, [manager]);
  const redo = useCallback(() => {
    manager.redo();
  }, [manager]);
  return { undo, redo, ...stacks };
}
