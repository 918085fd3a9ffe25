// The floor of bench/live-floor.ts: a bare WebSocket server (ws, as the
// gateway's) that speaks just enough of graphql-ws for its clients (ack the
// connection, note each subscription's id) and, when asked, writes one ready
// `next` message to every subscription in one synchronous loop. No GraphQL, no
// database, no batching, no checks: what any graphql-ws server on this machine
// must at least spend to reach its subscribers.
//
// Protocol: bench/rpc.ts.
import { WebSocketServer, type WebSocket } from 'ws';
import { answerRequests } from './rpc.ts';

const subscriptions: Array<{ socket: WebSocket; idJson: string }> = [];
let server: WebSocketServer;

const now = () => performance.timeOrigin + performance.now();

const handlers: Record<string, (request: any) => unknown> = {
  async start() {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false, handleProtocols: () => 'graphql-transport-ws' });
    server.on('connection', (socket) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string; id?: string };
        if (message.type === 'connection_init') socket.send('{"type":"connection_ack"}');
        else if (message.type === 'subscribe') subscriptions.push({ socket, idJson: JSON.stringify(message.id) });
      });
      socket.on('close', () => {
        for (let i = subscriptions.length - 1; i >= 0; i -= 1) if (subscriptions[i].socket === socket) subscriptions.splice(i, 1);
      });
    });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    return { url: `ws://127.0.0.1:${port}/graphql` };
  },
  /** Writes the event to every subscription; returns when it started (epoch ms) and how long the loop took. */
  broadcast({ body, raw }: { body: string; raw?: boolean }) {
    const publishedAt = now();
    if (raw) {
      for (const { socket, idJson } of subscriptions) {
        const data = Buffer.from(`{"id":${idJson},"type":"next","payload":{${body}}}`);
        const header = data.length < 126 ? Buffer.from([0x81, data.length]) : Buffer.from([0x81, 126, data.length >> 8, data.length & 255]);
        (socket as unknown as { _socket: import('node:net').Socket })._socket.write(Buffer.concat([header, data]));
      }
    } else for (const { socket, idJson } of subscriptions) socket.send(`{"id":${idJson},"type":"next","payload":{${body}}}`);
    return { publishedAt, loopMs: now() - publishedAt, subscriptions: subscriptions.length };
  },
};

answerRequests(handlers);
process.on('disconnect', () => process.exit(0));
