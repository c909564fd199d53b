import type { ChangeLine } from '@baton/model';
import { Panel, useReactFlow } from '@xyflow/react';
import type { ComparedChanges } from './useVersions';

const LINE_MARKS: Partial<Record<ChangeLine['kind'], string>> = {
  added: 'added',
  removed: 'removed',
  moved: 'changed',
  edited: 'changed',
  resolved: 'added',
  'new-finding': 'removed',
};

/** "Changes since <version>": one line per change; a click frames the cards it is about. */
export function ChangesPanel({
  compared,
  onSelect,
  onClose,
}: {
  compared: ComparedChanges;
  onSelect: (touchpointIds: string[]) => void;
  onClose: () => void;
}) {
  const { fitView } = useReactFlow();
  const frame = (line: ChangeLine) => {
    if (line.touchpointIds.length === 0) return;
    onSelect(line.touchpointIds);
    void fitView({
      nodes: line.touchpointIds.map((id) => ({ id })),
      duration: 450,
      padding: 0.35,
      maxZoom: 1.2,
    });
  };
  return (
    <Panel position="top-right" className="changes-panel">
      <section aria-label="Changes" data-testid="changes-panel">
        <header>
          <h2>Changes since {compared.version.name}</h2>
          <button type="button" onClick={onClose} aria-label="Close the changes" data-testid="changes-close">
            ×
          </button>
        </header>
        <p className="changes-summary">{compared.summary}</p>
        <ul>
          {compared.lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are recomputed whole; order is their identity
            <li key={index} className={`change-line change-${LINE_MARKS[line.kind] ?? 'other'}`}>
              <button
                type="button"
                onClick={() => frame(line)}
                disabled={line.touchpointIds.length === 0}
                data-testid="change-line"
                data-kind={line.kind}
              >
                {line.text}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </Panel>
  );
}
