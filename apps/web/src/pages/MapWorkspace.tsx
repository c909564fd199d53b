import type { ConnectionKind } from '@baton/model';
import { Panel } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import { gapLabels } from '../analysis/gap-labels';
import { useLiveAnalysis } from '../analysis/useLiveAnalysis';
import type { MapInfo } from '../api/client';
import { CanvasBar } from '../canvas/CanvasBar';
import type { CanvasView } from '../canvas/canvas-view';
import { emphasisOf, NO_FILTER } from '../canvas/filters';
import { JourneyCanvas } from '../canvas/JourneyCanvas';
import { EMPTY_SELECTION } from '../canvas/selection';
import { useFraming } from '../canvas/useFraming';
import { CanvasToolbar } from '../components/CanvasToolbar';
import { EmptyState } from '../components/EmptyState';
import { NamePrompt } from '../components/NamePrompt';
import { TopBar } from '../components/TopBar';
import { Toast, useToast } from '../components/useToast';
import { createMapActions } from '../editing/map-actions';
import { tidyMoves } from '../editing/tidy';
import { useUndo } from '../editing/useUndo';
import { AddNoteButton } from '../notes/AddNoteButton';
import { createNoteActions } from '../notes/note-actions';
import { StickyNotes } from '../notes/StickyNotes';
import { AnalysisRail } from '../panels/AnalysisRail';
import { useCollapsedPanels } from '../panels/panel-prefs';
import { StrategySide } from '../panels/StrategySide';
import { LiveCursors } from '../presence/LiveCursors';
import { ownPresence } from '../presence/own-presence';
import { PeopleMenu } from '../presence/PeopleMenu';
import { rosterOf } from '../presence/roster';
import { useFollow, useViewportBroadcast } from '../presence/useFollow';
import { usePeople } from '../presence/usePeople';
import { useStable } from '../presence/useStable';
import { LinkRevokedBanner } from '../share/LinkRevokedBanner';
import { loadProfile, saveProfile } from '../storage/user-profile';
import { createDragBroadcast } from '../sync/drag-presence';
import type { MapSession } from '../sync/map-session';
import { useConnectionState } from '../sync/useConnectionState';
import { useEarlyCopyLoaded } from '../sync/useEarlyCopyLoaded';
import { useDeferredSnapshot } from '../sync/useSnapshot';
import { UnreadableEntries } from '../unreadable/UnreadableEntries';
import { ChangesPanel } from '../versions/ChangesPanel';
import { ChangeMarksProvider } from '../versions/change-marks';
import { useVersions } from '../versions/useVersions';
import { VersionBanner } from '../versions/VersionBanner';
import { VersionMenu } from '../versions/VersionMenu';
import '../versions/versions.css';
import { useWorkshopLayer } from '../workshop/useWorkshopLayer';
import { useClipboard } from './useClipboard';
import { useMapShortcuts } from './useMapShortcuts';
import { useRememberMap } from './useRememberMap';
import { useWorkspaceSelection } from './useWorkspaceSelection';
import { WorkspacePanel } from './WorkspacePanel';

interface MapWorkspaceProps {
  session: MapSession;
  info: MapInfo;
  token: string;
}

