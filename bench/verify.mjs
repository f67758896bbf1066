// The parts of `scripts/bench.sh verify` that are not load generation, with Node's fetch (Node 20+):
//
//   node bench/verify.mjs seed    — registers BENCH_SEED_NOTICES notices through the batch endpoint, waits
//                                   until every one is anchored and the public verify API answers "authentic"
//                                   for them, and writes their digests, one per line, to BENCH_DIGESTS.
//   node bench/verify.mjs report  — merges the wrk results and the machine description into the results file
//                                   and prints the summary table with the ratios to the baseline.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const env = (name) => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
};

async function call(baseUrl, method, path, { token, body } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body) headers['content-type'] = 'application/json';
  const response = await fetch(baseUrl + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

// BENCH_API_URL, BENCH_TOKEN, BENCH_SEED_NOTICES, BENCH_DIGESTS, BENCH_SEED_TIMEOUT_S.
async function seed() {
  const api = env('BENCH_API_URL');
  const token = env('BENCH_TOKEN');
  const count = Number(env('BENCH_SEED_NOTICES'));
  const deadline = performance.now() + Number(env('BENCH_SEED_TIMEOUT_S')) * 1000;
  const digests = Array.from({ length: count }, () => randomBytes(32).toString('hex'));
  for (let start = 0; start < count; start += 1000) {
    const notices = digests.slice(start, start + 1000).map((digest, i) => ({ digest, reference: `BENCH-VERIFY-${start + i}` }));
    await call(api, 'POST', '/api/v1/notices/batch', { token, body: { notices } });
  }

  // Every digest must verify as authentic before the load starts, so the benchmark measures real answers
  // (store lookup, chain-index facts, proof) rather than "pending".
  for (let start = 0; start < count; start += 1000) {
    const chunk = digests.slice(start, start + 1000);
    for (;;) {
      const { results } = await call(api, 'POST', '/api/v1/verify', { body: { digests: chunk } });
      const waiting = results.filter((r) => r.status !== 'authentic');
      if (waiting.length === 0) break;
      if (performance.now() > deadline) {
        throw new Error(`${waiting.length} seeded notices were not authentic in time (e.g. ${waiting[0].status}/${waiting[0].finding})`);
      }
      await sleep(250);
    }
  }
  writeFileSync(env('BENCH_DIGESTS'), `${digests.join('\n')}\n`);
  console.log(JSON.stringify({ seeded: count }));
}

// BENCH_WORK (baseline.json, single.json, batch.json, machine.json, run.json), BENCH_OUT.
function report() {
  const work = env('BENCH_WORK');
  const read = (name) => JSON.parse(readFileSync(join(work, name), 'utf8'));
  const run = read('run.json');
  const scenario = (name, digestsPerRequest) => {
    const raw = read(`${name}.json`);
    const seconds = raw.durationUs / 1e6;
    const requestsPerSecond = raw.requests / seconds;
    return {
      requests: raw.requests,
      seconds: Number(seconds.toFixed(2)),
      requestsPerSecond: Number(requestsPerSecond.toFixed(1)),
      digestsPerSecond: digestsPerRequest ? Number((requestsPerSecond * digestsPerRequest).toFixed(1)) : null,
      latencyMs: { p50: raw.p50Us / 1000, p90: raw.p90Us / 1000, p99: raw.p99Us / 1000, max: raw.maxUs / 1000, mean: Number((raw.meanUs / 1000).toFixed(3)) },
      errors: raw.errors,
      failed: Object.values(raw.errors).reduce((a, b) => a + b, 0),
    };
  };
  const baseline = scenario('baseline', 0);
  const single = scenario('single', 1);
  const batch = scenario('batch', run.batchSize);
  const ratio = (a, b) => Number((a / b).toFixed(3));
  const result = {
    scenario: 'verify',
    date: run.date,
    command: run.command,
    machine: read('machine.json'),
    load: { tool: run.wrk, threads: run.threads, connections: run.connections, durationSeconds: run.duration, batchSize: run.batchSize, seededNotices: run.seeded },
    baseline: { endpoint: 'GET /health/live', ...baseline },
    single: { endpoint: 'GET /api/v1/verify/{digest}', ...single },
    batch: { endpoint: `POST /api/v1/verify (${run.batchSize} digests)`, ...batch },
    ratios: {
      singleToBaseline: ratio(single.requestsPerSecond, baseline.requestsPerSecond),
      batchRequestsToBaseline: ratio(batch.requestsPerSecond, baseline.requestsPerSecond),
      batchDigestsToBaseline: ratio(batch.digestsPerSecond, baseline.requestsPerSecond),
      singleP50ToBaselineP50: ratio(single.latencyMs.p50, baseline.latencyMs.p50),
      singleP99ToBaselineP99: ratio(single.latencyMs.p99, baseline.latencyMs.p99),
    },
  };
  writeFileSync(env('BENCH_OUT'), `${JSON.stringify(result, null, 2)}\n`);

  const rows = [
    ['scenario', 'req/s', 'digests/s', 'p50 ms', 'p99 ms', 'errors'],
    ...[['baseline', baseline], ['single', single], ['batch', batch]].map(([name, s]) => [
      name, s.requestsPerSecond.toFixed(1), s.digestsPerSecond === null ? '-' : s.digestsPerSecond.toFixed(0),
      s.latencyMs.p50.toFixed(2), s.latencyMs.p99.toFixed(2), String(s.failed),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log([
    `verify benchmark ${result.date} — ${result.machine.nproc} CPUs (${result.machine.cpu}), wrk -t${run.threads} -c${run.connections} -d${run.duration}s, ${run.seeded} anchored notices`,
    ...rows.map(line),
    `ratio single/baseline (req/s):        ${result.ratios.singleToBaseline}`,
    `ratio batch digests/baseline (req/s): ${result.ratios.batchDigestsToBaseline}`,
    `ratio single/baseline latency:        p50 ${result.ratios.singleP50ToBaselineP50}, p99 ${result.ratios.singleP99ToBaselineP99}`,
  ].join('\n'));
}

const commands = { seed, report };
if (!commands[process.argv[2]]) {
  console.error('usage: node bench/verify.mjs seed|report (run by scripts/bench.sh verify)');
  process.exit(2);
}
try {
  await commands[process.argv[2]]();
} catch (error) {
  console.error(`bench/verify.mjs ${process.argv[2]}: ${error.message}`);
  process.exit(1);
}
