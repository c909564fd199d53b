import { type AwarenessEntry, decodeAwarenessUpdate } from './awareness-guard.js';
import { type ClientMessage, CloseCode, decodeClientMessage, MalformedMessage } from './protocol.js';
import { type UpdateLimits, UpdateOverLimit } from './update-scan.js';

/** A client's frame as a room acts on it: presence already decoded. */
export type ClientFrame =
  | Exclude<ClientMessage, { kind: 'awareness' }>
  | { kind: 'presence'; entries: AwarenessEntry[] };

/** Why a frame closes its connection, and how loudly that is logged. */
export interface FrameRefusal {
  kind: 'refused';
  code: CloseCode;
  reason: string;
  /** An update over a limit is worth a warning; garbage is only noise. */
  level: 'warn' | 'debug';
  detail: string;
}

/** Reads one frame; a frame that is malformed or over a limit is a refusal, never an exception. */
export function readClientFrame(frame: Uint8Array, limits: UpdateLimits): ClientFrame | FrameRefusal {
  try {
    const message = decodeClientMessage(frame, limits);
    if (message.kind !== 'awareness') return message;
    return { kind: 'presence', entries: decodeAwarenessUpdate(message.update) };
  } catch (error) {
    if (error instanceof UpdateOverLimit) {
      const reason = error.message;
      return {
        kind: 'refused',
        code: CloseCode.updateOverLimit,
        reason,
        level: 'warn',
        detail: `update refused: ${reason}`,
      };
    }
    if (!(error instanceof MalformedMessage)) throw error;
    return {
      kind: 'refused',
      code: CloseCode.malformed,
      reason: 'malformed message',
      level: 'debug',
      detail: `malformed frame: ${error.message}`,
    };
  }
}
