import type { ConnectionKind } from '@baton/model';
import { MarkerType } from '@xyflow/react';
import { CENTRE_HANDLE } from './card-handles';
import type { Line } from './connection-lines';
import type { LabelPlacement } from './edge-labels';
import type { JourneyEdge } from './JourneyEdge';
import { KeptElements, shallowEqual } from './node-reuse';
import { CONNECTION_STYLES } from './palette';

/** Shared per kind and selection, so unchanged edges compare equal field by field. */
const STYLES = new Map<string, JourneyEdge['style']>();
function styleOf(kind: ConnectionKind, selected: boolean): JourneyEdge['style'] {
  const key = `${kind}:${selected}`;
  let style = STYLES.get(key);
  if (!style) {
    const look = CONNECTION_STYLES[kind];
    style = {
      stroke: look.color,
      strokeWidth: selected ? look.width + 1.5 : look.width,
      strokeDasharray: look.dash,
    };
    STYLES.set(key, style);
  }
  return style;
}
const MARKERS = Object.fromEntries(
  Object.entries(CONNECTION_STYLES).map(([kind, look]) => [
    kind,
    { type: MarkerType.ArrowClosed, color: look.color, width: 18, height: 18 },
  ]),
) as Record<ConnectionKind, JourneyEdge['markerEnd']>;

/**
 * React Flow leaves the edge group's `aria-label` off when it is null (its default names the
 * cards' ids), though its type says string; the edge component sets the name itself.
 */
const NO_ARIA_LABEL = null as unknown as string;

function edgeOf(
  line: Line,
  selected: boolean,
  faded: boolean,
  placement: LabelPlacement | null,
): JourneyEdge {
  const { connection, text, sourceHandle, targetHandle } = line;
  return {
    id: connection.id,
    source: connection.source,
    target: connection.target,
    // Every line is drawn to the cards' centres and ends at the facing sides (line-ends.ts).
    sourceHandle: CENTRE_HANDLE,
    targetHandle: CENTRE_HANDLE,
    type: 'journey',
    selected,
    label: text || undefined,
    className: `connection connection-${connection.kind}${faded ? ' dimmed' : ''}`,
    data: {
      kind: connection.kind,
      sourceSide: sourceHandle,
      targetSide: targetHandle,
      stepPosition: line.stepPosition,
      labelOffset: placement?.offset ?? null,
      labelWidth: placement?.width ?? null,
      dimmed: faded,
      connectionLabel: connection.label ?? '',
    },
    style: styleOf(connection.kind, selected),
    markerEnd: MARKERS[connection.kind],
    interactionWidth: 16,
    // Named by the edge component from its cards' titles (React Flow's default says ids).
    ariaLabel: NO_ARIA_LABEL,
  };
}

function sameEdge(a: JourneyEdge, b: JourneyEdge): boolean {
  const { data: left, ...restA } = a;
  const { data: right, ...restB } = b;
  if (!shallowEqual(restA, restB) || !left || !right) return false;
  const offsetA = left.labelOffset;
  const offsetB = right.labelOffset;
  const sameOffset =
    offsetA === offsetB || (!!offsetA && !!offsetB && offsetA.x === offsetB.x && offsetA.y === offsetB.y);
  return (
    sameOffset &&
    left.kind === right.kind &&
    left.sourceSide === right.sourceSide &&
    left.targetSide === right.targetSide &&
    left.stepPosition === right.stepPosition &&
    left.labelWidth === right.labelWidth &&
    left.dimmed === right.dimmed &&
    left.connectionLabel === right.connectionLabel
  );
}

/** What one edge is drawn from. */
interface EdgeInputs {
  line: Line;
  selected: boolean;
  faded: boolean;
  placement: LabelPlacement | null;
}

/**
 * The connections' React Flow edges, kept from one edit to the next, as the cards' nodes are
 * (`CardNodes`): an edge whose line, selection, fading and label place are the very same is not
 * built again, one built again that draws the same keeps the old object, and so does the list.
 */
export class ConnectionEdges {
  private readonly kept = new KeptElements<EdgeInputs, JourneyEdge>();

  build(
    lines: readonly Line[],
    selectedIds: ReadonlySet<string>,
    dimmed: ReadonlySet<string>,
    placements: ReadonlyMap<string, LabelPlacement>,
  ): JourneyEdge[] {
    const built = lines.map((line) => {
      const { connection } = line;
      const { id } = connection;
      const selected = selectedIds.has(id);
      const faded = dimmed.has(connection.source) || dimmed.has(connection.target);
      const placement = placements.get(id) ?? null;
      const kept = this.kept.get(id);
      const known = kept?.inputs;
      if (
        known?.line === line &&
        known.selected === selected &&
        known.faded === faded &&
        known.placement === placement
      )
        return kept?.element as JourneyEdge;
      const edge = edgeOf(line, selected, faded, placement);
      const shown = kept && sameEdge(kept.element, edge) ? kept.element : edge;
      this.kept.set(id, { line, selected, faded, placement }, shown);
      return shown;
    });
    return this.kept.settle(built);
  }
}
