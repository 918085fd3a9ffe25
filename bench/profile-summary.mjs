// A V8 CPU profile, summarised by where the time went: self time per npm
// package (the last node_modules/<package> in a function's script path), the
// server's own code (by directory under its root), Node's internals, and V8's
// garbage collector; idle time is left out.
import { fileURLToPath } from 'node:url';

/**
 * @param {{ nodes: Array<{ id: number, callFrame: { url: string, functionName: string } }>, samples: number[], timeDeltas: number[] }} profile
 * @param {string[]} ownRoots directories whose files are the server's own code (named by their path below the root)
 */
export function summariseProfile(profile, ownRoots) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byNode.get(profile.samples[i]);
    const where = classify(node.callFrame, ownRoots);
    if (where === null) continue;
    selfMs.set(where, (selfMs.get(where) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const busyMs = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);
  const rows = [...selfMs]
    .map(([where, ms]) => ({ where, ms: Math.round(ms), share: Math.round((ms / busyMs) * 1000) / 10 }))
    .sort((a, b) => b.ms - a.ms);
  return { busyMs: Math.round(busyMs), rows };
}

function classify({ url, functionName, scriptId }, ownRoots) {
  if (functionName === '(idle)') return null;
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)') return 'V8/native (program)';
  if (functionName === '(root)') return null;
  // A script without a file: code made at run time with `new Function` (graphql-jit's compiled queries, grafast's plans).
  if (!url && scriptId && scriptId !== '0') return 'code compiled at run time (new Function)';
  if (!url) return 'V8/native builtins';
  if (url.startsWith('node:')) return 'Node.js internals';
  if (url.startsWith('wasm://')) return 'WebAssembly';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const at = path.lastIndexOf('/node_modules/');
  if (at >= 0) {
    const parts = path.slice(at + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  for (const root of ownRoots) {
    if (path.startsWith(root)) {
      const rest = path.slice(root.length).replace(/^\//, '').split('/');
      return `own code: ${rest.length > 1 ? rest.slice(0, -1).join('/') : rest[0]}`;
    }
  }
  return 'other';
}
