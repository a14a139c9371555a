"""Documents in PostgreSQL (psycopg 3): schema and seed on first use, full-text search, a small connection pool."""
import logging
import math
import threading

import psycopg
from psycopg.pq import TransactionStatus

from . import SERVICE_NAME
from .documents import SEED_DOCUMENTS, query_words
from .settings import describe_postgres

log = logging.getLogger("rag.postgres")

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id bigserial PRIMARY KEY,
    slug text NOT NULL UNIQUE,
    topic text NOT NULL,
    title text NOT NULL,
    body text NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || body)) STORED
);
CREATE INDEX IF NOT EXISTS documents_search_idx ON documents USING gin (search);
"""

# Any of the words (OR), ranked by how well each document matches them all.
SEARCH = """
SELECT slug, topic, title, body, ts_rank(search, query) AS score
FROM documents, to_tsquery('english', %s) AS query
WHERE search @@ query
ORDER BY score DESC, slug
LIMIT %s
"""


class ConnectionPool:
    """A few reusable connections; one that fails is closed, never handed out again."""

    def __init__(self, url, timeout_seconds, max_idle=4):
        self._url = url
        self._timeout = timeout_seconds
        self._max_idle = max_idle
        self._idle = []
        self._lock = threading.Lock()

    def _connect(self):
        timeout_ms = int(self._timeout * 1000)
        return psycopg.connect(
            self._url,
            autocommit=True,
            application_name=SERVICE_NAME,
            # libpq counts whole seconds (and at least 2).
            connect_timeout=max(2, math.ceil(self._timeout)),
            # A stuck query or a silent network both end within the timeout instead of holding the request.
            options=f"-c statement_timeout={timeout_ms}",
            tcp_user_timeout=timeout_ms,
        )

    def _take(self):
        with self._lock:
            while self._idle:
                conn = self._idle.pop()
                if not (conn.closed or conn.broken):
                    return conn, True
        return self._connect(), False

    def _give_back(self, conn):
        with self._lock:
            if conn.info.transaction_status == TransactionStatus.IDLE and len(self._idle) < self._max_idle:
                self._idle.append(conn)
                return
        conn.close()

    def run(self, work):
        """work(connection) on a pooled connection; retried once on a fresh one if a pooled one was dead."""
        for attempt in range(2):
            conn, reused = self._take()
            try:
                result = work(conn)
            except psycopg.OperationalError:
                broken = conn.broken
                conn.close()
                if reused and broken and attempt == 0:
                    continue  # the server dropped an idle connection (a restart): try a new one
                raise
            except BaseException:
                conn.close()
                raise
            self._give_back(conn)
            return result
        raise AssertionError("unreachable")

    def close(self):
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()


def _migrate(conn):
    """Creates the table and seeds it when empty; one instance at a time (advisory lock)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('nuzantara-rag:migrate'))")
        conn.execute(SCHEMA)
        (count,) = conn.execute("SELECT count(*) FROM documents").fetchone()
        if count:
            return 0
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO documents (slug, topic, title, body) VALUES (%s, %s, %s, %s)"
                " ON CONFLICT (slug) DO NOTHING",
                SEED_DOCUMENTS,
            )
        return len(SEED_DOCUMENTS)


class PostgresStore:
    name = "postgres"

    def __init__(self, url, timeout_seconds):
        self.target = describe_postgres(url)
        self._pool = ConnectionPool(url, timeout_seconds)
        self._ready = False
        self._ready_lock = threading.Lock()

    def ping(self):
        self._pool.run(lambda conn: conn.execute("SELECT 1").fetchone())

    def ensure_schema(self):
        if self._ready:
            return
        with self._ready_lock:
            if not self._ready:
                seeded = self._pool.run(_migrate)
                if seeded:
                    log.info("created the documents table in %s and seeded %d documents", self.target, seeded)
                self._ready = True

    def search(self, query, limit):
        self.ensure_schema()
        words = query_words(query)
        if not words:
            return []

        def work(conn):
            rows = conn.execute(SEARCH, (" | ".join(words), limit)).fetchall()
            return [
                {"slug": slug, "topic": topic, "title": title, "body": body, "score": round(float(score), 6)}
                for slug, topic, title, body, score in rows
            ]

        return self._pool.run(work)

    def close(self):
        self._pool.close()
