import { type CellPlacement, type ConnectionKind, deriveViewToken, mapUrl } from '@baton/model';
import { Panel } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MapInfo } from '../api/client';
import { JourneyCanvas } from '../canvas/JourneyCanvas';
import { EMPTY_SELECTION, type Selection } from '../canvas/selection';
import { CanvasToolbar } from '../components/CanvasToolbar';
import { ConnectionEditor } from '../components/ConnectionEditor';
import { EmptyState } from '../components/EmptyState';
import { Legend } from '../components/Legend';
import { NamePrompt } from '../components/NamePrompt';
import { type NewTouchpointDraft, NewTouchpointForm } from '../components/NewTouchpointForm';
import { TopBar } from '../components/TopBar';
import { TouchpointEditor } from '../components/TouchpointEditor';
import { Toast, useToast } from '../components/useToast';
import { createMapActions } from '../editing/map-actions';
import { rememberMap } from '../storage/recent-maps';
import { loadProfile, saveProfile } from '../storage/user-profile';
import type { MapSession } from '../sync/map-session';
import { useConnectionState } from '../sync/useConnectionState';
import { useOfflineCopyLoaded } from '../sync/useOfflineCopyLoaded';
import { usePresence } from '../sync/usePresence';
import { useSnapshot } from '../sync/useSnapshot';

interface MapWorkspaceProps {
  session: MapSession;
  info: MapInfo;
  token: string;
}

/** The open map: top bar, the live canvas, and the side panel of whatever is being edited. */
export function MapWorkspace({ session, info, token }: MapWorkspaceProps) {
  const editable = info.role === 'edit';
  const { snapshot } = useSnapshot(session.doc);
  const connection = useConnectionState(session.provider);
  const offlineLoaded = useOfflineCopyLoaded(session);
  const [profile, setProfile] = useState(loadProfile);
  const people = usePresence(session.provider.awareness, profile);
  const [toast, showToast] = useToast();
  const actions = useMemo(
    () => createMapActions(session.doc, session.localOrigin, showToast),
    [session, showToast],
  );
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [draft, setDraft] = useState<NewTouchpointDraft | null>(null);
  const [connectionKind, setConnectionKind] = useState<ConnectionKind | 'auto'>('auto');
  const loaded = connection.synced || offlineLoaded;
  const title = snapshot.meta.title;

  useEffect(() => {
    if (!loaded) return;
    let cancelled = false;
    const origin = window.location.origin;
    const viewToken = editable ? deriveViewToken(token) : Promise.resolve(token);
    viewToken.then((view) => {
      if (cancelled) return;
      rememberMap({
        id: info.id,
        title,
        role: info.role,
        viewUrl: mapUrl(origin, info.id, view),
        ...(editable ? { editUrl: mapUrl(origin, info.id, token) } : {}),
      });
    }, console.error);
    document.title = `${title} · Baton`;
    return () => {
      cancelled = true;
    };
  }, [loaded, title, info, editable, token]);

  const closePanel = useCallback(() => {
    setDraft(null);
    setSelection(EMPTY_SELECTION);
  }, []);

  const requestAdd = useCallback((placement?: CellPlacement) => {
    setSelection(EMPTY_SELECTION);
    setDraft(
      placement
        ? { stage: placement.stage, team: placement.team, at: { x: placement.x, y: placement.y } }
        : { stage: 'cold', team: 'marketing' },
    );
  }, []);

  const selectedTouchpoint =
    selection.touchpoints.length === 1 && selection.connections.length === 0
      ? snapshot.touchpoints.find((tp) => tp.id === selection.touchpoints[0])
      : undefined;
  const selectedConnection =
    selection.connections.length === 1 && selection.touchpoints.length === 0
      ? snapshot.connections.find((connection) => connection.id === selection.connections[0])
      : undefined;

  let panel = null;
  if (editable && draft) {
    panel = (
      <NewTouchpointForm
        key={`${draft.stage}:${draft.team}:${draft.at?.x ?? ''}:${draft.at?.y ?? ''}`}
        draft={draft}
        snapshot={snapshot}
        onCancel={() => setDraft(null)}
        onSubmit={(fields) => {
          const sameCell = draft.stage === fields.stage && draft.team === fields.team;
          const id = actions.addTouchpoint({ ...fields, ...(sameCell ? draft.at : {}) });
          if (!id) return false;
          setDraft(null);
          setSelection({ touchpoints: [id], connections: [] });
          return true;
        }}
      />
    );
  } else if (editable && selectedTouchpoint) {
    panel = (
      <TouchpointEditor
        key={selectedTouchpoint.id}
        touchpoint={selectedTouchpoint}
        snapshot={snapshot}
        actions={actions}
        onClose={closePanel}
      />
    );
  } else if (editable && selectedConnection) {
    panel = (
      <ConnectionEditor
        key={selectedConnection.id}
        connection={selectedConnection}
        snapshot={snapshot}
        actions={actions}
        onClose={closePanel}
      />
    );
  }

  return (
    <div className="map-page" data-testid="map-page" data-role={info.role} data-map-id={info.id}>
      <TopBar
        info={info}
        token={token}
        title={title}
        onRename={actions.setTitle}
        connection={connection.state}
        people={people}
        tools={
          editable && (
            <CanvasToolbar
              onAdd={() => requestAdd()}
              connectionKind={connectionKind}
              onConnectionKindChange={setConnectionKind}
            />
          )
        }
      />
      <div className="map-body">
        <main className="canvas-wrap" aria-busy={!loaded}>
          <JourneyCanvas
            snapshot={snapshot}
            editable={editable}
            actions={actions}
            selection={selection}
            onSelectionChange={setSelection}
            onRequestAdd={requestAdd}
            newConnectionKind={connectionKind}
          >
            <Panel position="bottom-left">
              <Legend />
            </Panel>
            {loaded && snapshot.touchpoints.length === 0 && (
              <Panel position="bottom-center">
                <EmptyState editable={editable} />
              </Panel>
            )}
          </JourneyCanvas>
          {!loaded && (
            <div className="canvas-loading" data-testid="canvas-loading">
              <div className="spinner" aria-hidden="true" />
              Loading the map…
            </div>
          )}
        </main>
        {panel}
      </div>
      <Toast message={toast} />
      {!profile && <NamePrompt onSubmit={(name) => setProfile(saveProfile(name))} />}
    </div>
  );
}
