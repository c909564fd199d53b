import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A stock y-websocket client in Node, as any third-party script would use it. */
export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server completed. */
  synced(timeoutMs?: number): Promise<void>;
  /** Resolves with the next close the server sent this client. */
  nextClose(timeoutMs?: number): Promise<{ code: number; reason: string }>;
  destroy(): void;
}

export function syncUrl(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/sync`;
}

export function connectClient(
  baseUrl: string,
  mapId: string,
  token: string,
  doc: Y.Doc = new Y.Doc(),
  /** More query parameters, such as a workshop's `facilitator` token. */
  params: Record<string, string> = {},
): SyncClient {
  const provider = new WebsocketProvider(syncUrl(baseUrl), mapId, doc, {
    params: { ...params, token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Clients in one process would otherwise also talk over BroadcastChannel, bypassing the server.
    disableBc: true,
  });
  return {
    doc,
    provider,
    synced: (timeoutMs = 10_000) =>
      withTimeout(
        new Promise<void>((resolve) => {
          if (provider.synced) return resolve();
          const onSync = (state: boolean) => {
            if (!state) return;
            provider.off('sync', onSync);
            resolve();
          };
          provider.on('sync', onSync);
        }),
        timeoutMs,
        `map ${mapId} to sync`,
      ),
    nextClose: (timeoutMs = 10_000) =>
      withTimeout(
        new Promise((resolve) => {
          const onClose = (event: { code: number; reason: string } | null) => {
            if (!event) return;
            provider.off('connection-close', onClose);
            resolve({ code: event.code, reason: event.reason });
          };
          provider.on('connection-close', onClose);
        }),
        timeoutMs,
        `a close on map ${mapId}`,
      ),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once `check` holds for `doc`, re-checking on every update it receives. */
export function waitForDoc(
  doc: Y.Doc,
  check: (doc: Y.Doc) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  return withTimeout(
    new Promise<void>((resolve) => {
      if (check(doc)) return resolve();
      const onUpdate = () => {
        if (!check(doc)) return;
        doc.off('update', onUpdate);
        resolve();
      };
      doc.on('update', onUpdate);
    }),
    timeoutMs,
    what,
  );
}

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)),
      timeoutMs,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A raw socket on /sync, for sending frames the stock client never would. */
export function openRawSocket(
  baseUrl: string,
  mapId: string,
  token: string,
  headers: Record<string, string> = {},
) {
  const socket = new WebSocket(
    `${syncUrl(baseUrl)}/${encodeURIComponent(mapId)}?token=${encodeURIComponent(token)}`,
    {
      headers,
    },
  );
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  // The server's first frame (its sync step 1 to an edit link) comes once the token is checked.
  const admitted = new Promise<void>((resolve) => socket.once('message', () => resolve()));
  // An oversized send can fail with EPIPE once the server has closed; the close is what we check.
  socket.on('error', () => {});
  return {
    socket,
    opened: (timeoutMs = 10_000) => withTimeout(opened, timeoutMs, 'the raw socket to open'),
    admitted: (timeoutMs = 10_000) => withTimeout(admitted, timeoutMs, 'the server to admit the raw socket'),
    closed: (timeoutMs = 10_000) => withTimeout(closed, timeoutMs, 'the raw socket to close'),
  };
}

/** The name a client's presence shows for `clientId` (its `user.name`), as a peer sees it. */
export function presenceName(client: SyncClient, clientId: number): string | undefined {
  const state = client.provider.awareness.getStates().get(clientId) as
    | { user?: { name?: string } }
    | undefined;
  return state?.user?.name;
}
