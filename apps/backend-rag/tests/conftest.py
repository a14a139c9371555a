"""Fixtures on a real PostgreSQL and Redis (DATABASE_URL, REDIS_URL): a fresh database and key prefix per test."""
import json
import os
import socket
import threading
import urllib.error
import urllib.request
import uuid
from contextlib import closing
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql
import pytest
import redis

from rag.app import RagApp, RagServer
from rag.settings import Settings


def pytest_sessionstart(session):
    missing = [name for name in ("DATABASE_URL", "REDIS_URL") if not os.environ.get(name)]
    if missing:
        pytest.exit(
            f"{' and '.join(missing)} not set: these tests run against a real PostgreSQL and Redis. "
            "Run `node scripts/test-apps.mjs` from the repository root (it starts throwaway servers), "
            "or point both at servers whose data may be thrown away.",
            returncode=4,
        )


def with_database(url, dbname, password=None):
    """The URL with another database name and, optionally, a password (trust auth ignores it)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if password is not None and parts.password is None:
        userinfo, at, hostport = netloc.rpartition("@")
        netloc = f"{userinfo or 'postgres'}:{password}@{hostport}" if at else f"postgres:{password}@{netloc}"
    return urlunsplit((parts.scheme, netloc, f"/{dbname}", parts.query, parts.fragment))


def closed_port():
    """A loopback port nothing listens on (a dependency that is down)."""
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def silent_port():
    """A port that accepts connections and never answers (a dependency that hangs)."""
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield sock.getsockname()[1]


@pytest.fixture
def database():
    """A database of its own for the test; dropped afterwards."""
    admin_url = os.environ["DATABASE_URL"]
    name = f"rag_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    secret = urlsplit(admin_url).password or f"pw-{uuid.uuid4().hex}"
    url = with_database(admin_url, name, password=secret)
    yield {"url": url, "name": name, "password": secret}
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def db(database):
    with psycopg.connect(database["url"], autocommit=True, connect_timeout=5) as conn:
        yield conn


@pytest.fixture
def cache_prefix():
    """Keys of this test only; removed afterwards, so a shared Redis is never flushed."""
    prefix = f"rag-test:{uuid.uuid4().hex[:12]}:"
    yield prefix
    client = redis.Redis.from_url(os.environ["REDIS_URL"], socket_timeout=5)
    with closing(client):
        keys = list(client.scan_iter(match=f"{prefix}*"))
        if keys:
            client.delete(*keys)


@pytest.fixture
def redis_client():
    client = redis.Redis.from_url(os.environ["REDIS_URL"], socket_timeout=5)
    with closing(client):
        yield client


class Running:
    def __init__(self, app, server):
        self.app = app
        self.server = server
        self.url = f"http://127.0.0.1:{server.server_address[1]}"

    def get(self, path, timeout=15):
        return self.request("GET", path, timeout=timeout)

    def post(self, path, body, timeout=15):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        return self.request("POST", path, data, {"Content-Type": "application/json"}, timeout)

    def request(self, method, path, data=None, headers=None, timeout=15):
        request = urllib.request.Request(self.url + path, data=data, headers=headers or {}, method=method)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Response(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            with error:
                return Response(error.code, error.headers, error.read())


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body)

    @property
    def text(self):
        return self.body.decode()


@pytest.fixture
def start_app():
    """start_app(**settings) -> a RagApp served on a free loopback port, stopped after the test."""
    running = []

    def start(**overrides):
        settings = Settings(**{"host": "127.0.0.1", "port": 0, **overrides})
        app = RagApp(settings)
        app.start()
        server = RagServer(app, ("127.0.0.1", 0))
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        thread.start()
        running.append((app, server, thread))
        return Running(app, server)

    yield start
    for app, server, thread in running:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        app.close()


@pytest.fixture
def app(start_app, database, cache_prefix):
    """The service on both real dependencies."""
    return start_app(database_url=database["url"], redis_url=os.environ["REDIS_URL"], cache_prefix=cache_prefix)
