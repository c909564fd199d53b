import { ModelError } from '../errors.js';
import type { MapSnapshot } from '../schema.js';
import { B2B_SERVICES } from './b2b-services.js';
import { journeyTemplate } from './build.js';
import { SAAS_FREE_TRIAL } from './saas-trial.js';
import { SMALL_BUSINESS } from './small-business.js';
import type { JourneyTemplate, TemplateOptions } from './types.js';

export { buildTemplate } from './build.js';
export { STARTER_STRATEGIES } from './starter-strategies.js';
export type {
  JourneyTemplate,
  JourneyTemplateDefinition,
  StarterStrategy,
  TemplateConnection,
  TemplateOptions,
  TemplateTouchpoint,
} from './types.js';

/** The journeys a map can start from, as `GET /api/templates` lists them. */
export const TEMPLATES: readonly JourneyTemplate[] = [B2B_SERVICES, SMALL_BUSINESS, SAAS_FREE_TRIAL].map(
  journeyTemplate,
);

export function findTemplate(id: string): JourneyTemplate | undefined {
  return TEMPLATES.find((template) => template.id === id);
}

/** A new map's snapshot from a template; throws a `not-found` ModelError for an unknown id. */
export function templateSnapshot(id: string, options: TemplateOptions = {}): MapSnapshot {
  const template = findTemplate(id);
  if (!template) {
    const known = TEMPLATES.map((entry) => entry.id).join(', ');
    throw new ModelError('not-found', `There is no template ${id}; choose one of ${known}.`);
  }
  return template.build(options);
}
