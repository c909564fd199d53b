import { useCallback, useState } from 'react';

/** The side panels that collapse to an icon rail: the starter strategies (left) and the analysis (right). */
export type SidePanel = 'strategies' | 'analysis';

/** Which side panels are collapsed in this browser, remembered across maps and visits. */
export type CollapsedPanels = Readonly<Record<SidePanel, boolean>>;

const KEY = 'baton.panels';
const NONE_COLLAPSED: CollapsedPanels = { strategies: false, analysis: false };

export function loadCollapsedPanels(): CollapsedPanels {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<CollapsedPanels> | null;
    return {
      strategies: stored?.strategies === true,
      analysis: stored?.analysis === true,
    };
  } catch {
    return NONE_COLLAPSED;
  }
}

function saveCollapsedPanels(panels: CollapsedPanels): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(panels));
  } catch {
    // Storage full or blocked: the choice holds for this visit only.
  }
}

/** The collapsed side panels, and a setter that remembers the choice in this browser. */
export function useCollapsedPanels() {
  const [collapsed, setCollapsed] = useState(loadCollapsedPanels);
  const setPanel = useCallback((panel: SidePanel, isCollapsed: boolean) => {
    setCollapsed((current) => {
      const next = { ...current, [panel]: isCollapsed };
      saveCollapsedPanels(next);
      return next;
    });
  }, []);
  return { collapsed, setPanel };
}
