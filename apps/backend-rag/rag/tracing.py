"""OpenTelemetry traces over OTLP/HTTP when an endpoint is configured and the packages import; else a no-op."""
import logging
from contextlib import contextmanager
from urllib.parse import urlsplit

log = logging.getLogger("rag.tracing")


class Tracing:
    def __init__(self, settings):
        self.enabled = False
        self.reason = None
        self._provider = None
        endpoint = settings.traces_endpoint
        if endpoint is None:
            self.reason = "OTEL_EXPORTER_OTLP_ENDPOINT is not set"
        else:
            try:
                from opentelemetry import propagate
                from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
                from opentelemetry.sdk.resources import Resource
                from opentelemetry.sdk.trace import TracerProvider
                from opentelemetry.sdk.trace.export import BatchSpanProcessor
                from opentelemetry.trace import SpanKind
            except ImportError as error:
                self.reason = f"the OpenTelemetry packages are not installed (no module {error.name or error})"
            else:
                # A provider of our own rather than the global one: several apps (tests) can live in one process.
                provider = TracerProvider(resource=Resource.create({"service.name": settings.service_name}))
                provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint, timeout=5)))
                self._provider = provider
                self._tracer = provider.get_tracer("nuzantara-rag")
                self._extract = propagate.extract
                self._server_kind = SpanKind.SERVER
                self.enabled = True
        if self.enabled:
            parts = urlsplit(endpoint)
            log.info("tracing on: OTLP/HTTP to %s://%s%s", parts.scheme, parts.netloc.rpartition("@")[2], parts.path)
        else:
            log.info("tracing off: %s", self.reason)

    @contextmanager
    def server_span(self, name, headers, **attributes):
        """The span of one request, continuing the caller's trace when it sent traceparent."""
        if not self.enabled:
            yield None
            return
        # The propagators look headers up by lowercase name (traceparent, tracestate).
        context = self._extract({name.lower(): value for name, value in headers.items()})
        with self._tracer.start_as_current_span(
            name, context=context, kind=self._server_kind, attributes=attributes
        ) as span:
            yield span

    @contextmanager
    def span(self, name, **attributes):
        if not self.enabled:
            yield None
            return
        with self._tracer.start_as_current_span(name, attributes=attributes) as span:
            yield span

    def shutdown(self):
        if self._provider is not None:
            self._provider.shutdown()
