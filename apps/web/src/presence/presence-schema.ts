import { z } from 'zod';

/**
 * What Baton browsers publish in awareness, and how a received state is read: awareness is a
 * trust boundary (any client can send anything within the server's size cap), so every field is
 * checked and a malformed one is dropped, never shown.
 */
const colour = z.string().regex(/^#[0-9a-f]{6}$/i);

export const PresenceUserSchema = z.object({
  name: z.string().trim().min(1).max(60),
  color: colour.catch('#64748b'),
  team: z.enum(['marketing', 'sales']).nullish().catch(null),
  /** The workshop role, when this browser has joined the workshop running on the map. */
  role: z.enum(['facilitator', 'participant', 'viewer']).nullish().catch(null),
  /** The workshop participant id, to match the server's participant list with who is online. */
  participantId: z.string().max(80).nullish().catch(null),
});
export type PresenceUser = z.output<typeof PresenceUserSchema>;

const coordinate = z.number().finite().min(-1e6).max(1e6);

/** The pointer on the canvas, in flow coordinates; null when it left the canvas. */
export const CursorSchema = z.object({ x: coordinate, y: coordinate }).nullable();
export type Cursor = NonNullable<z.output<typeof CursorSchema>>;

/** The centre of what someone sees, in flow coordinates, and their zoom: what followers copy. */
export const ViewportSchema = z.object({ x: coordinate, y: coordinate, zoom: z.number().min(0.05).max(8) });
export type SharedViewport = z.output<typeof ViewportSchema>;

export function readUser(value: unknown): PresenceUser | null {
  const parsed = PresenceUserSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function readCursor(value: unknown): Cursor | null {
  const parsed = CursorSchema.safeParse(value ?? null);
  return parsed.success ? parsed.data : null;
}

export function readViewport(value: unknown): SharedViewport | null {
  const parsed = ViewportSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
