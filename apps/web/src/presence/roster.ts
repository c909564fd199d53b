import type { Person } from './people';

export type PresenceRole = 'facilitator' | 'participant' | 'viewer';

/** Someone a workshop knows about (from the server), online or not. */
export interface WorkshopMember {
  id: string;
  name: string;
  team: 'marketing' | 'sales' | null;
  role: PresenceRole;
  /** What the server knows (its live stream is open); awareness may know better. */
  online?: boolean;
}

/** A line of the people list: a person, their team and role, and whether they are here now. */
export interface RosterEntry {
  key: string;
  name: string;
  color: string;
  team: 'marketing' | 'sales' | null;
  role: PresenceRole | null;
  online: boolean;
  isSelf: boolean;
  /** The awareness client to follow; null when offline. */
  clientId: number | null;
}

const OFFLINE_COLOR = '#94a3b8';

/**
 * Everyone on the map (awareness) merged with everyone in the workshop (server): a workshop
 * member is online when some browser on the map carries their participant id.
 */
export function rosterOf(people: Person[], members: readonly WorkshopMember[] = []): RosterEntry[] {
  const byParticipant = new Map<string, Person>();
  for (const person of people) if (person.participantId) byParticipant.set(person.participantId, person);
  const entries: RosterEntry[] = members.map((member) => {
    const person = byParticipant.get(member.id);
    return {
      key: `member:${member.id}`,
      name: member.name,
      color: person?.color ?? OFFLINE_COLOR,
      team: member.team,
      role: member.role,
      online: Boolean(person) || Boolean(member.online),
      isSelf: person?.isSelf ?? false,
      clientId: person?.clientId ?? null,
    };
  });
  const memberIds = new Set(members.map((member) => member.id));
  for (const person of people) {
    if (person.participantId && memberIds.has(person.participantId)) continue;
    entries.push({
      key: `client:${person.clientId}`,
      name: person.name,
      color: person.color,
      team: person.team ?? null,
      role: members.length > 0 ? (person.role ?? 'viewer') : (person.role ?? null),
      online: true,
      isSelf: person.isSelf,
      clientId: person.clientId,
    });
  }
  return entries.sort(
    (a, b) =>
      Number(b.isSelf) - Number(a.isSelf) ||
      Number(b.online) - Number(a.online) ||
      a.name.localeCompare(b.name),
  );
}
