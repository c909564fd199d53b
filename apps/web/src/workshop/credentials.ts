/**
 * This browser's workshop tokens for one map, kept for the tab's life (sessionStorage): the
 * facilitator token (whoever started the workshop, or was handed it) and the participant token
 * (whoever joined with a name and team). Both are scoped by the server to the map and workshop.
 */
export interface WorkshopCredentials {
  workshopId: string;
  facilitatorToken?: string;
  participantToken?: string;
  participantId?: string;
  /** When this browser got them (its clock): a state older than this cannot disown them. */
  savedAt?: number;
}

const keyOf = (mapId: string) => `baton.workshop.${mapId}`;

export function loadCredentials(mapId: string): WorkshopCredentials | null {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(keyOf(mapId)) ?? 'null') as WorkshopCredentials | null;
    return parsed && typeof parsed.workshopId === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export function saveCredentials(mapId: string, credentials: WorkshopCredentials | null): void {
  try {
    if (credentials)
      sessionStorage.setItem(keyOf(mapId), JSON.stringify({ savedAt: Date.now(), ...credentials }));
    else sessionStorage.removeItem(keyOf(mapId));
  } catch {
    // Without storage the role lasts until the page is reloaded.
  }
}
