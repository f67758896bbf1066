// The parts of `scripts/bench.sh ingest` that are not load generation, with Node's fetch (Node 20+, which the
// repository needs anyway):
//
//   node bench/ingest.mjs probe   — after the wrk runs: waits for the anchoring backlog to drain, measures
//                                   accept-to-anchored latency and gas per notice; prints JSON.
//   node bench/ingest.mjs report  — merges the wrk results, the probe and the machine description into the
//                                   results file and prints the summary table.
//
// Settings come from BENCH_* environment variables set by bench.sh (listed in each function).
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const env = (name) => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
};
const now = () => performance.now();

// Nearest-rank percentile of numbers (null for none).
function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

function apiClient(baseUrl, token) {
  return async (method, path, body) => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text);
  };
}

async function rpc(url, method, params) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const answer = await response.json();
  if (answer.error) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
  return answer.result;
}

const newDigest = () => randomBytes(32).toString('hex');

async function waitAnchored(api, id, timeoutMs, intervalMs) {
  const deadline = now() + timeoutMs;
  for (;;) {
    const notice = await api('GET', `/api/v1/notices/${id}`);
    if (notice.status === 'anchored') return notice;
    if (now() > deadline) throw new Error(`notice ${id} was not anchored within ${timeoutMs / 1000} s (status ${notice.status})`);
    await sleep(intervalMs);
  }
}

// BENCH_API_URL, BENCH_TOKEN, BENCH_RPC_URL, BENCH_LATENCY_NOTICES, BENCH_LATENCY_PACE_MS, BENCH_POLL_MS,
// BENCH_DRAIN_TIMEOUT_S, BENCH_GAS_BATCH.
async function probe() {
  const api = apiClient(env('BENCH_API_URL'), env('BENCH_TOKEN'));
  const rpcUrl = env('BENCH_RPC_URL');
  const count = Number(env('BENCH_LATENCY_NOTICES'));
  const paceMs = Number(env('BENCH_LATENCY_PACE_MS'));
  const pollMs = Number(env('BENCH_POLL_MS'));
  const drainTimeoutMs = Number(env('BENCH_DRAIN_TIMEOUT_S')) * 1000;
  const gasBatch = Number(env('BENCH_GAS_BATCH'));

  // 1. The backlog of the load runs: batches are taken oldest first, so a notice registered now is anchored
  //    only after everything before it.
  const drainStarted = now();
  const marker = await api('POST', '/api/v1/notices', { digest: newDigest(), reference: 'BENCH-DRAIN' });
  await waitAnchored(api, marker.id, drainTimeoutMs, 250);
  const drainSeconds = (now() - drainStarted) / 1000;
  process.stderr.write(`backlog anchored after ${drainSeconds.toFixed(1)} s\n`);

  // 2. Accept-to-anchored: one notice at a time at a fixed pace, every pending one polled every pollMs.
  const records = [];
  const pending = new Map();
  let submitting = true;
  const pollDeadline = () => now() + drainTimeoutMs;
  const poller = (async () => {
    let deadline = pollDeadline();
    while (submitting || pending.size > 0) {
      await sleep(pollMs);
      if (submitting) deadline = pollDeadline();
      if (now() > deadline) throw new Error(`${pending.size} latency notices were not anchored in time`);
      await Promise.all([...pending.keys()].map(async (id) => {
        const notice = await api('GET', `/api/v1/notices/${id}`);
        if (notice.status !== 'anchored') return;
        const record = pending.get(id);
        record.seenAnchoredMs = now();
        record.anchoredAt = notice.anchoredAt;
        record.transactionHash = notice.receipt?.transactionHash;
        record.treeSize = notice.receipt?.treeSize;
        pending.delete(id);
      }));
    }
  })();
  try {
    for (let i = 0; i < count; i++) {
      const sentMs = now();
      const notice = await api('POST', '/api/v1/notices', { digest: newDigest(), reference: `BENCH-LATENCY-${i}` });
      const record = { id: notice.id, acceptedAt: notice.acceptedAt, acceptedMs: now() };
      records.push(record);
      pending.set(notice.id, record);
      await sleep(Math.max(0, paceMs - (record.acceptedMs - sentMs)));
    }
  } finally {
    submitting = false;
  }
  await poller;
  const wallMs = records.map((r) => r.seenAnchoredMs - r.acceptedMs);
  const chainMs = records.map((r) => Date.parse(r.anchoredAt) - Date.parse(r.acceptedAt));
  const latencyTrees = new Map(records.map((r) => [r.transactionHash, r.treeSize]));

  // 3. Gas per notice at the default batch size: one batch request of exactly that many new digests becomes
  //    one tree (the worker takes at most MaxBatchSize notices per batch, oldest first, and nothing else waits).
  const notices = Array.from({ length: gasBatch }, (_, i) => ({ digest: newDigest(), reference: `BENCH-GAS-${i}` }));
  const { ids } = await api('POST', '/api/v1/notices/batch', { notices });
  const gasTrees = new Map();
  for (const id of [ids[0], ids[ids.length - 1]]) {
    const notice = await waitAnchored(api, id, drainTimeoutMs, 250);
    gasTrees.set(notice.receipt.transactionHash, notice.receipt.treeSize);
  }

  const transactions = async (trees) => Promise.all([...trees].map(async ([hash, treeSize]) => {
    const receipt = await rpc(rpcUrl, 'eth_getTransactionReceipt', [hash]);
    const gasUsed = Number(BigInt(receipt.gasUsed));
    return { transactionHash: hash, treeSize, gasUsed, gasPerNotice: gasUsed / treeSize, status: receipt.status };
  }));
  const gasTransactions = await transactions(gasTrees);
  const latencyTransactions = await transactions(latencyTrees);
  const full = gasTransactions.filter((t) => t.treeSize === gasBatch);
  if (full.length === 0) throw new Error(`no anchor transaction holds a tree of ${gasBatch}: ${JSON.stringify(gasTransactions)}`);

  const round = (value, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));
  const summary = (values) => ({ p50: round(percentile(values, 50)), p99: round(percentile(values, 99)), max: round(Math.max(...values)) });
  console.log(JSON.stringify({
    drain: { seconds: round(drainSeconds) },
    latency: {
      notices: count,
      paceMs,
      pollMs,
      wallClockMs: summary(wallMs),
      chainTimestampMs: summary(chainMs),
      treeSizes: [...new Set(records.map((r) => r.treeSize))].sort((a, b) => a - b),
    },
    gas: {
      defaultBatchSize: gasBatch,
      gasPerNotice: round(full[0].gasPerNotice, 2),
      transactions: gasTransactions,
      smallTrees: latencyTransactions.sort((a, b) => a.treeSize - b.treeSize),
    },
  }));
}

