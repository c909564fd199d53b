import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Whom a facilitator token handed to a participant is for. */
export interface GrantAddressee {
  mapId: string;
  participantId: string;
  /** The participant's token hash, as the workshop stores it (never published). */
  participantTokenHash: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A facilitator token handed to a participant travels to the node serving their live stream
 * over the fan-out (Redis), which anyone with access to Redis can read. So it travels sealed
 * (AES-256-GCM) under a key derived from the participant's token hash, which only the nodes
 * hold (from the database): Redis carries nothing that grants anything.
 */
export function sealGrant(facilitatorToken: string, to: GrantAddressee): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFor(to), iv);
  const sealed = Buffer.concat([cipher.update(facilitatorToken, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The facilitator token, or undefined when `sealed` was not sealed for this participant. */
export function openGrant(sealed: string, to: GrantAddressee): string | undefined {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(to), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return undefined;
  }
}

function keyFor(to: GrantAddressee): Buffer {
  return Buffer.from(
    hkdfSync(
      'sha256',
      to.participantTokenHash,
      to.mapId,
      `baton facilitator grant for ${to.participantId}`,
      32,
    ),
  );
}
