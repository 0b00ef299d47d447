#!/usr/bin/env python
"""Profile the start request in-process: where a POST /quizzes/<slug>/start/ spends its time.

    .venv/bin/python bench/profile_start.py [--starts 1000] [--sort tottime]

Production settings (bench/settings.py) on a temporary SQLite database with the
load benchmark's quiz (5 questions), Django's test client, one aspirant per
start; cProfile around the starts only; also prints the SQL one start runs.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.common import setup_profiled_django  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--starts", type=int, default=1000)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--lines", type=int, default=45)
    args = parser.parse_args()
    setup_profiled_django(ceiling=False)
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.load import LOAD_QUIZ, create_data, parse_args

    create_data(parse_args([]), 2 * args.starts + 11)
    client = Client()
    sessions = []
    for user in get_user_model().objects.order_by("pk"):
        client.force_login(user)
        # Taken off the client, so that the next login does not end this session.
        sessions.append(client.cookies.pop(settings.SESSION_COOKIE_NAME).value)
    url = f"/quizzes/{LOAD_QUIZ}/start/"

    def start(session: str) -> None:
        client.cookies[settings.SESSION_COOKIE_NAME] = session
        assert client.post(url).status_code == 302

    for session in sessions[:10]:  # warm up
        start(session)
    with CaptureQueriesContext(connection) as queries:
        start(sessions[10])
    print(f"SQL for one start ({len(queries)} statements):")
    for query in queries:
        print("  ", query["sql"][:160])
    timed, profiled = sessions[11 : 11 + args.starts], sessions[11 + args.starts :]
    began = time.perf_counter()
    for session in timed:
        start(session)
    elapsed = time.perf_counter() - began
    print(f"start: {1000 * elapsed / len(timed):.2f} ms each (no profiler)")
    profile = cProfile.Profile()
    profile.enable()
    for session in profiled:
        start(session)
    profile.disable()
    pstats.Stats(profile).sort_stats(args.sort).print_stats(args.lines)


if __name__ == "__main__":
    main()
