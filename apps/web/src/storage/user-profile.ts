/** Who this browser is on a map: a name asked for once and a colour, kept in localStorage. */
export interface UserProfile {
  name: string;
  color: string;
}

const KEY = 'baton.user';

export const PRESENCE_COLORS = [
  '#e11d48',
  '#7c3aed',
  '#0891b2',
  '#ca8a04',
  '#db2777',
  '#4f46e5',
  '#0d9488',
  '#ea580c',
] as const;

function pickColor(): string {
  const index = Math.floor(Math.random() * PRESENCE_COLORS.length);
  return PRESENCE_COLORS[index] ?? PRESENCE_COLORS[0];
}

export function loadProfile(): UserProfile | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<UserProfile> | null;
    if (typeof parsed?.name === 'string' && parsed.name.trim()) {
      return { name: parsed.name.trim(), color: parsed.color ?? pickColor() };
    }
  } catch {
    // fall through: ask again
  }
  return null;
}

export function saveProfile(name: string): UserProfile {
  const profile = { name: name.trim().slice(0, 40), color: loadProfile()?.color ?? pickColor() };
  try {
    localStorage.setItem(KEY, JSON.stringify(profile));
  } catch {
    // Without storage the name lasts for this visit only.
  }
  return profile;
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? `${words[0]?.[0] ?? ''}${words[1]?.[0] ?? ''}` : name.slice(0, 2);
  return letters.toUpperCase();
}
