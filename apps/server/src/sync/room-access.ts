import { type Role, roleFor, type TokenHashes } from '../auth/tokens.js';
import { CloseCode } from './protocol.js';
import type { RoomConnection } from './room-types.js';

/**
 * Who may be in a room: the map's share-link hashes, the connections being admitted (their
 * token checked against the store), and the connections the room closed — whose later frames
 * are ignored. A rotation closes every socket whose token no longer grants its role, including
 * one still being admitted.
 */
export class RoomAccess {
  private readonly admitting = new Set<RoomConnection>();
  private readonly refused = new WeakSet<RoomConnection>();
  private tokenReads = 0;

  constructor(
    private tokens: TokenHashes,
    private readonly connections: ReadonlySet<RoomConnection>,
  ) {}

  roleOf(tokenHash: string): Role | undefined {
    return roleFor(this.tokens, tokenHash);
  }

  /** Admission, step 1: from now on a rotation (on any node) refuses this connection. */
  expect(connection: RoomConnection): void {
    this.admitting.add(connection);
  }

  /** Admission, step 2: false when the links were rotated while the token was being checked. */
  admit(connection: RoomConnection): boolean {
    this.admitting.delete(connection);
    return !this.refused.has(connection);
  }

  isRefused(connection: RoomConnection): boolean {
    return this.refused.has(connection);
  }

  /** Closes a connection for good: its frames still in flight are ignored. */
  refuse(connection: RoomConnection, code: CloseCode, reason: string): void {
    this.refused.add(connection);
    connection.close(code, reason);
  }

  /** New share links: every socket opened with a token that no longer grants its role is closed. */
  replaceTokens(tokens: TokenHashes): void {
    this.tokens = tokens;
    for (const connection of [...this.connections, ...this.admitting]) {
      if (this.roleOf(connection.tokenHash) !== connection.role) {
        this.refuse(connection, CloseCode.unauthorized, 'share links were rotated');
      }
    }
  }

  /** Rotated here: these hashes win over any read of the store still under way. */
  rotated(tokens: TokenHashes): void {
    this.tokenReads++;
    this.replaceTokens(tokens);
  }

  /** Counts token reads and rotations: a periodic check that started before one is stale. */
  get generation(): number {
    return this.tokenReads;
  }

  /**
   * The periodic check read these hashes from the store when `generation` was current: if no
   * rotation or read came since and they differ, the links were rotated elsewhere and the
   * message never arrived.
   */
  checked(tokens: TokenHashes, generation: number): void {
    if (generation !== this.tokenReads) return;
    if (tokens.edit === this.tokens.edit && tokens.view === this.tokens.view) return;
    this.tokenReads++;
    this.replaceTokens(tokens);
  }

  /** Rotated elsewhere: `read` fetches the hashes from the store; the latest read wins. */
  async refresh(read: () => Promise<TokenHashes | undefined>): Promise<void> {
    const attempt = ++this.tokenReads;
    const tokens = await read().catch(() => undefined);
    if (tokens && attempt === this.tokenReads) this.replaceTokens(tokens);
  }
}
