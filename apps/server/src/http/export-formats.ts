import { exportJson } from '@baton/export';
import type { MapSnapshot } from '@baton/model';

export interface ExportFormat {
  contentType: string;
  /** Appended to the slug of the title to make the download name. */
  extension: string;
  render(snapshot: MapSnapshot): string | Uint8Array | Promise<string | Uint8Array>;
}

/** `?format=` → how to make the file. Adding a format is one entry here. */
export const EXPORT_FORMATS: Record<string, ExportFormat> = {
  json: {
    contentType: 'application/json; charset=utf-8',
    extension: 'baton.json',
    render: (snapshot) => exportJson(snapshot),
  },
};

/** "Q3 Launch: Webinar!" → "q3-launch-webinar"; never empty, safe inside a quoted filename. */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'journey-map';
}

export function downloadName(title: string, format: ExportFormat): string {
  return `${slugOf(title)}.${format.extension}`;
}
