"""Answers cached in Redis with a TTL, keyed by a hash of the normalised query."""
import hashlib
import json

import redis

from .settings import describe_redis

CacheError = (redis.RedisError, ValueError)


def normalise(query):
    return " ".join(query.lower().split())


class AnswerCache:
    name = "redis"

    def __init__(self, url, ttl_seconds, prefix, timeout_seconds):
        self.target = describe_redis(url)
        self.ttl_seconds = ttl_seconds
        self.prefix = prefix
        self._client = redis.Redis.from_url(
            url,
            socket_timeout=timeout_seconds,
            socket_connect_timeout=timeout_seconds,
            health_check_interval=30,
        )

    def key(self, query, limit):
        digest = hashlib.sha256(f"{limit}\0{normalise(query)}".encode()).hexdigest()
        return f"{self.prefix}answer:v1:{digest}"

    def get(self, key):
        raw = self._client.get(key)
        return None if raw is None else json.loads(raw)

    def put(self, key, answer):
        self._client.set(key, json.dumps(answer), ex=self.ttl_seconds)

    def ping(self):
        self._client.ping()

    def close(self):
        self._client.close()
