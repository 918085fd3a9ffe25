// The load generator of bench/read-graph.ts, run as a child process (fork).
//
// It lives in its own process because on a 2-core machine a client sharing the
// server's event loop would steal the very time being measured: every latency
// would include the client's own request building and body reading, queued
// behind the server's work. Here the client only costs a socket read per
// response, on its own thread.
//
// Protocol: the parent sends LoadJob messages; each is answered by one
// LoadResult. The parent disconnects when it is done, which ends this process.
import { Agent, request } from 'node:http';

export interface LoadJob {
  url: string;
  headers: Record<string, string>;
  /** Request i sends bodies[i % bodies.length]: one body, or alternating bodies. */
  bodies: string[];
  /** Requests to send, at most. */
  total: number;
  /** Loops sending requests back to back, each on its own keep-alive connection. */
  concurrency: number;
  /** Stop sending new requests after this long, even if `total` is not reached. */
  timeCapMs: number;
}

export interface LoadResult {
  /** Per request, in completion order: [body index, latency ms, response bytes, ok (1/0)]. */
  samples: Array<[number, number, number, number]>;
  /** From the first request's start to the last response's end. */
  wallMs: number;
  cappedByTime: boolean;
  firstError: string | null;
}

function send(agent: Agent, url: URL, headers: Record<string, string>, body: string): Promise<{ status: number; bytes: number; hasErrors: boolean }> {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(body);
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(payload.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const all = Buffer.concat(chunks);
          // A GraphQL error still answers 200: look for it without paying to parse every body.
          resolve({ status: res.statusCode ?? 0, bytes: all.length, hasErrors: all.includes('"errors"') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function run(job: LoadJob): Promise<LoadResult> {
  const url = new URL(job.url);
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const samples: LoadResult['samples'] = [];
  let next = 0;
  let firstError: string | null = null;
  let cappedByTime = false;
  const started = performance.now();
  const deadline = started + job.timeCapMs;

  async function loop() {
    while (next < job.total) {
      if (performance.now() > deadline) {
        cappedByTime = true;
        return;
      }
      const index = next++;
      const bodyIndex = index % job.bodies.length;
      const t0 = performance.now();
      try {
        const res = await send(agent, url, job.headers, job.bodies[bodyIndex]);
        const ok = res.status === 200 && !res.hasErrors;
        if (!ok && !firstError) firstError = `HTTP ${res.status}${res.hasErrors ? ' with GraphQL errors' : ''}`;
        samples.push([bodyIndex, performance.now() - t0, res.bytes, ok ? 1 : 0]);
      } catch (error) {
        if (!firstError) firstError = String(error);
        samples.push([bodyIndex, performance.now() - t0, 0, 0]);
      }
    }
  }

  await Promise.all(Array.from({ length: job.concurrency }, loop));
  const wallMs = performance.now() - started;
  agent.destroy();
  return { samples, wallMs, cappedByTime, firstError };
}

process.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send!(result),
    (error) => process.send!({ samples: [], wallMs: 0, cappedByTime: false, firstError: String(error) } satisfies LoadResult),
  );
});
process.on('disconnect', () => process.exit(0));
