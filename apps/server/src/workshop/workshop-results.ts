import { type MapSnapshot, stageSignOffs, type WorkshopResult } from '@baton/model';
import { publicBallot } from './public-state.js';
import type { WorkshopRecord } from './workshop-record.js';

/**
 * The record a workshop leaves behind: who came, how long it took, each phase, every revealed
 * ballot with its totals, the stages' sign-offs and the decisions and action items as they stand
 * on the map at the end. A ballot still open at the end was never revealed and stays secret.
 */
export function buildResult(
  record: WorkshopRecord,
  snapshot: MapSnapshot,
  version: { id: string; name: string } | null,
  now: number,
): WorkshopResult {
  const endedAt = new Date(now).toISOString();
  const { data } = record;
  const visits = [...data.phaseLog, { phase: data.phase, startedAt: data.phaseStartedAt, endedAt }];
  const workshop = snapshot.workshop;
  return {
    id: record.id,
    title: data.title,
    startedAt: record.startedAt,
    endedAt,
    durationMs: Math.max(0, now - Date.parse(record.startedAt)),
    versionId: version?.id ?? null,
    versionName: version?.name ?? null,
    participants: data.participants.map(({ id, name, team, role, joinedAt }) => ({
      id,
      name,
      team,
      role,
      joinedAt,
    })),
    phases: visits.map((visit) => {
      const durationMs = Math.max(0, Date.parse(visit.endedAt) - Date.parse(visit.startedAt));
      // A phase since removed from the agenda keeps the title it had.
      const item = data.agenda.find((entry) => entry.id === visit.phase) ?? {
        id: visit.phase,
        title: ('title' in visit && visit.title) || visit.phase,
        goal: '',
        minutes: Math.max(1, Math.round(durationMs / 60_000)),
      };
      return { ...item, startedAt: visit.startedAt, endedAt: visit.endedAt, durationMs };
    }),
    ballots: data.ballots
      .filter((ballot) => ballot.revealedAt !== undefined)
      .map((ballot) => ({ ...publicBallot(ballot), titles: ballot.titles ?? {} })),
    signOffs: stageSignOffs(snapshot, workshop?.signOffs ?? []).map((stage) => ({
      stage: stage.stage,
      status: stage.status,
      marketing: stage.marketing ? { name: stage.marketing.name, signedAt: stage.marketing.signedAt } : null,
      sales: stage.sales ? { name: stage.sales.name, signedAt: stage.sales.signedAt } : null,
      changes: stage.changes,
    })),
    decisions: workshop?.decisions ?? [],
  };
}
