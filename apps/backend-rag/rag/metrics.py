"""Prometheus metrics on a registry of their own, so each app instance (and test) starts from zero."""
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    generate_latest,
)

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    content_type = CONTENT_TYPE_LATEST

    def __init__(self):
        self.registry = CollectorRegistry()
        ProcessCollector(registry=self.registry)
        labels = ["route", "method", "status"]
        self.requests = Counter(
            "rag_http_requests", "HTTP requests by route, method and status.", labels, registry=self.registry
        )
        self.latency = Histogram(
            "rag_http_request_duration_seconds",
            "HTTP request latency by route, method and status.",
            labels,
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.dependency_up = Gauge(
            "rag_dependency_up",
            "1 when the dependency answered the last /health check, 0 when it did not (absent when not configured).",
            ["dependency"],
            registry=self.registry,
        )
        self.dependency_latency = Gauge(
            "rag_dependency_latency_seconds",
            "How long the dependency took to answer the last /health check.",
            ["dependency"],
            registry=self.registry,
        )
        self.cache_lookups = Counter(
            "rag_cache_lookups",
            "Answer cache lookups by result (hit, miss, error).",
            ["result"],
            registry=self.registry,
        )

    def observe_request(self, route, method, status, seconds):
        self.requests.labels(route, method, str(status)).inc()
        self.latency.labels(route, method, str(status)).observe(seconds)

    def observe_dependency(self, name, up, seconds):
        self.dependency_up.labels(name).set(1 if up else 0)
        self.dependency_latency.labels(name).set(seconds)

    def render(self):
        return generate_latest(self.registry)
