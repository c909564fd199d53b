import {
  addDecision,
  type DecisionInput,
  type DecisionPatch,
  deleteComment,
  deleteDecision,
  type LeadStage,
  type MapSnapshot,
  ModelError,
  replyToThread,
  setThreadResolved,
  signOffStage,
  startCommentThread,
  type Team,
  updateDecision,
  withdrawSignOff,
} from '@baton/model';
import type * as Y from 'yjs';

/** Who is writing: shown on comments, decisions and sign-offs. */
export interface Author {
  name: string;
  team: Team | null;
  participantId?: string;
}

/** Comment, sign-off and decision writes, tagged with this browser's origin; refusals become toasts. */
export function createDiscussActions(doc: Y.Doc, origin: object, onError: (message: string) => void) {
  const run = (write: () => void): boolean => {
    try {
      doc.transact(write, origin);
      return true;
    } catch (error) {
      onError(error instanceof ModelError ? error.message : 'That could not be saved.');
      return false;
    }
  };
  return {
    startThread: (touchpoint: string, text: string, author: Author) =>
      run(() => void startCommentThread(doc, { touchpoint, text, author: author.name, team: author.team })),
    reply: (thread: string, text: string, author: Author) =>
      run(() => void replyToThread(doc, thread, { text, author: author.name, team: author.team })),
    setResolved: (thread: string, resolved: boolean, author: Author) =>
      run(() => setThreadResolved(doc, thread, resolved, author.name)),
    deleteComment: (id: string) => run(() => deleteComment(doc, id)),
    signOff: (snapshot: MapSnapshot, stage: LeadStage, author: Author & { team: Team }) =>
      run(
        () =>
          void signOffStage(doc, snapshot, {
            stage,
            team: author.team,
            name: author.name,
            ...(author.participantId ? { participantId: author.participantId } : {}),
          }),
      ),
    withdrawSignOff: (stage: LeadStage, team: Team) => run(() => withdrawSignOff(doc, stage, team)),
    addDecision: (input: DecisionInput) => run(() => void addDecision(doc, input)),
    updateDecision: (id: string, patch: DecisionPatch) => run(() => updateDecision(doc, id, patch)),
    deleteDecision: (id: string) => run(() => deleteDecision(doc, id)),
  };
}

export type DiscussActions = ReturnType<typeof createDiscussActions>;
