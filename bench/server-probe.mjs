// Preloaded (`node --import`) into each server the read-graph peers benchmark
// starts, whatever its stack, so that all of them are measured the same way,
// from inside their own process:
// - every SQL statement counted where it leaves for PostgreSQL: node-postgres's
//   Client#query, resolved from the server's working directory (its own
//   install), which Prisma's pg adapter, PostGraphile's pg adaptor and plain
//   pg all go through;
// - the process's CPU time (user + system);
// - on demand, a V8 CPU profile of a stretch of the run, summarised by package;
// - on demand, the text of every statement sent during a stretch of the run
//   (a trace), in the order sent, for counting what a request sends between
//   two of its statements (e.g. the round trips while it holds a row lock).
// The parent asks over the IPC channel of `fork` and gets one answer per question.
import { createRequire } from 'node:module';
import { Session } from 'node:inspector/promises';
import { summariseProfile } from './profile-summary.mjs';

const require = createRequire(`${process.cwd()}/`);
const pg = require('pg');
let statements = 0;
/** While tracing: each statement's text, as sent. Bounded, so a trace left running cannot grow without end. */
let trace = null;
const TRACE_CAP = 10_000;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements += 1;
  if (trace && trace.length < TRACE_CAP) trace.push(typeof args[0] === 'string' ? args[0] : String(args[0]?.text ?? ''));
  return query.apply(this, args);
};

let session = null;
process.on('message', async (message) => {
  if (!message || typeof message !== 'object' || !('probe' in message)) return;
  const reply = (body) => process.send({ probe: message.probe, ...body });
  try {
    if (message.probe === 'sample') {
      const cpu = process.cpuUsage();
      reply({ cpuMs: (cpu.user + cpu.system) / 1000, statements, rssBytes: process.memoryUsage().rss });
    } else if (message.probe === 'trace-start') {
      trace = [];
      reply({});
    } else if (message.probe === 'trace-stop') {
      const texts = trace ?? [];
      trace = null;
      reply({ texts });
    } else if (message.probe === 'profile-start') {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 500 });
      await session.post('Profiler.start');
      reply({});
    } else if (message.probe === 'profile-stop') {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      session = null;
      reply({ summary: summariseProfile(profile, message.ownRoots ?? []) });
    }
  } catch (error) {
    reply({ error: String(error) });
  }
});
