import type Database from 'better-sqlite3';
import { z } from 'zod';
import {
  type StorageProblem,
  type StoredVersion,
  VERSION_KINDS,
  type VersionKind,
  type VersionRecord,
} from './map-store.js';

const VersionRowSchema = z.object({
  id: z.string().min(1),
  map_id: z.string().min(1),
  name: z.string(),
  kind: z.enum(VERSION_KINDS),
  created_at: z.string().min(1),
});

const blob = z.instanceof(Uint8Array, { message: 'expected a binary Yjs update' });
const VersionStateRowSchema = VersionRowSchema.extend({ state: blob });

/** Versions in SQLite: immutable named copies of a map's state, one row each. */
export class SqliteVersions {
  private readonly statements;

  constructor(
    db: Database.Database,
    private readonly report: (problem: StorageProblem) => void,
  ) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO map_versions (id, map_id, name, kind, created_at, state)
         VALUES (@id, @mapId, @name, @kind, @createdAt, @state)`,
      ),
      list: db.prepare(
        `SELECT id, map_id, name, kind, created_at FROM map_versions WHERE map_id = ?
         ORDER BY created_at DESC, seq DESC`,
      ),
      find: db.prepare('SELECT * FROM map_versions WHERE map_id = ? AND id = ?'),
      dropBefore: db.prepare('DELETE FROM map_versions WHERE map_id = ? AND kind = ? AND created_at < ?'),
    };
  }

  create(version: StoredVersion): void {
    const { id, mapId, name, kind, createdAt, state } = version;
    this.statements.insert.run({ id, mapId, name, kind, createdAt, state });
  }

  list(mapId: string): VersionRecord[] {
    const versions: VersionRecord[] = [];
    for (const row of this.statements.list.all(mapId)) {
      const parsed = VersionRowSchema.safeParse(row);
      if (parsed.success) versions.push(versionRecord(parsed.data));
      else this.report({ mapId, row: 'version', message: parsed.error.issues[0]?.message ?? 'invalid row' });
    }
    return versions;
  }

  find(mapId: string, versionId: string): StoredVersion | undefined {
    const row = this.statements.find.get(mapId, versionId);
    if (row === undefined) return undefined;
    // The row's shape only: whether its bytes decode is checked off the event loop by the
    // caller (http/read-off-loop.ts, readableVersion).
    const parsed = VersionStateRowSchema.safeParse(row);
    if (!parsed.success) {
      this.report({ mapId, row: 'version', message: parsed.error.issues[0]?.message ?? 'invalid row' });
      return undefined;
    }
    return { ...versionRecord(parsed.data), state: parsed.data.state };
  }

  deleteBefore(mapId: string, kind: VersionKind, before: Date): number {
    return this.statements.dropBefore.run(mapId, kind, before.toISOString()).changes;
  }
}

function versionRecord(row: z.infer<typeof VersionRowSchema>): VersionRecord {
  return { id: row.id, mapId: row.map_id, name: row.name, kind: row.kind, createdAt: row.created_at };
}
