import { readStored, type StoredRead, type StoredReadResult } from '../http/stored-reads.js';

/**
 * The pool's read threads (pool.ts): whole reads of stored maps. A script of its own, without
 * the renderers and parsers, so a thread starts sooner and holds less. Reads keep the normal
 * CPU priority they had on the event loop: they are short, and someone opening a page waits
 * for them.
 */
export default function read(task: StoredRead): StoredReadResult {
  return readStored(task);
}
