import type { MapAnalysis, MapSnapshot } from '@baton/model';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DiscussPanel, type DiscussTab } from '../discuss/DiscussPanel';
import { createDiscussActions } from '../discuss/discuss-actions';
import { useWorkshopData } from '../discuss/useWorkshopData';
import type { PresenceUser } from '../presence/presence-schema';
import type { WorkshopMember } from '../presence/roster';
import type { UserProfile } from '../storage/user-profile';
import type { MapSession } from '../sync/map-session';
import { useWorkshop } from './useWorkshop';
import { WorkshopBar } from './WorkshopBar';
import { WorkshopCanvasLayer } from './WorkshopCanvasLayer';
import { WorkshopEntry } from './WorkshopEntry';

interface WorkshopLayerOptions {
  session: MapSession;
  mapId: string;
  token: string;
  canEdit: boolean;
  profile: UserProfile | null;
  snapshot: MapSnapshot;
  analysis: MapAnalysis;
  /** The one touchpoint selected on the canvas, if any: the comments panel follows it. */
  selectedTouchpoint: string | null;
  /** Selects a card, which opens its editor in the side panel. */
  onEditTouchpoint: (id: string) => void;
  notify: (message: string) => void;
}

/**
 * Everything the workshop and the discussion add to the map page, as pieces the page places:
 * the top-bar entry, the workshop bar, the canvas layer, the side panel; and whether a lock
 * keeps this browser from editing.
 */
export function useWorkshopLayer(options: WorkshopLayerOptions) {
  const { session, profile, canEdit } = options;
  // The canvas's snapshot reader leaves workshop data out; it is read here, beside it.
  const workshopData = useWorkshopData(session.doc);
  const snapshot = useMemo(
    () => ({ ...options.snapshot, workshop: workshopData }),
    [options.snapshot, workshopData],
  );
  const workshop = useWorkshop({
    mapId: options.mapId,
    token: options.token,
    provider: session.provider,
    notify: options.notify,
  });
  const { state, me } = workshop;
  const [discussOpen, setDiscussOpen] = useState(false);
  const [tab, setTab] = useState<DiscussTab>('comments');
  const [commentTarget, setCommentTarget] = useState<string | null>(null);
  /** The card whose editor the open discussion panel steps aside for. */
  const [editing, setEditing] = useState<string | null>(null);
  const discussActions = useMemo(
    () => createDiscussActions(session.doc, session.localOrigin, options.notify),
    [session, options.notify],
  );
  const selected = options.selectedTouchpoint;
  const tabNow = useRef(tab);
  tabNow.current = tab;
  const editorAsked = useRef<string | null>(null);
  // Clicking a card opens its editor, except on the Comments tab, where it shows the card's
  // threads (with "Open card" for the editor): both stay one click away.
  useEffect(() => {
    if (!selected) {
      setEditing(null);
      return;
    }
    setCommentTarget(selected);
    const asked = editorAsked.current === selected;
    editorAsked.current = null;
    setEditing(tabNow.current === 'comments' && !asked ? null : selected);
  }, [selected]);
  useEffect(() => {
    if (!workshop.ended) return;
    options.notify('The workshop has ended; its results are saved with the map.');
    setTab('results');
    setEditing(null);
    setDiscussOpen(true);
  }, [workshop.ended, options.notify]);
  // The handoff phase is where sign-off happens: open it there for everyone.
  const phase = state?.phase;
  useEffect(() => {
    if (phase === 'agree-handoff') {
      setTab('signoff');
      setEditing(null);
      setDiscussOpen(true);
    } else if (phase === 'decide-actions') {
      setTab('actions');
      setEditing(null);
      setDiscussOpen(true);
    }
  }, [phase]);

  const lockedOut = Boolean(state?.locked && !state.facilitator);
  const canWrite = canEdit && !lockedOut;
  const author = {
    name: me?.name ?? profile?.name ?? 'Someone',
    team: me?.team ?? null,
    participantId: me?.id,
  };
  const signer = me ? { ...author, team: me.team } : null;
  const presenceUser: PresenceUser | null = profile
    ? {
        name: me?.name ?? profile.name,
        color: profile.color,
        team: me?.team ?? null,
        role: workshop.role,
        participantId: me?.id ?? null,
      }
    : null;
  const members: WorkshopMember[] = (state?.participants ?? []).map((p) => ({
    id: p.id,
    name: p.name,
    team: p.team,
    role: p.role,
    online: p.online,
  }));

  const openComments = (id: string) => {
    setCommentTarget(id);
    setTab('comments');
    setEditing(null);
    setDiscussOpen(true);
  };
  const openEditor = (id: string) => {
    if (id !== selected) editorAsked.current = id;
    setEditing(id);
    options.onEditTouchpoint(id);
  };
  // Stepped aside for a card's editor: "Discuss" brings the panel back rather than closing it.
  const steppedAside = discussOpen && editing !== null && editing === selected;
  const toggleDiscuss = () => {
    if (steppedAside) setEditing(null);
    else setDiscussOpen((open) => !open);
  };

  return {
    workshop,
    lockedOut,
    presenceUser,
    members,
    discussOpen,
    entry: (
      <WorkshopEntry
        workshop={workshop}
        canEdit={canEdit}
        defaultName={profile?.name ?? ''}
        discussOpen={discussOpen && !steppedAside}
        onToggleDiscuss={toggleDiscuss}
      />
    ),
    bar: <WorkshopBar workshop={workshop} />,
    canvasLayer: (
      <WorkshopCanvasLayer
        snapshot={snapshot}
        workshop={workshop}
        selected={selected}
        canComment={canWrite}
        onOpenComments={openComments}
      />
    ),
    panel:
      discussOpen && !steppedAside ? (
        <DiscussPanel
          tab={tab}
          onTab={setTab}
          snapshot={snapshot}
          analysis={options.analysis}
          commentTarget={commentTarget}
          onCommentTarget={setCommentTarget}
          onOpenCard={openEditor}
          canWrite={canWrite}
          author={author}
          signer={signer}
          actions={discussActions}
          onClose={() => setDiscussOpen(false)}
        />
      ) : null,
  };
}
