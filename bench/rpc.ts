// The benchmarks' child processes and their one protocol: the parent sends
// `{ rpc, type, ...request }`, the child answers `{ rpc, result }` or
// `{ rpc, error }`; disconnecting ends the child.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type Rpc = <T>(type: string, request?: Record<string, unknown>) => Promise<T>;

/** A benchmark's child process (a file beside this one) answering `{ rpc, type, ... }` requests. */
export function child(file: string, execArgv: string[] = []): { process: ChildProcess; call: Rpc } {
  const proc = fork(fileURLToPath(new URL(file, import.meta.url)), [], { execArgv: [...process.execArgv, ...execArgv] });
  let next = 0;
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  proc.on('message', (message: { rpc: number; result?: unknown; error?: string }) => {
    const call = pending.get(message.rpc);
    if (!call) return;
    pending.delete(message.rpc);
    if (message.error) call.reject(new Error(message.error));
    else call.resolve(message.result);
  });
  proc.on('exit', (code) => {
    for (const call of pending.values()) call.reject(new Error(`${file} exited (${code})`));
    pending.clear();
  });
  const call: Rpc = (type, request = {}) =>
    new Promise((resolve, reject) => {
      const rpc = next++;
      pending.set(rpc, { resolve, reject });
      proc.send({ ...request, rpc, type });
    });
  return { process: proc, call };
}

/** The child's side: answers each request with the handler named by its `type`. */
export function answerRequests(handlers: Record<string, (request: any) => unknown>): void {
  process.on('message', (message: { rpc: number; type: string }) => {
    Promise.resolve()
      .then(() => handlers[message.type](message))
      .then(
        (result) => process.send!({ rpc: message.rpc, result }),
        (error) => process.send!({ rpc: message.rpc, error: String(error?.stack ?? error) }),
      );
  });
}
