"""/health reports each dependency's reachability and latency; 503 names the required one that is down."""
import os
import time

from conftest import closed_port


def test_both_dependencies_up(app, database):
    response = app.get("/health")
    assert response.status == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["down"] == []
    for name in ("postgres", "redis"):
        dependency = body["dependencies"][name]
        assert dependency["status"] == "up"
        assert dependency["required"] is True
        assert isinstance(dependency["latency_ms"], float) and dependency["latency_ms"] >= 0
    assert body["dependencies"]["postgres"]["target"].endswith(f"/{database['name']}")
    assert database["password"] not in response.text


def test_redis_down_is_503_naming_redis(start_app, database, cache_prefix):
    running = start_app(
        database_url=database["url"], redis_url=f"redis://127.0.0.1:{closed_port()}/0", cache_prefix=cache_prefix
    )
    response = running.get("/health")
    assert response.status == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["down"] == ["redis"]
    assert body["dependencies"]["redis"]["status"] == "down"
    assert body["dependencies"]["redis"]["error"]
    assert body["dependencies"]["postgres"]["status"] == "up"


def test_postgres_down_is_503_naming_postgres(start_app, cache_prefix):
    running = start_app(
        database_url=f"postgresql://rag:hunter2-pw@127.0.0.1:{closed_port()}/rag",
        redis_url=os.environ["REDIS_URL"],
        cache_prefix=cache_prefix,
    )
    response = running.get("/health")
    assert response.status == 503
    body = response.json()
    assert body["down"] == ["postgres"]
    assert body["dependencies"]["postgres"]["status"] == "down"
    assert body["dependencies"]["redis"]["status"] == "up"
    assert "hunter2-pw" not in response.text


def test_unconfigured_dependencies_are_reported_and_not_required(start_app):
    response = start_app().get("/health")
    assert response.status == 200
    assert response.json()["dependencies"] == {
        "postgres": {"status": "not configured", "required": False},
        "redis": {"status": "not configured", "required": False},
    }


def test_hanging_dependencies_are_bounded_and_checked_in_parallel(start_app, silent_port):
    running = start_app(
        database_url=f"postgresql://rag@127.0.0.1:{silent_port}/rag",
        redis_url=f"redis://127.0.0.1:{silent_port}/0",
        dependency_timeout_seconds=1.0,
    )
    started = time.monotonic()
    response = running.get("/health", timeout=20)
    elapsed = time.monotonic() - started
    assert response.status == 503
    assert response.json()["down"] == ["postgres", "redis"]
    # libpq waits at least 2s to connect; in parallel both checks fit well inside Fly's 10s check timeout.
    assert elapsed < 6, f"/health took {elapsed:.1f}s"
