"""Tracing is off, and says why once, unless an OTLP endpoint is set and OpenTelemetry imports."""
import importlib.util
import logging

import pytest


def tracing_lines(caplog):
    return [record.getMessage() for record in caplog.records if record.getMessage().startswith("tracing ")]


def test_off_without_an_endpoint_said_once(start_app, caplog):
    caplog.set_level(logging.INFO)
    running = start_app()
    running.get("/health")
    running.get("/query?q=visa")
    assert tracing_lines(caplog) == ["tracing off: OTEL_EXPORTER_OTLP_ENDPOINT is not set"]
    assert running.app.tracing.enabled is False


@pytest.mark.skipif(importlib.util.find_spec("opentelemetry") is not None, reason="OpenTelemetry is installed here")
def test_off_when_the_packages_are_missing(start_app, caplog):
    caplog.set_level(logging.INFO)
    running = start_app(otlp_endpoint="http://127.0.0.1:4318")
    running.get("/health")
    (line,) = tracing_lines(caplog)
    assert line.startswith("tracing off: the OpenTelemetry packages are not installed (no module opentelemetry")
    assert running.get("/query?q=visa").status == 200


def test_traces_endpoint_from_the_environment():
    from rag.settings import Settings

    assert Settings.from_env({}).traces_endpoint is None
    assert (
        Settings.from_env({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://jaeger:4318/"}).traces_endpoint
        == "http://jaeger:4318/v1/traces"
    )
    assert (
        Settings.from_env({"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://collector/traces"}).traces_endpoint
        == "http://collector/traces"
    )
