// Prometheus metrics with prom-client, on a registry per server so each instance (and test) counts from zero.
import client from 'prom-client';

const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const requests = new client.Counter({
    name: 'mouth_http_requests_total',
    help: 'HTTP requests by route, method and status.',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const latency = new client.Histogram({
    name: 'mouth_http_request_duration_seconds',
    help: 'HTTP request latency by route, method and status.',
    labelNames: ['route', 'method', 'status'],
    buckets: seconds,
    registers: [registry],
  });
  const backendCalls = new client.Counter({
    name: 'mouth_backend_requests_total',
    help: 'Calls to nuzantara-rag by endpoint and outcome (ok, http_error, timeout, unreachable, invalid).',
    labelNames: ['endpoint', 'outcome'],
    registers: [registry],
  });
  const backendLatency = new client.Histogram({
    name: 'mouth_backend_request_duration_seconds',
    help: 'Latency of calls to nuzantara-rag by endpoint.',
    labelNames: ['endpoint'],
    buckets: seconds,
    registers: [registry],
  });
  const backendUp = new client.Gauge({
    name: 'mouth_backend_up',
    help: '1 when nuzantara-rag reported itself healthy at the last /health check, 0 when not.',
    registers: [registry],
  });
  return {
    contentType: registry.contentType,
    render: () => registry.metrics(),
    observeRequest(route, method, status, durationSeconds) {
      const labels = { route, method, status: String(status) };
      requests.inc(labels);
      latency.observe(labels, durationSeconds);
    },
    observeBackend(result) {
      backendCalls.inc({ endpoint: result.endpoint, outcome: result.outcome });
      backendLatency.observe({ endpoint: result.endpoint }, result.latencyMs / 1000);
      if (result.endpoint === 'health') backendUp.set(result.ok && result.status === 200 ? 1 : 0);
    },
  };
}
