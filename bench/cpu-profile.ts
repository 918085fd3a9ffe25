// A V8 CPU profile (node:inspector's Profiler, or a `node --cpu-prof` file)
// summed by where the time went: the npm package whose code ran, the
// gateway's own source folder, Node's internals, or V8 itself (garbage
// collection, builtins such as JSON.stringify, idle).
import type { Profiler } from 'node:inspector';

export interface ProfileSummary {
  /** Sampled time, ms (idle included). */
  totalMs: number;
  /** Sampled time the process was busy, ms. */
  busyMs: number;
  /** Self time by package or area, busiest first, with its share of busy time. */
  byPackage: Array<{ name: string; ms: number; share: number }>;
  /** The busiest functions by self time. */
  topFunctions: Array<{ name: string; where: string; ms: number; share: number }>;
}

export function areaOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(idle)' || functionName === '(program)' || functionName === '(garbage collector)' || functionName === '(root)') {
      return functionName;
    }
    return '(V8 builtins)';
  }
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) return 'node (internals)';
  const source = /\/(src|bench|test)\/([^/]+)\//.exec(url);
  if (source) return `gateway ${source[1]}/${source[2]}`;
  const file = /\/(src|bench|test)\/([^/]+)$/.exec(url);
  if (file) return `gateway ${file[1]}/${file[2]}`;
  return url;
}

export function summarizeProfile(profile: Profiler.Profile, top = 12): ProfileSummary {
  // Each sample's time is the delta to the next one; a node's self time is the sum over its samples.
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    const delta = deltas[i + 1] ?? 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + delta);
  }
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, { name: string; where: string; us: number }>();
  let totalUs = 0;
  let idleUs = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (!us) continue;
    const { url, functionName, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    totalUs += us;
    if (area === '(idle)') {
      idleUs += us;
      continue;
    }
    byArea.set(area, (byArea.get(area) ?? 0) + us);
    const key = `${functionName}@${url}:${lineNumber}`;
    const entry = byFunction.get(key) ?? { name: functionName || '(anonymous)', where: `${area}${url ? `:${lineNumber + 1}` : ''}`, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const busyUs = totalUs - idleUs;
  const ms = (us: number) => Math.round(us / 100) / 10;
  const share = (us: number) => Math.round((us / Math.max(1, busyUs)) * 1000) / 10;
  return {
    totalMs: ms(totalUs),
    busyMs: ms(busyUs),
    byPackage: [...byArea]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, ms: ms(us), share: share(us) })),
    topFunctions: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, ms: ms(f.us), share: share(f.us) })),
  };
}
