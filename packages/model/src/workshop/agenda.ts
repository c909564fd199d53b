import { z } from 'zod';

/** One step of a workshop: what the room does and for how long the facilitator plans it. */
export const AgendaItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'An agenda item id is 1–40 lowercase letters, digits or dashes.'),
  title: z.string().trim().min(1, 'An agenda item needs a title.').max(80),
  /** The goal line every screen shows while this phase is current. */
  goal: z.string().trim().max(300).default(''),
  /** Suggested duration; moving to the phase sets the timer to it (paused). */
  minutes: z.number().int().min(1).max(480),
});
export type AgendaItem = z.output<typeof AgendaItemSchema>;
export type AgendaItemInput = z.input<typeof AgendaItemSchema>;

export const AgendaSchema = z
  .array(AgendaItemSchema)
  .min(1, 'An agenda needs at least one phase.')
  .max(20, 'An agenda has at most 20 phases.')
  .refine((items) => new Set(items.map((item) => item.id)).size === items.length, {
    message: 'Two agenda items share an id.',
  });

/** The relay: map the journey, agree the handoff, vote on the biggest gaps, decide actions. */
export const DEFAULT_AGENDA: readonly AgendaItem[] = Object.freeze([
  {
    id: 'map-journey',
    title: 'Map the journey',
    goal: 'Put every touchpoint marketing and sales run on the map, in its stage and lane.',
    minutes: 15,
  },
  {
    id: 'agree-handoff',
    title: 'Agree the handoff',
    goal: 'Give every handoff an owner and the rule that makes a lead sales-ready; sign off each stage.',
    minutes: 10,
  },
  {
    id: 'vote-gaps',
    title: 'Vote on the biggest gaps',
    goal: 'Place your dots on the touchpoints or gaps that lose the most leads.',
    minutes: 10,
  },
  {
    id: 'decide-actions',
    title: 'Decide actions',
    goal: 'Turn the top-voted gaps into decisions and action items, each with an owner and a due date.',
    minutes: 10,
  },
]);

export function defaultAgenda(): AgendaItem[] {
  return DEFAULT_AGENDA.map((item) => ({ ...item }));
}
