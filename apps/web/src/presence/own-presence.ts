import type { PresenceUser } from './presence-schema';

/** How a view-link holder who gave no name shows in presence. */
export const GUEST: PresenceUser = {
  name: 'Guest',
  color: '#64748b',
  team: null,
  role: 'viewer',
  participantId: null,
};

/**
 * What this browser publishes: its user, and for a view link always the viewer role, so
 * colleagues see who is only watching. A viewer need not give a name: they show as a guest.
 */
export function ownPresence(user: PresenceUser | null, canEdit: boolean): PresenceUser | null {
  if (canEdit) return user;
  if (!user) return GUEST;
  return user.role ? user : { ...user, role: 'viewer' };
}
