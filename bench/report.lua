-- Shared by the wrk scripts of scripts/bench.sh: done() prints one line "BENCH_RESULT {json}" that bench.sh
-- reads, so no figure is scraped from wrk's human-readable text. Latencies are in microseconds.

function done(summary, latency, _)
  local errors = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"durationUs":%d,"bytes":%d,"meanUs":%.1f,"p50Us":%d,"p90Us":%d,"p99Us":%d,' ..
      '"maxUs":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration, summary.bytes, latency.mean, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), latency.max, errors.connect, errors.read, errors.write,
    errors.status, errors.timeout))
end
