import type { Finding, LeadStage, MapAnalysis, MapSnapshot } from '@baton/model';
import { AnalysisPanel } from '../analysis/AnalysisPanel';
import type { Selection } from '../canvas/selection';
import type { Framing } from '../canvas/useFraming';
import { ConnectionEditor } from '../components/ConnectionEditor';
import { type NewTouchpointDraft, NewTouchpointForm } from '../components/NewTouchpointForm';
import { StageEditor } from '../components/StageEditor';
import { TouchpointEditor } from '../components/TouchpointEditor';
import type { MapActions } from '../editing/map-actions';
import { useEditedTouchpoint } from '../editing/useEditedTouchpoint';
import { ConnectionInspector } from '../inspector/ConnectionInspector';
import { TouchpointInspector } from '../inspector/TouchpointInspector';

interface WorkspacePanelProps {
  snapshot: MapSnapshot;
  analysis: MapAnalysis;
  editable: boolean;
  actions: MapActions;
  selection: Selection;
  draft: NewTouchpointDraft | null;
  stage: LeadStage | null;
  analysisOpen: boolean;
  onAdded: (id: string) => void;
  onClose: () => void;
  onCloseAnalysis: () => void;
  /** The analysis framed cards on the canvas: it stays open beside them. */
  framing: Framing | null;
  onFocusFinding: (finding: Finding) => void;
  onFocusTouchpoint: (id: string) => void;
  onStopFraming: () => void;
}

/**
 * The right-hand panel: whatever is being edited (a new card, a card, a connection, a stage),
 * else the live analysis. It always takes the same width, so the canvas never jumps.
 */
export function WorkspacePanel(props: WorkspacePanelProps) {
  const { snapshot, editable, actions, selection, draft, stage, onClose } = props;
  const edited = useEditedTouchpoint(snapshot, selection);
  const framing = props.framing;
  const selectedConnection =
    !framing && selection.connections.length === 1 && selection.touchpoints.length === 0
      ? snapshot.connections.find((connection) => connection.id === selection.connections[0])
      : undefined;

  if (editable && draft) {
    return (
      <NewTouchpointForm
        key={`${draft.stage}:${draft.team}:${draft.at?.x ?? ''}:${draft.at?.y ?? ''}`}
        draft={draft}
        snapshot={snapshot}
        onCancel={onClose}
        onSubmit={(fields) => {
          const sameCell = draft.stage === fields.stage && draft.team === fields.team;
          const id = actions.addTouchpoint({ ...fields, ...(sameCell ? draft.at : {}) });
          if (!id) return false;
          props.onAdded(id);
          return true;
        }}
      />
    );
  }
  if (editable && edited && !framing) {
    return (
      <TouchpointEditor
        key={edited.touchpoint.id}
        touchpoint={edited.touchpoint}
        deleted={edited.deleted}
        snapshot={snapshot}
        actions={actions}
        onClose={onClose}
      />
    );
  }
  if (editable && selectedConnection) {
    return (
      <ConnectionEditor
        key={selectedConnection.id}
        connection={selectedConnection}
        snapshot={snapshot}
        actions={actions}
        onClose={onClose}
      />
    );
  }
  if (editable && stage) {
    return <StageEditor key={stage} stage={stage} snapshot={snapshot} actions={actions} onClose={onClose} />;
  }
  // Read-only (view link, locked workshop, old version): the same card or connection, to read.
  if (!editable && edited && !edited.deleted && !framing) {
    return (
      <TouchpointInspector
        key={edited.touchpoint.id}
        touchpoint={edited.touchpoint}
        snapshot={snapshot}
        onClose={onClose}
      />
    );
  }
  if (!editable && selectedConnection) {
    return (
      <ConnectionInspector
        key={selectedConnection.id}
        connection={selectedConnection}
        snapshot={snapshot}
        onClose={onClose}
      />
    );
  }
  if (!props.analysisOpen && !framing) return null;
  return (
    <AnalysisPanel
      analysis={props.analysis}
      empty={snapshot.touchpoints.length === 0}
      editable={editable}
      stages={snapshot.stages}
      focusedFindingId={framing?.findingId ?? null}
      onFocusFinding={props.onFocusFinding}
      onStopFocus={props.onStopFraming}
      onSelectTouchpoint={props.onFocusTouchpoint}
      onClose={props.onCloseAnalysis}
    />
  );
}
