"""The HTTP service: /health, /query, /metrics on the standard library's threading HTTP server."""
import contextvars
import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from . import SERVICE_NAME
from .documents import builtin_search
from .metrics import Metrics
from .tracing import Tracing

log = logging.getLogger("rag")

MAX_QUERY_CHARS = 500
MAX_BODY_BYTES = 16 * 1024
DEFAULT_LIMIT = 5
MAX_LIMIT = 20
ROUTES = ("/", "/health", "/metrics", "/query")


def _first_line(error):
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0][:200]}" if text else type(error).__name__


class BadRequest(Exception):
    pass


class RagApp:
    """The service's logic, independent of HTTP: health of the dependencies and cached retrieval."""

    def __init__(self, settings):
        self.settings = settings
        self.metrics = Metrics()
        self.tracing = Tracing(settings)
        self.store = None
        self.cache = None
        if settings.database_url:
            from .postgres import PostgresStore  # psycopg is only needed when a database is configured

            self.store = PostgresStore(settings.database_url, settings.dependency_timeout_seconds)
            log.info("postgres: %s", self.store.target)
        else:
            log.info("postgres: not configured (DATABASE_URL unset); /query serves the built-in documents")
        if settings.redis_url:
            from .cache import AnswerCache

            self.cache = AnswerCache(
                settings.redis_url,
                settings.cache_ttl_seconds,
                settings.cache_prefix,
                settings.dependency_timeout_seconds,
            )
            log.info("redis: %s (answers cached for %ds)", self.cache.target, settings.cache_ttl_seconds)
        else:
            log.info("redis: not configured (REDIS_URL unset); answers are not cached")
        # Dependencies are checked in parallel so /health takes the slowest check, not the sum.
        self._checks = ThreadPoolExecutor(max_workers=2, thread_name_prefix="health")

    def start(self):
        """Creates and seeds the documents table now if the database is reachable (else on the first query)."""
        if self.store is None:
            return
        try:
            self.store.ensure_schema()
        except Exception as error:
            log.warning(
                "postgres %s not ready at start (%s); retrying on the next query",
                self.store.target,
                _first_line(error),
            )

    def _check(self, dependency):
        started = time.perf_counter()
        try:
            with self.tracing.span(f"{dependency.name}.ping"):
                dependency.ping()
            error = None
        except Exception as caught:
            error = caught
        seconds = time.perf_counter() - started
        self.metrics.observe_dependency(dependency.name, error is None, seconds)
        report = {
            "status": "up" if error is None else "down",
            "required": True,
            "target": dependency.target,
            "latency_ms": round(seconds * 1000, 2),
        }
        if error is not None:
            report["error"] = _first_line(error)
            log.warning("health: %s %s is down: %s", dependency.name, dependency.target, report["error"])
        return report

    def health(self):
        dependencies = {}
        pending = {}
        for name, dependency in (("postgres", self.store), ("redis", self.cache)):
            if dependency is None:
                dependencies[name] = {"status": "not configured", "required": False}
            else:
                # In the request's context, so the ping spans belong to its trace.
                pending[name] = self._checks.submit(contextvars.copy_context().run, self._check, dependency)
        for name, future in pending.items():
            dependencies[name] = future.result()
        down = sorted(name for name, report in dependencies.items() if report["status"] == "down")
        body = {
            "status": "unavailable" if down else "ok",
            "service": SERVICE_NAME,
            "down": down,
            "dependencies": dict(sorted(dependencies.items())),
        }
        return (503 if down else 200), body

    def query(self, text, limit):
        started = time.perf_counter()
        key = None
        cache_state = "off"
        if self.cache is not None:
            key = self.cache.key(text, limit)
            try:
                with self.tracing.span("redis.get"):
                    cached = self.cache.get(key)
                cache_state = "miss" if cached is None else "hit"
            except Exception as error:
                # A cache outage slows answers down; it does not stop them (/health reports it).
                cached, cache_state = None, "error"
                log.warning("cache read failed: %s", _first_line(error))
            self.metrics.cache_lookups.labels(cache_state).inc()
            if cached is not None:
                return 200, self._answer(text, cached, cache_state, started)

        if self.store is None:
            answer = {"source": "builtin", "results": builtin_search(text, limit)}
        else:
            try:
                with self.tracing.span("postgres.search", **{"db.system": "postgresql"}):
                    answer = {"source": "postgres", "results": self.store.search(text, limit)}
            except Exception as error:
                log.warning("query failed: postgres %s: %s", self.store.target, _first_line(error))
                return 503, {"error": "the document database is unavailable", "dependency": "postgres"}

        if key is not None and cache_state != "error":
            try:
                with self.tracing.span("redis.set"):
                    self.cache.put(key, answer)
            except Exception as error:
                log.warning("cache write failed: %s", _first_line(error))
        return 200, self._answer(text, answer, cache_state, started)

    @staticmethod
    def _answer(text, answer, cache_state, started):
        return {
            "query": text,
            "source": answer["source"],
            "cache": cache_state,
            "count": len(answer["results"]),
            "results": answer["results"],
            "took_ms": round((time.perf_counter() - started) * 1000, 2),
        }

    def close(self):
        self._checks.shutdown(wait=False, cancel_futures=True)
        for dependency in (self.store, self.cache):
            if dependency is not None:
                dependency.close()
        self.tracing.shutdown()


