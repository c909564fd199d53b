import type { GroupCommit } from './group-commit.js';
import { changeOfStored } from './room-document.js';
import type { RoomOptions } from './room-types.js';
import type { ServerEdit } from './server-change.js';

type ChangeOptions = Pick<RoomOptions, 'store' | 'changeStored' | 'updateLimits' | 'beforeEdit'> & {
  commits: GroupCommit<unknown>;
};

/**
 * A server edit (revealed votes, a workshop's result) of a large map nobody has open on this
 * node, made without opening its room: a read thread makes the edit on the map as stored, and
 * the group commit stores it and tells the other nodes, as it does anyone's edit. Opening the
 * room for it built a 1,000-card map's document on the event loop, twice for a reveal followed
 * by an end, and its garbage paused everyone's edits up to ~100 ms. The caller keeps the map's
 * room from loading meanwhile (rooms.ts), so a room opened later reads the edit from storage.
 * False when it must go through a room after all: a small map (cheaper to open), no read
 * thread, or a stored state that needs the repair a room makes when it opens.
 */
export async function changeUnopened(
  mapId: string,
  edit: ServerEdit,
  options: ChangeOptions,
): Promise<boolean> {
  const { store, beforeEdit, commits } = options;
  if (!options.changeStored) return false;
  const made = await changeOfStored(await store.loadState(mapId), edit, options);
  if (!made) return false;
  const { update, before } = made;
  if (!update) return true;
  await new Promise<void>((resolve, reject) => {
    commits.submit(
      {
        mapId,
        committed: () => {
          // As a room does for any edit: the first of the day keeps the map as it stood before.
          beforeEdit?.(mapId, () => before);
          resolve();
        },
        failed: (_origins, error) => reject(error),
      },
      update,
      undefined,
    );
  });
  return true;
}
