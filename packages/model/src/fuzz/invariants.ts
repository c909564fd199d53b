import * as Y from 'yjs';
import {
  ConnectionFieldsSchema,
  mapDocument,
  PlacementEntrySchema,
  readSnapshot,
  SCHEMA_VERSION,
  TouchpointFieldsSchema,
} from '../index.js';

/**
 * What must hold on every replica once the network is quiet. Returns the broken rules, each a
 * sentence, so a failing seed says what went wrong.
 */
export function brokenInvariants(docs: readonly { name: string; doc: Y.Doc }[]): string[] {
  const problems: string[] = [];
  const snapshots = docs.map(({ name, doc }) => ({
    name,
    doc,
    text: JSON.stringify(readSnapshot(doc).snapshot),
  }));
  const first = snapshots[0];
  for (const replica of snapshots) {
    if (first && replica.text !== first.text)
      problems.push(`${replica.name}'s snapshot differs from ${first.name}'s`);
  }
  for (const { name, doc } of docs)
    problems.push(...documentProblems(doc).map((problem) => `${name}: ${problem}`));
  return problems;
}

function documentProblems(doc: Y.Doc): string[] {
  const problems: string[] = [];
  const shared = mapDocument(doc);
  if (shared.meta.get('schemaVersion') !== SCHEMA_VERSION) problems.push('the map was not upgraded');
  const { snapshot, warnings } = readSnapshot(doc);
  const cards = [...shared.touchpoints.keys()].sort();
  const shown = snapshot.touchpoints.map((card) => card.id);
  if (JSON.stringify(shown) !== JSON.stringify(cards))
    problems.push(`cards in the document ${cards.join(',')} but on the map ${shown.join(',')}`);
  for (const card of snapshot.touchpoints) {
    if (!TouchpointFieldsSchema.safeParse(card).success) problems.push(`card ${card.id} fails the schema`);
  }
  const placed = new Map<string, number>();
  shared.placements.forEach((raw) => {
    const entry = PlacementEntrySchema.safeParse(raw instanceof Y.AbstractType ? raw.toJSON() : raw);
    if (!entry.success) problems.push('an invalid placement entry');
    else placed.set(entry.data.touchpoint, (placed.get(entry.data.touchpoint) ?? 0) + 1);
  });
  for (const [touchpoint, count] of placed) {
    if (!shared.touchpoints.has(touchpoint)) problems.push(`orphan placement of ${touchpoint}`);
    else if (count !== 1) problems.push(`card ${touchpoint} has ${count} placements`);
  }
  for (const card of cards) if (!placed.has(card)) problems.push(`card ${card} has no placement`);
  for (const connection of snapshot.connections) {
    if (!ConnectionFieldsSchema.safeParse(connection).success)
      problems.push(`connection ${connection.id} fails the schema`);
    if (!shared.touchpoints.has(connection.source) || !shared.touchpoints.has(connection.target))
      problems.push(`connection ${connection.id} to a missing card`);
  }
  const unexpected = warnings.filter((warning) => !warning.message.includes('not on the map'));
  for (const warning of unexpected) problems.push(`warning ${warning.path}: ${warning.message}`);
  return problems;
}
