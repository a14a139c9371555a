"""/metrics: Prometheus text with request counts, latency histograms, dependency and cache gauges."""
from prometheus_client.parser import text_string_to_metric_families

from conftest import closed_port


def samples(response):
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def test_requests_latency_cache_and_dependencies(app):
    app.get("/health")
    app.get("/query?q=visa")
    app.get("/query?q=visa")
    app.get("/nope")
    response = app.get("/metrics")
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    found = samples(response)

    def value(name, **labels):
        return found.get((name, tuple(sorted(labels.items()))))

    assert value("rag_http_requests_total", route="/health", method="GET", status="200") == 1
    assert value("rag_http_requests_total", route="/query", method="GET", status="200") == 2
    assert value("rag_http_requests_total", route="other", method="GET", status="404") == 1
    assert value("rag_http_request_duration_seconds_count", route="/query", method="GET", status="200") == 2
    assert value("rag_http_request_duration_seconds_bucket", route="/query", method="GET", status="200", le="+Inf") == 2
    assert value("rag_cache_lookups_total", result="miss") == 1
    assert value("rag_cache_lookups_total", result="hit") == 1
    assert value("rag_dependency_up", dependency="postgres") == 1
    assert value("rag_dependency_up", dependency="redis") == 1
    assert value("rag_dependency_latency_seconds", dependency="postgres") >= 0
    assert any(name == "process_cpu_seconds_total" for name, _ in found)


def test_a_down_dependency_reads_zero(start_app, database):
    running = start_app(database_url=database["url"], redis_url=f"redis://127.0.0.1:{closed_port()}/0")
    running.get("/health")
    found = samples(running.get("/metrics"))
    assert found[("rag_dependency_up", (("dependency", "redis"),))] == 0
    assert found[("rag_dependency_up", (("dependency", "postgres"),))] == 1


def test_each_app_counts_from_zero(start_app):
    first, second = start_app(), start_app()
    first.get("/health")
    assert ("rag_http_requests_total", (("method", "GET"), ("route", "/health"), ("status", "200"))) not in samples(
        second.get("/metrics")
    )
