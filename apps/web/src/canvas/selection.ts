/** What is selected on the canvas: touchpoint ids and connection ids. */
export interface Selection {
  touchpoints: readonly string[];
  connections: readonly string[];
}

export const EMPTY_SELECTION: Selection = { touchpoints: [], connections: [] };

export function toggled(ids: readonly string[], id: string, on: boolean): string[] {
  const rest = ids.filter((existing) => existing !== id);
  return on ? [...rest, id] : rest;
}
