// @vitest-environment happy-dom
import { addTouchpoint, createMapDocument, readSnapshot } from '@baton/model';
import { act, createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type UndoControls, useUndo } from './useUndo';

/**
 * Issue 11, finding 6: in the development build React StrictMode mounts, unmounts and mounts
 * again; the undo manager made in `useMemo` was destroyed by the first unmount and reused by
 * the second mount, so undo recorded nothing.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const unmounts: (() => void)[] = [];
afterEach(() => {
  for (const unmount of unmounts.splice(0)) act(unmount);
});

interface ProbeProps {
  doc: Y.Doc;
  localOrigin: object;
  latest: { controls: UndoControls | null };
}

/** Renders nothing; hands the hook's controls to the test. */
function Probe({ doc, localOrigin, latest }: ProbeProps) {
  latest.controls = useUndo(doc, localOrigin);
  return null;
}

function mountUndo(strict: boolean) {
  const doc = createMapDocument({ title: 'Undo', createdAt: '2024-01-01T00:00:00.000Z' });
  const localOrigin = { source: 'test' };
  const latest: { controls: UndoControls | null } = { controls: null };
  const probe = createElement(Probe, { doc, localOrigin, latest });
  const root = createRoot(document.createElement('div'));
  act(() => root.render(strict ? createElement(StrictMode, null, probe) : probe));
  unmounts.push(() => root.unmount());
  return { doc, localOrigin, latest };
}

describe('useUndo', () => {
  it.each([true, false])('undoes and redoes this browser’s edit (StrictMode %s)', (strict) => {
    const { doc, localOrigin, latest } = mountUndo(strict);
    act(() => {
      doc.transact(
        () => addTouchpoint(doc, { title: 'Webinar', team: 'marketing', stage: 'warm' }),
        localOrigin,
      );
    });
    expect(latest.controls?.canUndo).toBe(true);
    act(() => latest.controls?.undo());
    expect(readSnapshot(doc).snapshot.touchpoints).toEqual([]);
    expect(latest.controls?.canRedo).toBe(true);
    act(() => latest.controls?.redo());
    expect(readSnapshot(doc).snapshot.touchpoints.map((card) => card.title)).toEqual(['Webinar']);
  });

  it('leaves a colleague’s edit alone', () => {
    const { doc, latest } = mountUndo(true);
    act(() => {
      doc.transact(() => addTouchpoint(doc, { title: 'Theirs', team: 'sales', stage: 'warm' }), 'provider');
    });
    expect(latest.controls?.canUndo).toBe(false);
    act(() => latest.controls?.undo());
    expect(readSnapshot(doc).snapshot.touchpoints).toHaveLength(1);
  });
});