def _query_params(values):
    """(text, limit) from query-string values or a JSON body; BadRequest when unusable."""
    text = values.get("q")
    if not isinstance(text, str) or not text.strip():
        raise BadRequest("missing query: use /query?q=<question>")
    text = text.strip()
    if len(text) > MAX_QUERY_CHARS:
        raise BadRequest(f"the query is longer than {MAX_QUERY_CHARS} characters")
    limit = values.get("limit", DEFAULT_LIMIT)
    try:
        limit = int(limit)
    except (TypeError, ValueError):
        raise BadRequest("limit must be a whole number") from None
    if not 1 <= limit <= MAX_LIMIT:
        raise BadRequest(f"limit must be between 1 and {MAX_LIMIT}")
    return text, limit


class Handler(BaseHTTPRequestHandler):
    server_version = SERVICE_NAME
    # Seconds a client may take to send its request before the connection is dropped.
    timeout = 30
    # (route, method, start) of the request not yet counted: _send counts it once.
    _observing = None

    def version_string(self):
        return self.server_version

    def do_GET(self):
        self._handle("GET")

    def do_POST(self):
        self._handle("POST")

    def _handle(self, method):
        app = self.server.app
        started = time.perf_counter()
        url = urlsplit(self.path)
        route = url.path if url.path in ROUTES else "other"
        # _send counts the request: before the response goes out, so a scrape that follows it sees it.
        self._observing = (route, method, started)
        status = 500
        attributes = {"http.method": method, "http.route": route}
        with app.tracing.server_span(f"{method} {route}", self.headers, **attributes) as span:
            try:
                status = self._route(app, method, url)
            except Exception:
                log.exception("%s %s failed", method, route)
                status = self._json(500, {"error": "internal error"})
            if span is not None:
                span.set_attribute("http.status_code", status)

    def _route(self, app, method, url):
        allowed = {"/": ("GET",), "/health": ("GET",), "/metrics": ("GET",), "/query": ("GET", "POST")}
        if url.path not in allowed:
            return self._json(404, {"error": f"no such endpoint: {url.path}", "endpoints": list(ROUTES)})
        if method not in allowed[url.path]:
            return self._json(405, {"error": f"{method} is not allowed on {url.path}"}, allow=allowed[url.path])
        if url.path == "/":
            return self._json(200, {"service": SERVICE_NAME, "endpoints": list(ROUTES)})
        if url.path == "/health":
            return self._json(*app.health())
        if url.path == "/metrics":
            return self._send(200, app.metrics.render(), app.metrics.content_type)
        try:
            values = self._read_json() if method == "POST" else {k: v[0] for k, v in parse_qs(url.query).items()}
            text, limit = _query_params(values)
        except BadRequest as error:
            return self._json(400, {"error": str(error)})
        return self._json(*app.query(text, limit))

    def _read_json(self):
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            raise BadRequest("invalid Content-Length") from None
        if length > MAX_BODY_BYTES:
            raise BadRequest(f"the body is larger than {MAX_BODY_BYTES} bytes")
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            raise BadRequest('the body is not JSON: send {"q": "<question>"}') from None
        if not isinstance(body, dict):
            raise BadRequest('the body must be a JSON object: {"q": "<question>"}')
        return body

    def _json(self, status, body, allow=None):
        headers = {"Allow": ", ".join(allow)} if allow else {}
        return self._send(status, json.dumps(body).encode(), "application/json", headers)

    def _send(self, status, data, content_type, headers=None):
        observing, self._observing = self._observing, None
        if observing is not None:
            route, method, started = observing
            self.server.app.metrics.observe_request(route, method, status, time.perf_counter() - started)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
        return status

    def log_message(self, format, *args):
        log.debug("%s %s", self.address_string(), format % args)


class RagServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, app, address):
        self.app = app
        super().__init__(address, Handler)
