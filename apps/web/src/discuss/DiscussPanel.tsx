import type { MapAnalysis, MapSnapshot, Team } from '@baton/model';
import { CommentThreads } from './CommentThreads';
import { DecisionList } from './DecisionList';
import type { Author, DiscussActions } from './discuss-actions';
import { ResultsView } from './ResultsView';
import { SignOffList } from './SignOffList';

export type DiscussTab = 'comments' | 'signoff' | 'actions' | 'results';

const TABS: [DiscussTab, string][] = [
  ['comments', 'Comments'],
  ['signoff', 'Sign-off'],
  ['actions', 'Actions'],
  ['results', 'Results'],
];

interface DiscussPanelProps {
  tab: DiscussTab;
  onTab: (tab: DiscussTab) => void;
  snapshot: MapSnapshot;
  analysis: MapAnalysis;
  commentTarget: string | null;
  onCommentTarget: (id: string | null) => void;
  /** Opens a touchpoint's editor (the panel steps aside for it). */
  onOpenCard: (id: string) => void;
  canWrite: boolean;
  author: Author;
  signer: (Author & { team: Team }) | null;
  actions: DiscussActions;
  onClose: () => void;
}

/** The right-hand panel for talking it through: comments, stage sign-off, decisions and actions, results. */
export function DiscussPanel(props: DiscussPanelProps) {
  const { tab, snapshot, canWrite, author, actions } = props;
  return (
    <aside className="side-panel discuss-panel" aria-label="Discuss" data-testid="discuss-panel">
      <header className="discuss-tabs" role="tablist">
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'tab active' : 'tab'}
            onClick={() => props.onTab(id)}
            data-testid={`discuss-tab-${id}`}
          >
            {label}
          </button>
        ))}
        <button type="button" className="icon-button" onClick={props.onClose} aria-label="Close the panel">
          ×
        </button>
      </header>
      <div className="discuss-body">
        {tab === 'comments' && (
          <CommentThreads
            snapshot={snapshot}
            touchpointId={props.commentTarget}
            onPickTouchpoint={props.onCommentTarget}
            onOpenCard={props.onOpenCard}
            canWrite={canWrite}
            author={author}
            actions={actions}
          />
        )}
        {tab === 'signoff' && (
          <SignOffList snapshot={snapshot} signer={props.signer} canWrite={canWrite} actions={actions} />
        )}
        {tab === 'actions' && (
          <DecisionList
            snapshot={snapshot}
            analysis={props.analysis}
            canWrite={canWrite}
            author={author}
            actions={actions}
          />
        )}
        {tab === 'results' && <ResultsView results={snapshot.workshop?.results ?? []} />}
      </div>
    </aside>
  );
}
