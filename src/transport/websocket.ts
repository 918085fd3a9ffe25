// Bounds on what an unauthenticated WebSocket client can make the server hold.
// ws reads a whole message into memory before anyone sees it, up to its
// `maxPayload` (100 MiB by default): the server sets a small one. The
// connectionParams, read before the client is authenticated, get a much
// smaller bound of their own, checked before any authentication work.
import type { WebSocketServer } from 'ws';

// graphql-ws's close code for a malformed or refused request (its CloseCode.BadRequest).
export const CLOSE_BAD_REQUEST = 4400;

/** Why connectionParams are refused, or null when their size is fine. */
export function oversizedConnectionParams(params: unknown, maxBytes: number): string | null {
  if (params == null) return null;
  // graphql-ws has parsed them already; their JSON is what the client sent, give or take whitespace.
  const bytes = Buffer.byteLength(JSON.stringify(params));
  return bytes > maxBytes ? `connectionParams too large: ${bytes} bytes, at most ${maxBytes}` : null;
}

/**
 * graphql-ws reports every error on a socket as an internal error of the server
 * (console.error with a stack, then a 4500 close). The errors ws emits on a
 * socket are the client's protocol violations (an oversized frame, a bad
 * opcode: code `WS_ERR_*`), after which ws has already closed the socket with
 * the right code: logging those would let any client fill the log. Only other
 * errors are reported. Call after graphql-ws's `useServer`, whose listener it replaces.
 */
export function reportSocketErrors(server: WebSocketServer, logError: (error: unknown) => void): void {
  server.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error: Error & { code?: string }) => {
      if (!error.code?.startsWith('WS_ERR_')) logError(error);
    });
  });
}
