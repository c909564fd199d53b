import { EventEmitter } from 'node:events';
import type { Role } from '../auth/tokens.js';
import type { CommittedUpdates, FanOut, FanOutReceiver } from '../sync/fan-out.js';
import {
  decodeFanOutMessage,
  deliver,
  encodeFanOutMessage,
  type FanOutMessage,
  newNodeId,
} from './fan-out-codec.js';

/** A bus several servers in one process share, so that they behave as nodes (tests, benchmarks). */
export class MemoryBus extends EventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0);
  }
}

/** The fan-out over a MemoryBus: frames encoded as for Redis and delivered on a later tick. */
export class MemoryFanOut implements FanOut {
  readonly kind = 'in-process' as const;
  private readonly node = newNodeId();
  private onFrame: ((frame: Uint8Array) => void) | undefined;

  constructor(private readonly bus: MemoryBus) {}

  publishUpdates(batch: readonly CommittedUpdates[]): void {
    for (const { mapId, updates } of batch) this.send({ kind: 'updates', mapId, updates });
  }

  publishAwareness(mapId: string, update: Uint8Array, role: Role): void {
    this.send({ kind: 'awareness', mapId, update, role });
  }

  publishTokens(mapId: string): void {
    this.send({ kind: 'tokens', mapId });
  }

  publishEvent(mapId: string, name: string, payload: string): void {
    this.send({ kind: 'event', mapId, name, payload });
  }

  listen(receiver: FanOutReceiver): void {
    this.onFrame = (frame) => {
      const decoded = decodeFanOutMessage(frame);
      if (decoded && decoded.node !== this.node) deliver(receiver, decoded.message);
    };
    this.bus.on('frame', this.onFrame);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    if (this.onFrame) this.bus.off('frame', this.onFrame);
  }

  private send(message: FanOutMessage): void {
    const frame = encodeFanOutMessage(this.node, message);
    setImmediate(() => this.bus.emit('frame', frame));
  }
}
