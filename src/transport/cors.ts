// CORS from an allow-list. Yoga's default reflects any origin and allows
// credentials, so any web page could call the API with a visitor's cookies or
// a browser-held key; here only the configured origins get CORS headers, and
// with none configured no cross-origin page may read a response. Same-origin
// pages and non-browser clients send no Origin to check and are unaffected.
import type { CORSOptions, Plugin } from 'graphql-yoga';

export function corsPolicy(allowedOrigins: readonly string[]): (request: Request) => CORSOptions {
  const allowed = new Set(allowedOrigins);
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.has(origin)) return false;
    return {
      // One origin, the caller's: yoga's list form answers a single-entry list with that entry whatever the caller.
      origin,
      credentials: true,
      methods: ['GET', 'POST'],
      // Without allowedHeaders, the headers a preflight asks for (authorization, stripe-context, last-event-id, ...)
      // are allowed: the origin is trusted.
      maxAge: 600,
    };
  };
}

/** Whether a response carries CORS headers depends on Origin: caches must keep one copy per origin. */
export function useVaryOnOrigin(allowedOrigins: readonly string[]): Plugin {
  if (allowedOrigins.length === 0) return {};
  return {
    onResponse({ response }) {
      const vary = response.headers.get('vary');
      if (!vary?.split(',').some((name) => name.trim().toLowerCase() === 'origin')) {
        response.headers.set('vary', vary ? `${vary}, Origin` : 'Origin');
      }
    },
  };
}

/**
 * Whether a WebSocket handshake may proceed. Browsers apply no CORS to
 * WebSockets: any page can open one and only the server can refuse it, so the
 * handshake gets the same rule as HTTP. No Origin (not a browser) and the
 * server's own origin (same host) pass; other origins only from the allow-list.
 */
export function webSocketOriginAllowed(origin: string | undefined, host: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (!origin) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    // Host only, not scheme: behind a proxy that terminates TLS the page is https and the request reaches us as http.
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
