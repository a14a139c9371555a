"""Settings from the environment, and descriptions of the dependencies that are safe to log."""
import os
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Settings:
    host: str = "0.0.0.0"
    port: int = 8000
    database_url: str | None = None
    redis_url: str | None = None
    cache_ttl_seconds: int = 300
    cache_prefix: str = "rag:"
    # Bounds every connect and query, so /health answers before Fly's 10s check timeout.
    dependency_timeout_seconds: float = 2.0
    # OTLP/HTTP: the generic endpoint gets /v1/traces appended, the traces endpoint is used as is.
    otlp_endpoint: str | None = None
    otlp_traces_endpoint: str | None = None
    service_name: str = "nuzantara-rag"
    log_level: str = "INFO"

    @classmethod
    def from_env(cls, env=None):
        env = os.environ if env is None else env

        def text(name):
            value = env.get(name, "").strip()
            return value or None

        def number(name, default, kind):
            value = text(name)
            if value is None:
                return default
            try:
                parsed = kind(value)
            except ValueError:
                raise ValueError(f"{name} must be a number, got {value!r}") from None
            if parsed <= 0:
                raise ValueError(f"{name} must be greater than 0, got {value!r}")
            return parsed

        return cls(
            host=text("HOST") or cls.host,
            port=number("PORT", cls.port, int),
            database_url=text("DATABASE_URL"),
            redis_url=text("REDIS_URL"),
            cache_ttl_seconds=number("CACHE_TTL_SECONDS", cls.cache_ttl_seconds, int),
            cache_prefix=text("CACHE_PREFIX") or cls.cache_prefix,
            dependency_timeout_seconds=number("DEPENDENCY_TIMEOUT_SECONDS", cls.dependency_timeout_seconds, float),
            otlp_endpoint=text("OTEL_EXPORTER_OTLP_ENDPOINT"),
            otlp_traces_endpoint=text("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"),
            service_name=text("OTEL_SERVICE_NAME") or cls.service_name,
            log_level=(text("LOG_LEVEL") or cls.log_level).upper(),
        )

    @property
    def traces_endpoint(self):
        if self.otlp_traces_endpoint:
            return self.otlp_traces_endpoint
        if self.otlp_endpoint:
            return self.otlp_endpoint.rstrip("/") + "/v1/traces"
        return None


def describe_postgres(url):
    """host:port/dbname of a libpq URL or key=value string; never the user or password."""
    if "://" in url:
        parts = urlsplit(url)
        host, port, dbname = parts.hostname, _port(parts), parts.path.lstrip("/")
    else:
        fields = dict(item.split("=", 1) for item in url.split() if "=" in item)
        host, port, dbname = fields.get("host"), fields.get("port"), fields.get("dbname")
    return f"{host or 'localhost'}:{port or 5432}/{dbname or '(default)'}"


def describe_redis(url):
    """host:port/db of a redis:// URL; never the password."""
    parts = urlsplit(url)
    db = parts.path.lstrip("/") or "0"
    return f"{parts.hostname or 'localhost'}:{_port(parts) or 6379}/{db}"


def _port(parts):
    try:
        return parts.port
    except ValueError:
        return "(invalid port)"
