"""Scale-out: two app servers share PostgreSQL and Redis, and an aspirant moves between them.

Log in and start through one server, answer through the other, finish through the
first: nothing the servers keep in memory matters. Needs DATABASE_URL=postgres://...
and a reachable Redis (REDIS_URL, default redis://127.0.0.1:6379/15); skips without
them unless REQUIRE_SCALEOUT_TESTS=1, where their absence fails the run.
"""

from __future__ import annotations

import os
from fractions import Fraction
from urllib.parse import urlsplit

import pytest

from tests.deploy.servers import (
    Browser,
    free_port,
    gunicorn,
    manage,
    production_env,
    running,
    served_position,
)

HTMX = {"HX-Request": "true"}
SEED = """
from tests.factories import QuizFactory, UserFactory
UserFactory(username="asha")
QuizFactory(slug="scaleout", questions=3, feedback_mode="end", seconds_per_question=120,
            negative_mark="1/3")
"""


def scaleout_services() -> tuple[str, str]:
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"
    problem = ""
    if not database_url.startswith(("postgres://", "postgresql://")):
        problem = "DATABASE_URL is not a PostgreSQL URL"
    else:
        import redis

        try:
            redis.Redis.from_url(redis_url, socket_connect_timeout=2).ping()
        except redis.RedisError as error:
            problem = f"Redis at {redis_url} is unreachable: {error}"
    if problem:
        if os.environ.get("REQUIRE_SCALEOUT_TESTS") == "1":
            pytest.fail(f"{problem} (REQUIRE_SCALEOUT_TESTS=1)", pytrace=False)
        pytest.skip(problem)
    return database_url, redis_url


@pytest.fixture
def scaleout_database():
    """A fresh PostgreSQL database for the servers, dropped afterwards."""
    database_url, redis_url = scaleout_services()
    import psycopg

    name = f"test_scaleout_{os.getpid()}"
    with psycopg.connect(database_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = urlsplit(database_url)._replace(path=f"/{name}").geturl()
    try:
        yield url, redis_url
    finally:
        with psycopg.connect(database_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def attempt_row(database_url: str) -> dict:
    import psycopg
    from psycopg.rows import dict_row

    with psycopg.connect(database_url, row_factory=dict_row) as db:
        attempt = db.execute("SELECT * FROM attempts_attempt").fetchone()
        items = db.execute(
            "SELECT position, options, correct_choice_id FROM attempts_attemptitem"
            " WHERE attempt_id = %s ORDER BY position",
            [attempt["id"]],
        ).fetchall()
        answers = db.execute(
            "SELECT position, outcome, choice_id FROM attempts_answer"
            " WHERE attempt_id = %s ORDER BY position",
            [attempt["id"]],
        ).fetchall()
    return {"attempt": attempt, "items": items, "answers": answers}


def test_start_answer_and_finish_across_two_servers(scaleout_database, tmp_path):
    database_url, redis_url = scaleout_database
    env = production_env(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        QUIZAPP_VAR_DIR=str(tmp_path),
        STATIC_ROOT=str(tmp_path / "static"),
    )
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "shell", "-c", SEED)
    port_a, port_b = free_port(), free_port()
    browser = Browser()
    with (
        running(gunicorn(port_a), env, port_a, tmp_path / "a.log") as a,
        running(gunicorn(port_b), env, port_b, tmp_path / "b.log") as b,
    ):
        browser.log_in(a, "asha", "correct-horse-battery")
        started = browser.post(a + "/quizzes/scaleout/start/")
        assert started.status_code == 302
        attempt_path = started.headers["Location"]

        # The other server knows the session (Redis) and the attempt (PostgreSQL).
        page = browser.get(b + attempt_path)
        assert page.status_code == 200 and served_position(page.text) == 1
        chosen = {0: 0, 1: 1}
        for position, choice in chosen.items():
            response = browser.post(
                b + attempt_path + "answer/",
                data={"position": position + 1, "choice": choice},
                headers=HTMX,
            )
            assert response.status_code == 200, response.text[:300]
            assert served_position(response.text) == position + 2

        # Back on the first server: it shows the third question, then finishes.
        assert served_position(browser.get(a + attempt_path).text) == 3
        finished = browser.post(a + attempt_path + "finish/")
        assert finished.status_code == 302
        results = finished.headers["Location"]
        assert results.endswith("/results/")
        for server in (a, b):
            page = browser.get(server + results)
            assert page.status_code == 200 and "Results" in page.text

        # Logging out through one server ends the session on both.
        old_session = browser.cookies["sessionid"]
        assert browser.post(b + "/accounts/logout/").status_code == 302
        browser.cookies["sessionid"] = old_session
        assert browser.get(a + attempt_path).headers["Location"].startswith("/accounts/login/")
    browser.close()

    row = attempt_row(database_url)
    attempt, items, answers = row["attempt"], row["items"], row["answers"]
    assert attempt["state"] == "finished"
    assert [a["position"] for a in answers] == [0, 1, 2]
    expected = []
    for item in items[:2]:
        choice_id = item["options"][chosen[item["position"]]]["id"]
        expected.append("correct" if choice_id == item["correct_choice_id"] else "wrong")
    assert [a["outcome"] for a in answers] == [*expected, "skipped"]
    correct, wrong = expected.count("correct"), expected.count("wrong")
    assert (attempt["correct"], attempt["wrong"], attempt["skipped"]) == (correct, wrong, 1)
    exact = Fraction(correct) - wrong * Fraction(1, 3)
    assert abs(Fraction(attempt["score"]) - exact) < Fraction(1, 10_000)
    assert attempt["finished_at"] is not None
