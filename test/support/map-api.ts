/** The response of `POST /api/maps` (DESIGN.md §4). */
export interface CreatedMap {
  id: string;
  title: string;
  editToken: string;
  viewToken: string;
  editUrl: string;
  viewUrl: string;
}

export async function createMap(baseUrl: string, body: Record<string, unknown> = {}): Promise<CreatedMap> {
  const response = await fetch(`${baseUrl}/api/maps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`POST /api/maps: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreatedMap;
}
