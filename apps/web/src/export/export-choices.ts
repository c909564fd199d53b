import type { ExportFormatId } from '@baton/export';

/** What the Export menu offers: the server's six formats, and the canvas as it is on screen. */
export type ExportChoiceId = ExportFormatId | 'view-png';

export interface ExportChoice {
  id: ExportChoiceId;
  /** The short tag on the item, e.g. "CSV". */
  tag: string;
  label: string;
  hint: string;
}

export interface ExportGroup {
  heading: string;
  choices: ExportChoice[];
}

export const EXPORT_GROUPS: ExportGroup[] = [
  {
    heading: 'Data and documents',
    choices: [
      { id: 'json', tag: 'JSON', label: 'Baton map', hint: 'The whole map; imports back exactly' },
      { id: 'csv', tag: 'CSV', label: 'Touchpoints', hint: 'One row each, for sheets and CRMs' },
      { id: 'md', tag: 'MD', label: 'Markdown report', hint: 'Stages, handoffs and gaps for a wiki' },
    ],
  },
  {
    heading: 'Pictures',
    choices: [
      { id: 'svg', tag: 'SVG', label: 'Vector image', hint: 'The whole map, sharp at any size' },
      { id: 'png', tag: 'PNG', label: 'Image of the map', hint: 'The whole map, for slides and chat' },
      { id: 'pdf', tag: 'PDF', label: 'PDF document', hint: 'The map on page one, the report after' },
      { id: 'view-png', tag: 'PNG', label: 'Current view', hint: 'The canvas exactly as you see it now' },
    ],
  },
];

export const EXPORT_CHOICES: ExportChoice[] = EXPORT_GROUPS.flatMap((group) => group.choices);
