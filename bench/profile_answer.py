#!/usr/bin/env python
"""Profile the answer request in-process: where a POST /attempts/<id>/answer/ spends its time.

    .venv/bin/python bench/profile_answer.py [--requests 2000] [--sort tottime]
    CALLERS="dispatcher.py:50" .venv/bin/python bench/profile_answer.py   # who calls what
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379/14 \
        .venv/bin/python bench/profile_answer.py   # on PostgreSQL + Redis

Production settings (bench/settings.py) on a temporary database (SQLite, or a new
PostgreSQL database beside DATABASE_URL's when that is a postgres:// URL), Django's
test client with an htmx header, cProfile around the answers only; also prints
the SQL each answer runs.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.common import setup_profiled_django  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--lines", type=int, default=45)
    args = parser.parse_args()
    setup_profiled_django(ceiling=True)
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.load import CLOSED_QUIZ, create_data, parse_args

    create_data(parse_args(["--closed-questions", str(args.requests + 10)]), 1)
    client = Client(HTTP_HX_REQUEST="true")
    form = "application/x-www-form-urlencoded"  # what htmx and the load client send

    def post(url, data):
        return client.post(url, urlencode(data), content_type=form)

    client.force_login(get_user_model().objects.get())
    location = client.post(f"/quizzes/{CLOSED_QUIZ}/start/")["Location"]
    client.get(location)  # showing the first question starts its clock
    url = location + "answer/"
    for position in range(1, 6):  # warm up
        post(url, {"position": position, "choice": 1})
    with CaptureQueriesContext(connection) as queries:
        post(url, {"position": 6, "choice": 1})
    print(f"SQL for one answer ({len(queries)} statements):")
    for query in queries:
        print("  ", query["sql"][:160])
    half = args.requests // 2
    began = time.perf_counter()
    for position in range(7, 7 + half):
        response = post(url, {"position": position, "choice": 1})
        assert response.status_code == 200, response.status_code
    elapsed = time.perf_counter() - began
    print(f"answer: {1000 * elapsed / half:.2f} ms each (no profiler)")
    profile = cProfile.Profile()
    profile.enable()
    for position in range(7 + half, 7 + args.requests):
        response = post(url, {"position": position, "choice": 1})
        assert response.status_code == 200, response.status_code
    profile.disable()
    for _ in range(200):
        client.get("/bench/ceiling/")
    began = time.perf_counter()
    for _ in range(args.requests):
        client.get("/bench/ceiling/")
    ceiling = time.perf_counter() - began
    print(f"ceiling page: {1000 * ceiling / args.requests:.2f} ms each")
    pstats.Stats(profile).sort_stats(args.sort).print_stats(args.lines)
    if os.environ.get("CALLERS"):
        pstats.Stats(profile).print_callers(os.environ["CALLERS"])


if __name__ == "__main__":
    main()
