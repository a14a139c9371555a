"""/query reads documents from PostgreSQL and caches answers in Redis."""
import os
import time

from conftest import closed_port
from rag.documents import SEED_DOCUMENTS


def test_start_creates_and_seeds_the_documents_table(app, db):
    (count,) = db.execute("SELECT count(*) FROM documents").fetchone()
    assert count == len(SEED_DOCUMENTS)


def test_seeding_happens_once_and_leaves_edits_alone(start_app, database, db, cache_prefix):
    start_app(database_url=database["url"])
    db.execute("DELETE FROM documents WHERE slug = 'kbli-codes'")
    start_app(database_url=database["url"])  # a second instance (or a restart) on the same database
    (count,) = db.execute("SELECT count(*) FROM documents").fetchone()
    assert count == len(SEED_DOCUMENTS) - 1


def test_answers_come_from_postgres(app, db):
    db.execute(
        "INSERT INTO documents (slug, topic, title, body) VALUES (%s, %s, %s, %s)",
        ("golden-visa", "visa", "Golden visa", "A golden visa gives investors a stay permit of five or ten years."),
    )
    response = app.get("/query?q=golden+visa+investors")
    assert response.status == 200
    body = response.json()
    assert body["source"] == "postgres"
    assert body["results"][0]["slug"] == "golden-visa"
    assert body["results"][0]["score"] > 0
    assert body["count"] == len(body["results"])


def test_full_text_search_stems_words_and_ranks_the_best_match_first(app):
    body = app.get("/query?q=KITAS").json()
    assert "visa-types" in [doc["slug"] for doc in body["results"]]
    assert all("KITAS" in doc["body"] or "KITAS" in doc["title"] for doc in body["results"])
    # Any word may match; the document matching most of them comes first.
    ranked = app.get("/query?q=working+visas+for+foreign+workers+(RPTKA)").json()["results"]
    assert ranked[0]["slug"] == "work-kitas"
    assert len(ranked) > 1
    assert app.get("/query?q=%3F%21").json()["results"] == []  # no words, no tsquery syntax error


def test_answers_are_cached_with_a_ttl(app, db, redis_client, cache_prefix):
    first = app.get("/query?q=corporate+tax").json()
    assert first["cache"] == "miss"
    assert first["results"][0]["slug"] == "corporate-income-tax"
    keys = list(redis_client.scan_iter(match=f"{cache_prefix}*"))
    assert len(keys) == 1
    assert 0 < redis_client.ttl(keys[0]) <= app.app.settings.cache_ttl_seconds

    db.execute("DELETE FROM documents")  # the next answer can only come from the cache
    second = app.get("/query?q=%20Corporate%20%20TAX%20").json()
    assert second["cache"] == "hit"
    assert second["results"] == first["results"]
    other = app.get("/query?q=corporate+tax&limit=1").json()  # another key: a miss, on the emptied table
    assert (other["cache"], other["results"]) == ("miss", [])


def test_cached_answers_expire(start_app, database, cache_prefix):
    running = start_app(
        database_url=database["url"], redis_url=os.environ["REDIS_URL"], cache_prefix=cache_prefix, cache_ttl_seconds=1
    )
    assert running.get("/query?q=npwp").json()["cache"] == "miss"
    assert running.get("/query?q=npwp").json()["cache"] == "hit"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        time.sleep(0.25)
        if running.get("/query?q=npwp").json()["cache"] == "miss":
            return
    raise AssertionError("the cached answer did not expire within 5s of a 1s TTL")


def test_queries_still_answer_when_redis_is_down(start_app, database):
    running = start_app(database_url=database["url"], redis_url=f"redis://127.0.0.1:{closed_port()}/0")
    response = running.get("/query?q=visa+on+arrival")
    assert response.status == 200
    body = response.json()
    assert body["cache"] == "error"
    assert body["source"] == "postgres"
    assert body["results"][0]["slug"] == "visa-on-arrival"


def test_queries_fail_with_503_when_postgres_is_down(start_app, cache_prefix):
    running = start_app(
        database_url=f"postgresql://rag@127.0.0.1:{closed_port()}/rag",
        redis_url=os.environ["REDIS_URL"],
        cache_prefix=cache_prefix,
    )
    response = running.get("/query?q=visa")
    assert response.status == 503
    assert response.json() == {"error": "the document database is unavailable", "dependency": "postgres"}


def test_without_a_database_the_builtin_documents_answer(start_app):
    body = start_app().get("/query?q=visa").json()
    assert body["source"] == "builtin"
    assert body["cache"] == "off"
    assert {"visa-types", "visa-on-arrival"} <= {doc["slug"] for doc in body["results"]}
    assert any("KITAS" in doc["body"] for doc in body["results"])


def test_post_query_takes_json(app):
    response = app.post("/query", {"q": "PT PMA foreign company", "limit": 2})
    assert response.status == 200
    body = response.json()
    assert body["results"][0]["slug"] == "pt-pma"
    assert len(body["results"]) <= 2


def test_bad_requests_are_400_with_a_reason(app):
    cases = {
        "/query": "missing query",
        "/query?q=%20": "missing query",
        "/query?q=" + "a" * 501: "longer than 500",
        "/query?q=visa&limit=0": "between 1 and 20",
        "/query?q=visa&limit=x": "whole number",
    }
    for path, reason in cases.items():
        response = app.get(path)
        assert response.status == 400, path
        assert reason in response.json()["error"], path
    assert app.post("/query", b"{not json").status == 400
    assert app.post("/query", [1, 2]).status == 400


def test_unknown_paths_and_methods(app):
    missing = app.get("/nope")
    assert missing.status == 404
    assert "/query" in missing.json()["endpoints"]
    wrong = app.post("/health", {})
    assert wrong.status == 405
    assert wrong.headers["Allow"] == "GET"

