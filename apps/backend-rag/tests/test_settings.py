"""Settings from the environment, and dependency descriptions that never carry credentials."""
import pytest

from rag.settings import Settings, describe_postgres, describe_redis


def test_defaults_and_overrides():
    assert Settings.from_env({}) == Settings()
    settings = Settings.from_env(
        {"PORT": "9000", "DATABASE_URL": " postgresql://db/rag ", "CACHE_TTL_SECONDS": "60", "LOG_LEVEL": "debug"}
    )
    assert (settings.port, settings.database_url, settings.cache_ttl_seconds, settings.log_level) == (
        9000,
        "postgresql://db/rag",
        60,
        "DEBUG",
    )
    assert Settings.from_env({"REDIS_URL": "  "}).redis_url is None


@pytest.mark.parametrize(
    ("env", "message"),
    [({"PORT": "http"}, "PORT must be a number"), ({"CACHE_TTL_SECONDS": "0"}, "greater than 0")],
)
def test_invalid_numbers_are_named(env, message):
    with pytest.raises(ValueError, match=message):
        Settings.from_env(env)


def test_descriptions_leave_out_users_and_passwords():
    assert describe_postgres("postgresql://rag:s3cret@db.internal:6543/docs?sslmode=require") == "db.internal:6543/docs"
    assert describe_postgres("host=db user=rag password=s3cret dbname=docs") == "db:5432/docs"
    assert describe_postgres("postgresql:///docs") == "localhost:5432/docs"
    assert describe_redis("redis://:s3cret@cache:6380/2") == "cache:6380/2"
    assert describe_redis("rediss://default:s3cret@cache") == "cache:6379/0"
