import { addConnection } from '../connections.js';
import { createMapDocument, newId } from '../document.js';
import { LEAD_STAGES } from '../enums.js';
import { ModelError } from '../errors.js';
import type { MapSnapshot } from '../schema.js';
import { readSnapshot } from '../snapshot.js';
import { updateStage } from '../stages.js';
import { addTouchpoints } from '../touchpoints.js';
import type { JourneyTemplate, JourneyTemplateDefinition, TemplateOptions } from './types.js';

/**
 * Builds a template through the same writers the canvas uses, so the result passes the schema,
 * and each card takes the next free slot of its cell (`nextFreeSlot`), so none overlap.
 */
export function buildTemplate(
  definition: JourneyTemplateDefinition,
  options: TemplateOptions = {},
): MapSnapshot {
  const makeId = options.newId ?? newId;
  const doc = createMapDocument({
    title: options.title?.trim() || definition.title,
    ...(options.createdAt === undefined ? {} : { createdAt: options.createdAt }),
  });
  const ids = new Map<string, string>();
  doc.transact(() => {
    for (const stage of LEAD_STAGES) {
      const { leads, description } = definition.stages[stage];
      updateStage(doc, stage, description === undefined ? { leads } : { leads, description });
    }
    const cards = definition.touchpoints.map(({ key, ...input }) => {
      if (ids.has(key)) throw new ModelError('invalid-input', `Template ${definition.id} repeats ${key}.`);
      const id = makeId();
      ids.set(key, id);
      return { input, id };
    });
    // All the cards at once: one pass over the placements, however big the template.
    addTouchpoints(doc, cards);
    for (const { from, to, ...fields } of definition.connections) {
      const source = ids.get(from);
      const target = ids.get(to);
      if (!source || !target) {
        throw new ModelError(
          'not-found',
          `Template ${definition.id} connects ${from} → ${to}, which it lacks.`,
        );
      }
      addConnection(doc, { source, target, ...fields }, makeId());
    }
  });
  const { snapshot, warnings } = readSnapshot(doc);
  doc.destroy();
  if (warnings.length > 0) {
    throw new ModelError(
      'invalid-input',
      `Template ${definition.id} does not pass the schema: ${warnings[0]?.message}`,
    );
  }
  return snapshot;
}

export function journeyTemplate(definition: JourneyTemplateDefinition): JourneyTemplate {
  return {
    id: definition.id,
    title: definition.title,
    description: definition.description,
    build: (options) => buildTemplate(definition, options),
  };
}