/** The open map: top bar, starter strategies, the live canvas, and the editor or analysis panel. */
export function MapWorkspace({ session, info, token }: MapWorkspaceProps) {
  const canEdit = info.role === 'edit';
  const { snapshot: live, warnings, provisional } = useDeferredSnapshot(session.doc);
  const connection = useConnectionState(session.provider);
  const earlyCopyLoaded = useEarlyCopyLoaded(session);
  const [profile, setProfile] = useState(loadProfile);
  const awareness = session.provider.awareness;
  const { following, follow } = useFollow(awareness);
  useViewportBroadcast(awareness);
  const dragBroadcast = useMemo(() => createDragBroadcast(awareness), [awareness]);
  const [toast, showToast] = useToast();
  const versions = useVersions(info.id, token, live, showToast);
  // An old version is shown read-only in place of the live map; the live map keeps syncing.
  const snapshot = versions.viewing ? versions.canvasSnapshot : live;
  const actions = useMemo(
    () => createMapActions(session.doc, session.localOrigin, showToast),
    [session, showToast],
  );
  const undo = useUndo(session.doc, session.localOrigin);
  const noteActions = useMemo(
    () => createNoteActions(session.doc, session.localOrigin, showToast),
    [session, showToast],
  );
  const [freshNoteId, setFreshNoteId] = useState<string | null>(null);
  const { selection, setSelection, draft, stage, select, selectOne, closePanel, requestAdd, editStage } =
    useWorkspaceSelection();
  const { collapsed, setPanel } = useCollapsedPanels();
  const [filter, setFilter] = useState(NO_FILTER);
  const [connectionKind, setConnectionKind] = useState<ConnectionKind | 'auto'>('auto');
  const loaded = connection.synced || earlyCopyLoaded;
  useRememberMap(loaded, live.meta.title, info, token);

  // A replaced link can no longer write: the server refuses it, so the map turns read-only, and
  // nothing that needs the server (a workshop, the discussion) is offered.
  const revoked = connection.state === 'revoked';
  // Drawn from the server's first copy, the map can be changed once the document holds it.
  const writable = canEdit && !provisional && !versions.viewing && !revoked;
  const analysis = useLiveAnalysis(snapshot);
  const layer = useWorkshopLayer({
    session,
    mapId: info.id,
    token,
    canEdit,
    profile,
    snapshot,
    analysis,
    selectedTouchpoint: selection.touchpoints.length === 1 ? (selection.touchpoints[0] ?? null) : null,
    onEditTouchpoint: selectOne,
    notify: showToast,
  });
  // A locked workshop map is read-only for everyone but its facilitators (the server enforces it too).
  const editable = writable && !layer.lockedOut;
  const me = ownPresence(layer.presenceUser, canEdit);
  const people = usePeople(awareness, useStable(me));
  // Editors are asked their name on arrival; viewers only if they choose to give one.
  const [askingName, setAskingName] = useState(false);
  // An empty map is all gaps: its empty state says so better than eight red cells.
  const empty = snapshot.touchpoints.length === 0;
  const gaps = useMemo(
    () => (empty ? new Map<string, string>() : gapLabels(analysis.coverage)),
    [analysis, empty],
  );
  const emphasis = useMemo(() => emphasisOf(snapshot, filter), [snapshot, filter]);
  const view: CanvasView = useMemo(() => ({ emphasis, gaps }), [emphasis, gaps]);

  const { focusFinding, focusTouchpoint, framing, stopFraming } = useFraming(snapshot, select, selection);
  const collapseAnalysis = useCallback(() => {
    stopFraming();
    setPanel('analysis', true);
  }, [stopFraming, setPanel]);
  const clipboard = useClipboard(snapshot, selection, actions, select);

  useMapShortcuts(editable, { snapshot, selection, undo, clipboard, select, selectOne, closePanel });

  return (
    <div className="map-page" data-testid="map-page" data-role={info.role} data-map-id={info.id}>
      <TopBar
        info={info}
        editable={writable}
        titleLocked={layer.lockedOut}
        shareable={!revoked}
        token={token}
        title={snapshot.meta.title}
        onRename={actions.setTitle}
        versions={<VersionMenu versions={versions} editable={editable} />}
        connection={connection.state}
        presence={
          <>
            {!revoked && layer.entry}
            <PeopleMenu
              roster={rosterOf(people, layer.members)}
              followingClientId={following.clientId}
              onFollow={follow}
              onAddName={!profile ? () => setAskingName(true) : undefined}
            />
          </>
        }
        analysis={{
          open: !collapsed.analysis,
          healthy: analysis.healthy,
          empty,
          problems: analysis.counts.problem,
          onToggle: () => (collapsed.analysis ? setPanel('analysis', false) : collapseAnalysis()),
        }}
        tools={
          editable && (
            <>
              <CanvasToolbar
                onAdd={() => requestAdd()}
                connectionKind={connectionKind}
                onConnectionKindChange={setConnectionKind}
                undo={undo}
                onTidy={() => actions.moveTouchpoints(tidyMoves(snapshot))}
              />
              <AddNoteButton onAdd={(at) => setFreshNoteId(noteActions.add(at, profile?.name ?? ''))} />
            </>
          )
        }
      />
      {revoked && <LinkRevokedBanner />}
      <UnreadableEntries doc={session.doc} warnings={warnings} />
      {layer.bar}
      <VersionBanner versions={versions} mapId={info.id} token={token} />
      <div className={`map-body${collapsed.analysis ? ' analysis-collapsed' : ''}`}>
        {editable && (
          <StrategySide
            snapshot={snapshot}
            collapsed={collapsed.strategies}
            onCollapsedChange={(on) => setPanel('strategies', on)}
            onAdd={(strategy, at) => {
              const id = actions.addTouchpoint({ ...strategy, stage: at });
              if (id) selectOne(id);
            }}
          />
        )}
        <main className={`canvas-wrap${versions.viewing ? ' version-view' : ''}`} aria-busy={!loaded}>
          <CanvasBar filter={filter} onFilterChange={setFilter} snapshot={snapshot} />
          <div className="canvas-frame">
            <ChangeMarksProvider>
              <JourneyCanvas
                snapshot={versions.canvasSnapshot}
                liveDoc={versions.mode.mode === 'live' ? session.doc : undefined}
                editable={editable}
                actions={actions}
                selection={selection}
                onSelectionChange={setSelection}
                view={view}
                dragBroadcast={editable ? dragBroadcast : undefined}
                awareness={awareness}
                onRequestAdd={requestAdd}
                onEditStage={editStage}
                newConnectionKind={connectionKind}
              >
                <StickyNotes
                  notes={snapshot.notes}
                  editable={editable}
                  actions={noteActions}
                  freshNoteId={freshNoteId}
                />
                {layer.canvasLayer}
                {!versions.viewing && <LiveCursors awareness={awareness} />}
                {versions.compared && (
                  <ChangesPanel
                    compared={versions.compared}
                    onSelect={(ids) =>
                      select({
                        touchpoints: ids.filter((id) => live.touchpoints.some((tp) => tp.id === id)),
                        connections: [],
                      })
                    }
                    onClose={versions.backToLive}
                  />
                )}
                {loaded && snapshot.touchpoints.length === 0 && (
                  <Panel position="top-center" className="empty-panel">
                    <EmptyState editable={editable} />
                  </Panel>
                )}
              </JourneyCanvas>
            </ChangeMarksProvider>
          </div>
          {!loaded && (
            <div className="canvas-loading" data-testid="canvas-loading">
              <div className="spinner" aria-hidden="true" />
              Loading the map…
            </div>
          )}
        </main>
        {layer.panel ?? (
          <WorkspacePanel
            snapshot={snapshot}
            analysis={analysis}
            editable={editable}
            actions={actions}
            selection={selection}
            draft={draft}
            stage={stage}
            analysisOpen={!collapsed.analysis}
            onAdded={selectOne}
            onClose={closePanel}
            onCloseAnalysis={collapseAnalysis}
            framing={framing}
            onFocusFinding={focusFinding}
            onFocusTouchpoint={focusTouchpoint}
            onStopFraming={() => {
              stopFraming();
              select(EMPTY_SELECTION);
            }}
          />
        )}
        {collapsed.analysis && (
          <AnalysisRail
            empty={empty}
            healthy={analysis.healthy}
            problems={analysis.counts.problem}
            onExpand={() => setPanel('analysis', false)}
          />
        )}
      </div>
      <Toast message={toast} />
      {!profile && (canEdit || askingName) && (
        <NamePrompt
          onSubmit={(name) => setProfile(saveProfile(name))}
          onCancel={canEdit ? undefined : () => setAskingName(false)}
        />
      )}
    </div>
  );
}
