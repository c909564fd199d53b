import { analyzeMap } from '../analysis/index.js';
import type { Finding } from '../analysis/types.js';
import { LEAD_STAGES, type LeadStage } from '../enums.js';
import type { Connection, MapSnapshot, Touchpoint } from '../schema.js';
import { connectionFieldChanges, touchpointFieldChanges } from './fields.js';
import type {
  ConnectionEdit,
  ConnectionRef,
  HandoffChange,
  MapChanges,
  StageLeadChange,
  TouchpointEdit,
  TouchpointMove,
  TouchpointRef,
} from './types.js';

function touchpointRef(touchpoint: Touchpoint): TouchpointRef {
  const { id, title, stage, team } = touchpoint;
  return { id, title, stage, team };
}

function connectionRef(connection: Connection, ...snapshots: MapSnapshot[]): ConnectionRef {
  const title = (id: string) => {
    for (const snapshot of snapshots) {
      const found = snapshot.touchpoints.find((touchpoint) => touchpoint.id === id);
      if (found) return found.title;
    }
    return id;
  };
  return {
    id: connection.id,
    kind: connection.kind,
    sourceId: connection.source,
    targetId: connection.target,
    sourceTitle: title(connection.source),
    targetTitle: title(connection.target),
  };
}

const byId = <T extends { id: string }>(entries: T[]) => new Map(entries.map((entry) => [entry.id, entry]));

/** Findings worth reporting as resolved or new: the ones that ask for action. */
const actionable = (findings: Finding[]) =>
  byId(findings.filter((finding) => finding.severity === 'warning' || finding.severity === 'problem'));

function touchpointChanges(from: MapSnapshot, to: MapSnapshot): MapChanges['touchpoints'] {
  const before = byId(from.touchpoints);
  const after = byId(to.touchpoints);
  const moved: TouchpointMove[] = [];
  const edited: TouchpointEdit[] = [];
  for (const [id, now] of after) {
    const then = before.get(id);
    if (!then) continue;
    if (then.stage !== now.stage || then.team !== now.team) {
      moved.push({
        touchpoint: touchpointRef(now),
        from: { stage: then.stage, team: then.team },
        to: { stage: now.stage, team: now.team },
      });
    }
    const fields = touchpointFieldChanges(then, now);
    if (fields.length > 0) edited.push({ touchpoint: touchpointRef(now), fields });
  }
  return {
    added: to.touchpoints.filter((touchpoint) => !before.has(touchpoint.id)).map(touchpointRef),
    removed: from.touchpoints.filter((touchpoint) => !after.has(touchpoint.id)).map(touchpointRef),
    moved,
    edited,
  };
}

function connectionChanges(
  from: MapSnapshot,
  to: MapSnapshot,
): { connections: MapChanges['connections']; handoffs: HandoffChange[] } {
  const before = byId(from.connections);
  const after = byId(to.connections);
  const edited: ConnectionEdit[] = [];
  const handoffs: HandoffChange[] = [];
  for (const [id, now] of after) {
    const then = before.get(id);
    if (!then) continue;
    const ref = connectionRef(now, to, from);
    const isHandoff = then.kind === 'handoff' || now.kind === 'handoff';
    const fields = connectionFieldChanges(then, now, isHandoff);
    if (fields.length > 0) edited.push({ connection: ref, fields });
    if (!isHandoff) continue;
    const handoff: HandoffChange = { connection: ref };
    if (then.owner !== now.owner) handoff.owner = { from: then.owner, to: now.owner };
    if (then.rule !== now.rule) handoff.rule = { from: then.rule, to: now.rule };
    if (handoff.owner || handoff.rule) handoffs.push(handoff);
  }
  return {
    connections: {
      added: to.connections.filter((entry) => !before.has(entry.id)).map((entry) => connectionRef(entry, to)),
      removed: from.connections
        .filter((entry) => !after.has(entry.id))
        .map((entry) => connectionRef(entry, from)),
      edited,
    },
    handoffs,
  };
}

function stageChanges(from: MapSnapshot, to: MapSnapshot): StageLeadChange[] {
  return LEAD_STAGES.filter((stage) => from.stages[stage].leads !== to.stages[stage].leads).map((stage) => ({
    stage,
    label: to.stages[stage].label,
    from: from.stages[stage].leads,
    to: to.stages[stage].leads,
  }));
}

function findingChanges(from: MapSnapshot, to: MapSnapshot): MapChanges['findings'] {
  const before = actionable(analyzeMap(from).findings);
  const after = actionable(analyzeMap(to).findings);
  return {
    resolved: [...before.values()].filter((finding) => !after.has(finding.id)),
    new: [...after.values()].filter((finding) => !before.has(finding.id)),
  };
}

/**
 * What changed from one snapshot of a map to another: touchpoints added, removed, moved
 * (stage or team) and edited (field by field), connections added, removed and edited,
 * handoff owners and rules, stage lead counts, and the analysis findings resolved and new.
 * Pure: both snapshots are only read.
 */
export function computeChanges(from: MapSnapshot, to: MapSnapshot): MapChanges {
  const touchpoints = touchpointChanges(from, to);
  const { connections, handoffs } = connectionChanges(from, to);
  const stages = stageChanges(from, to);
  const findings = findingChanges(from, to);
  const title = from.meta.title === to.meta.title ? undefined : { from: from.meta.title, to: to.meta.title };
  const count =
    (title ? 1 : 0) +
    touchpoints.added.length +
    touchpoints.removed.length +
    touchpoints.moved.length +
    touchpoints.edited.length +
    connections.added.length +
    connections.removed.length +
    connections.edited.length +
    handoffs.length +
    stages.length +
    findings.resolved.length +
    findings.new.length;
  const stageLabels = Object.fromEntries(
    LEAD_STAGES.map((stage) => [stage, to.stages[stage].label]),
  ) as Record<LeadStage, string>;
  return {
    ...(title ? { title } : {}),
    touchpoints,
    connections,
    handoffs,
    stages,
    findings,
    stageLabels,
    count,
  };
}
