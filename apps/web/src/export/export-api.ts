/**
 * Export and import over the REST API (DESIGN.md §4): `GET /api/maps/:id/export` downloads a
 * file the server renders; `POST /api/maps/import` turns a JSON export or a CSV into a new map.
 */
import type { ExportFormatId } from '@baton/export';
import type { CreatedMap } from '../api/client';

/** One problem the server found in an imported file, e.g. `row 3, column stage`. */
export interface ImportIssue {
  path: string;
  message: string;
}

/** A refused export or import, carrying the server's sentence and, for imports, every problem. */
export class TransferError extends Error {
  override readonly name = 'TransferError';
  constructor(
    message: string,
    readonly issues: readonly ImportIssue[] = [],
  ) {
    super(message);
  }
}

const UNREACHABLE = 'Baton cannot be reached. Check your connection and try again.';

function isIssue(value: unknown): value is ImportIssue {
  const issue = value as Partial<ImportIssue> | null;
  return typeof issue?.message === 'string' && (issue.path === undefined || typeof issue.path === 'string');
}

async function refusal(response: Response, fallback: string): Promise<TransferError> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown; issues?: unknown } };
    const message = typeof body.error?.message === 'string' ? body.error.message : fallback;
    const issues = Array.isArray(body.error?.issues) ? body.error.issues.filter(isIssue) : [];
    return new TransferError(message, issues);
  } catch {
    return new TransferError(`${fallback} (the server answered ${response.status}).`);
  }
}

/** The file name in `content-disposition`, preferring the UTF-8 `filename*` form. */
export function dispositionFileName(header: string | null): string | undefined {
  if (!header) return undefined;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // Fall through to the plain form.
    }
  }
  return /filename\s*=\s*"([^"]+)"/i.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1];
}

/** Hands a file to the browser's download manager under `fileName`. */
export function saveFile(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download manager time to read the blob before it is released.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface ExportedFile {
  file: Blob;
  fileName: string;
}

/** Fetches the server's rendering of the map; a view token is enough. */
export async function fetchExport(
  mapId: string,
  token: string,
  format: ExportFormatId,
  title: string,
): Promise<ExportedFile> {
  let response: Response;
  try {
    response = await fetch(`/api/maps/${encodeURIComponent(mapId)}/export?format=${format}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  } catch {
    throw new TransferError(UNREACHABLE);
  }
  if (!response.ok) throw await refusal(response, 'The export could not be made');
  const named = dispositionFileName(response.headers.get('content-disposition'));
  // The server always names the file; the package's rule is loaded only if it ever does not.
  const fileName = named ?? (await import('@baton/export')).exportFileName(title, format);
  return { file: await response.blob(), fileName };
}

export type ImportKind = 'json' | 'csv';

/** A `.json` file is a Baton export and a `.csv` a list of touchpoints; anything else is sniffed. */
export function importKindOf(fileName: string, text: string): ImportKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  return text.trimStart().startsWith('{') ? 'json' : 'csv';
}

/** "Q3 leads.csv" → "Q3 leads": the title a CSV import gets. */
export function titleFromFileName(fileName: string): string {
  return fileName.replace(/\.[^.]*$/, '').trim() || 'Imported journey';
}

/** Sends a file's text to `POST /api/maps/import`; nothing is created when the server refuses it. */
export async function importMapFile(fileName: string, text: string): Promise<CreatedMap> {
  const kind = importKindOf(fileName, text);
  const query = kind === 'csv' ? `?title=${encodeURIComponent(titleFromFileName(fileName))}` : '';
  let response: Response;
  try {
    response = await fetch(`/api/maps/import${query}`, {
      method: 'POST',
      headers: { 'content-type': kind === 'json' ? 'application/json' : 'text/csv' },
      body: text,
    });
  } catch {
    throw new TransferError(UNREACHABLE);
  }
  if (!response.ok) throw await refusal(response, `${fileName} could not be imported`);
  return (await response.json()) as CreatedMap;
}