// BENCH_WORK (folder with baseline.json, single.json, batch.json, probe.json, machine.json, run.json),
// BENCH_OUT (the results file).
function report() {
  const work = env('BENCH_WORK');
  const read = (name) => JSON.parse(readFileSync(join(work, name), 'utf8'));
  const run = read('run.json');
  const scenario = (name, noticesPerRequest) => {
    const raw = read(`${name}.json`);
    const seconds = raw.durationUs / 1e6;
    const requestsPerSecond = raw.requests / seconds;
    const errors = Object.values(raw.errors).reduce((a, b) => a + b, 0);
    return {
      requests: raw.requests,
      seconds: Number(seconds.toFixed(2)),
      requestsPerSecond: Number(requestsPerSecond.toFixed(1)),
      noticesPerSecond: noticesPerRequest ? Number((requestsPerSecond * noticesPerRequest).toFixed(1)) : null,
      latencyMs: { p50: raw.p50Us / 1000, p90: raw.p90Us / 1000, p99: raw.p99Us / 1000, max: raw.maxUs / 1000, mean: Number((raw.meanUs / 1000).toFixed(3)) },
      errors: raw.errors,
      failed: errors,
    };
  };
  const baseline = scenario('baseline', 0);
  const single = scenario('single', 1);
  const batch = scenario('batch', run.batchSize);
  const probeResult = read('probe.json');
  const result = {
    scenario: 'ingest',
    date: run.date,
    command: run.command,
    machine: read('machine.json'),
    load: { tool: run.wrk, threads: run.threads, connections: run.connections, durationSeconds: run.duration, batchSize: run.batchSize },
    baseline: { endpoint: 'GET /api/v1/me', ...baseline },
    single: { endpoint: 'POST /api/v1/notices', ...single },
    batch: { endpoint: 'POST /api/v1/notices/batch', ...batch },
    ratios: {
      singleToBaseline: Number((single.requestsPerSecond / baseline.requestsPerSecond).toFixed(3)),
      batchNoticesToBaseline: Number((batch.noticesPerSecond / baseline.requestsPerSecond).toFixed(3)),
    },
    ...probeResult,
  };
  writeFileSync(env('BENCH_OUT'), `${JSON.stringify(result, null, 2)}\n`);

  const rows = [
    ['scenario', 'req/s', 'notices/s', 'p50 ms', 'p99 ms', 'errors'],
    ...[['baseline', baseline], ['single', single], ['batch', batch]].map(([name, s]) => [
      name, s.requestsPerSecond.toFixed(1), s.noticesPerSecond === null ? '-' : s.noticesPerSecond.toFixed(0),
      s.latencyMs.p50.toFixed(2), s.latencyMs.p99.toFixed(2), String(s.failed),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const out = [
    `ingest benchmark ${result.date} — ${result.machine.nproc} CPUs (${result.machine.cpu}), wrk -t${run.threads} -c${run.connections} -d${run.duration}s`,
    ...rows.map(line),
    `ratio single/baseline:          ${result.ratios.singleToBaseline}`,
    `ratio batch notices/baseline:   ${result.ratios.batchNoticesToBaseline}`,
    `backlog anchored after:         ${result.drain.seconds} s`,
    `accept→anchored, wall clock:    p50 ${result.latency.wallClockMs.p50} ms, p99 ${result.latency.wallClockMs.p99} ms (${result.latency.notices} notices)`,
    `accept→anchoredAt (block time): p50 ${result.latency.chainTimestampMs.p50} ms, p99 ${result.latency.chainTimestampMs.p99} ms`,
    `gas per notice at tree size ${result.gas.defaultBatchSize}: ${result.gas.gasPerNotice} (${result.gas.transactions.map((t) => `${t.gasUsed} gas / ${t.treeSize}`).join(', ')})`,
  ];
  console.log(out.join('\n'));
}

const commands = { probe, report };
if (!commands[process.argv[2]]) {
  console.error('usage: node bench/ingest.mjs probe|report (run by scripts/bench.sh)');
  process.exit(2);
}
try {
  await commands[process.argv[2]]();
} catch (error) {
  console.error(`bench/ingest.mjs ${process.argv[2]}: ${error.message}`);
  process.exit(1);
}
