"""server.py as the image runs it: environment in, logs without secrets, clean stop on SIGTERM."""
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import closed_port
from rag.settings import describe_postgres

APP_DIR = Path(__file__).resolve().parent.parent


def wait_for_health(url, process, deadline_seconds=15):
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server.py exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status, json.loads(response.read())
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer within {deadline_seconds}s")


def test_serves_logs_safely_and_stops_on_sigterm(database, cache_prefix):
    port = closed_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "DATABASE_URL": database["url"],
        "CACHE_PREFIX": cache_prefix,
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("OTEL_EXPORTER_OTLP_ENDPOINT", None)
    process = subprocess.Popen(
        [sys.executable, "server.py"], cwd=APP_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        status, body = wait_for_health(f"http://127.0.0.1:{port}/health", process)
        assert status == 200
        assert body["dependencies"]["postgres"]["status"] == "up"
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=5)
    log = output.decode()
    assert process.returncode == 0, log
    assert f"postgres: {describe_postgres(database['url'])}" in log
    assert "tracing off: OTEL_EXPORTER_OTLP_ENDPOINT is not set" in log
    assert "SIGTERM: shutting down" in log and "stopped" in log
    assert database["password"] not in log


def test_invalid_settings_exit_2_with_the_reason():
    result = subprocess.run(
        [sys.executable, "server.py"],
        cwd=APP_DIR,
        env={**os.environ, "PORT": "eighty"},
        capture_output=True,
        text=True,
        timeout=10,
    )
    assert result.returncode == 2
    assert "PORT must be a number" in result.stderr
