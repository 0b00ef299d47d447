#!/usr/bin/env python
"""Load benchmark: many aspirants take one timed quiz against a production-style server.

    make bench-load                      # SQLite (and PostgreSQL + Redis, see below)
    .venv/bin/python bench/load.py --aspirants 50,200 --backends sqlite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379/14 \\
        .venv/bin/python bench/load.py          # SQLite, then PostgreSQL + Redis

For each backend it makes a fresh database (a temporary SQLite file, or a new
PostgreSQL database next to DATABASE_URL's, dropped afterwards), migrates it,
collects static files, creates the aspirants and two quizzes, and starts
gunicorn on loopback with production settings (bench/settings.py: only the
password hash differs) and the /bench/ceiling/ page switched on. Then:

1. Closed loop, no think time, the same concurrency for both: the ceiling page
   (a login-required view rendering a tiny template) against answering a
   question with the next one in the response (end-of-quiz feedback mode).
   Prints requests/s and the answer's ratio to the ceiling, and the server's
   CPU per request (gunicorn processes) for each.
2. Think time, for each number of aspirants: all log in, start the same quiz
   at the same moment, and answer every question after a pause drawn between
   1 s and the clock; some let a question's clock run out (the page then posts
   a timeout, as the browser's countdown does). Prints answers/s, latency
   percentiles per kind of request, and errors; then checks the database:
   every acknowledged answer recorded once with the outcome the aspirant chose,
   none duplicated, every attempt finished with the right score.
3. Faults (--faults): SIGKILL one gunicorn worker in the middle of a run, and
   stop and restart the whole server mid-quiz; aspirants retry like a person
   pressing the button again, and the same database checks must pass.

Finally it names the largest number of aspirants the box held with answer p99
under 250 ms and no error. All traffic goes to 127.0.0.1 and every loop is
bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
PASSWORD = "bench-pass-phrase"
HTMX = {"HX-Request": "true"}
P99_TARGET_MS = 250
LOAD_QUIZ, CLOSED_QUIZ = "bench-load", "bench-closed"
# An answer that reached the server after its deadline and grace: it counts as timed
# out, so the aspirant lost it to the server's slowness (not held, though not lost).
LATE = "late, timed out"
POSITION = re.compile(rb'name="position" value="(\d+)"')
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


# --- the server ------------------------------------------------------------------------------


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with production settings on a loopback port."""

    def __init__(self, env: dict[str, str], workers: int, log: Path) -> None:
        self.env, self.workers, self.log = env, workers, log
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [
            str(BIN / "gunicorn"),
            "--config",
            "python:quizapp.gunicorn_conf",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "quizapp.wsgi",
        ]
        with open(self.log, "ab") as out:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        import httpx

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn exited; see {self.log}")
            try:
                httpx.get(self.base + "/accounts/login/", timeout=2)
                # Every worker up, so the first measured requests do not wait for a boot.
                if len(self.worker_pids()) >= self.workers:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        sys.exit(f"gunicorn did not answer within 60 s; see {self.log}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)

    def worker_pids(self) -> list[int]:
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in path.read_text().split()]
        except OSError:
            return []

    def cpu_seconds(self) -> float:
        """CPU used so far by gunicorn's master and its live workers."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in [self.process.pid, *self.worker_pids()]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / ticks


def database_cpu_seconds() -> dict[int, float]:
    """CPU used so far by each of this machine's PostgreSQL and Redis processes (none
    with SQLite, whose work runs inside the gunicorn workers), by process id."""
    ticks = os.sysconf("SC_CLK_TCK")
    used = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name = text[text.find("(") + 1 : text.rfind(")")]
        if name.startswith(("postgres", "redis-server")):
            fields = text.rsplit(")", 1)[1].split()
            used[int(stat.parent.name)] = (int(fields[11]) + int(fields[12])) / ticks
    return used


def database_cpu_since(before: dict[int, float]) -> float:
    """CPU the database processes used since ``before`` (a process that ended meanwhile
    is left out; one that began counts whole)."""
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in database_cpu_seconds().items())


# --- the client ------------------------------------------------------------------------------


@dataclass
class Sample:
    kind: str
    started: float
    seconds: float
    ok: bool


@dataclass
class Recorder:
    samples: list[Sample] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    retries: int = 0

    def error(self, what: str) -> None:
        self.errors[what] += 1


class Aspirant:
    """One simulated aspirant: its own cookies, htmx's CSRF header, retries like a person."""

    def __init__(self, http, base: str, username: str, recorder: Recorder) -> None:
        self.http, self.base, self.username, self.rec = http, base, username, recorder
        self.cookies: dict[str, str] = {}
        self.submitted: list[dict] = []  # acknowledged answers, for the database check
        self.attempt_path = ""

    async def request(
        self,
        method: str,
        path: str,
        kind: str,
        *,
        data=None,
        headers=None,
        attempts: int = 1,
        retry_for: float = 0.0,
    ):
        from bench.rawhttp import TransportError

        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST" and "csrftoken" in self.cookies:
            headers["X-CSRFToken"] = self.cookies["csrftoken"]
        give_up = time.monotonic() + retry_for
        while True:
            began = time.perf_counter()
            try:
                response = await self.http.request(
                    method, self.base + path, data=data, headers=headers
                )
            except TransportError as error:
                self.rec.samples.append(Sample(kind, began, time.perf_counter() - began, False))
                self.rec.error(f"{kind}: {type(error).__name__}")
                if time.monotonic() < give_up:
                    # A person presses the button again a moment later.
                    self.rec.retries += 1
                    await asyncio.sleep(0.5)
                    continue
                return None
            elapsed = time.perf_counter() - began
            ok = response.status_code in (200, 302)
            self.rec.samples.append(Sample(kind, began, elapsed, ok))
            for header in response.headers.get_list("set-cookie"):
                name, _, rest = header.partition("=")
                value = rest.split(";", 1)[0]
                if value and "Max-Age=0" not in header:
                    self.cookies[name.strip()] = value
                else:
                    self.cookies.pop(name.strip(), None)
            if not ok:
                self.rec.error(f"{kind}: HTTP {response.status_code}")
                if response.status_code >= 500 and time.monotonic() < give_up:
                    self.rec.retries += 1
                    await asyncio.sleep(0.5)
                    continue
            return response

    async def log_in(self) -> bool:
        page = await self.request("GET", "/accounts/login/", "login page", retry_for=30)
        if page is None:
            return False
        token = CSRF_INPUT.search(page.content)
        response = await self.request(
            "POST",
            "/accounts/login/",
            "login",
            data={
                "username": self.username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": token[1].decode() if token else "",
            },
            retry_for=30,
        )
        if response is None or response.status_code != 302 or "sessionid" not in self.cookies:
            self.rec.error("login refused")
            return False
        return True

    async def start(self, slug: str, retry_for: float) -> int | None:
        """Start the quiz and load its page; returns the question number served."""
        response = await self.request(
            "POST", f"/quizzes/{slug}/start/", "start", retry_for=retry_for
        )
        if response is None or response.status_code != 302:
            self.rec.error("start failed")
            return None
        self.attempt_path = response.headers["location"]
        page = await self.request("GET", self.attempt_path, "question page", retry_for=retry_for)
        match = POSITION.search(page.content) if page is not None else None
        if match is None:
            self.rec.error("question page without a question")
            return None
        return int(match[1])

    async def answer(self, position: int, data: dict, retry_for: float) -> tuple[bool, int | None]:
        """Post one answer; returns (finished, next question number)."""
        response = await self.request(
            "POST",
            self.attempt_path + "answer/",
            "answer",
            data=data,
            headers=HTMX,
            retry_for=retry_for,
        )
        if response is None or response.status_code != 200:
            return False, None
        self.submitted.append({**data, "position": position - 1})
        if response.headers.get("hx-redirect", "").endswith("/results/"):
            return True, None
        match = POSITION.search(response.content)
        if match is None or int(match[1]) <= position:
            self.rec.error("answer did not move on")
            self.submitted.pop()
            return False, None
        return False, int(match[1])


def http_client(connections: int):
    """The lean client (bench/rawhttp.py): it leaves the box's CPU to the server."""
    from bench.rawhttp import Client

    return Client(connections)


async def log_everyone_in(aspirants: list[Aspirant], parallel: int = 32) -> None:
    gate = asyncio.Semaphore(parallel)

    async def one(aspirant: Aspirant) -> None:
        async with gate:
            await aspirant.log_in()

    await asyncio.gather(*(one(a) for a in aspirants))


# --- closed loop: the answer against the ceiling -----------------------------------------------


async def closed_loop(aspirants: list[Aspirant], server: Server, seconds: float, kind: str) -> dict:
    """Each aspirant sends its next request as soon as the last one returns."""
    rec = aspirants[0].rec
    positions: dict[str, int] = {}
    if kind == "answer":
        for aspirant in aspirants:
            positions[aspirant.username] = await aspirant.start(CLOSED_QUIZ, retry_for=10) or 1
    warm_until = time.perf_counter() + 1.0
    stop_at = warm_until + seconds
    counted = 0
    cpu_before = client_before = database_before = None

    async def loop(aspirant: Aspirant) -> None:
        nonlocal counted, cpu_before, client_before, database_before
        while time.perf_counter() < stop_at:
            began = time.perf_counter()
            if kind == "ceiling":
                response = await aspirant.request("GET", "/bench/ceiling/", "ceiling")
                ok = response is not None and response.status_code == 200
            else:
                position = positions[aspirant.username]
                finished, following = await aspirant.answer(
                    position, {"position": position, "choice": random.randrange(4)}, retry_for=0
                )
                ok = finished or following is not None
                if finished:  # a long quiz ran out: start another (rare)
                    following = await aspirant.start(CLOSED_QUIZ, retry_for=10)
                positions[aspirant.username] = following or positions[aspirant.username]
            if ok and began >= warm_until and time.perf_counter() <= stop_at:
                counted += 1
            if cpu_before is None and time.perf_counter() >= warm_until:
                cpu_before, client_before = server.cpu_seconds(), time.process_time()
                database_before = database_cpu_seconds()

    await asyncio.gather(*(loop(a) for a in aspirants))
    server_cpu = server.cpu_seconds() - (cpu_before or 0)
    client_cpu = time.process_time() - (client_before or 0)
    database_cpu = database_cpu_since(database_before or {})
    latencies = sorted(s.seconds for s in rec.samples if s.kind == kind and s.started >= warm_until)
    return {
        "requests": counted,
        "rps": counted / seconds,
        "p50_ms": percentile(latencies, 50),
        "p99_ms": percentile(latencies, 99),
        "server_cpu_ms_per_request": 1000 * server_cpu / max(counted, 1),
        "client_cpu_ms_per_request": 1000 * client_cpu / max(counted, 1),
        "database_cpu_ms_per_request": 1000 * database_cpu / max(counted, 1),
    }


# --- think time: a class taking a timed quiz ----------------------------------------------------


async def take_quiz(
    aspirant: Aspirant,
    go: asyncio.Event,
    *,
    questions: int,
    clock: float,
    timeout_share: float,
    rng: random.Random,
    retry_for: float,
) -> None:
    await go.wait()
    position = await aspirant.start(LOAD_QUIZ, retry_for=retry_for)
    guard = questions + 3
    while position is not None and guard:
        guard -= 1
        if rng.random() < timeout_share:
            # The countdown reaches zero and the page posts a timeout.
            await asyncio.sleep(clock)
            data = {"position": position, "action": "timeout"}
        else:
            await asyncio.sleep(rng.uniform(1.0, clock))
            data = {"position": position, "choice": rng.randrange(4)}
        finished, position = await aspirant.answer(position, data, retry_for=retry_for)
        if finished:
            return
    aspirant.rec.error("aspirant stopped before the end of the quiz")


async def think_time_run(
    aspirants: list[Aspirant],
    server: Server,
    args,
    *,
    fault: str = "",
) -> dict:
    rec = Recorder()
    for aspirant in aspirants:
        aspirant.rec, aspirant.submitted, aspirant.attempt_path = rec, [], ""
    go = asyncio.Event()
    rng = random.Random(len(aspirants))
    retry_for = 60.0 if fault else 0.0
    tasks = [
        asyncio.create_task(
            take_quiz(
                a,
                go,
                questions=args.questions,
                clock=args.clock,
                timeout_share=args.timeout_share,
                rng=random.Random(rng.random()),
                retry_for=retry_for,
            )
        )
        for a in aspirants
    ]
    await asyncio.sleep(0.1)
    began = time.perf_counter()
    cpu_before = server.cpu_seconds()
    go.set()  # everyone starts the same quiz at the same moment
    fault_log = ""
    if fault:
        await asyncio.sleep(args.clock * 1.5)
        if fault == "kill-worker":
            victim = server.worker_pids()[0]
            os.kill(victim, signal.SIGKILL)
            fault_log = f"SIGKILL to worker {victim} at {time.perf_counter() - began:.1f} s"
        elif fault == "restart":
            at = time.perf_counter() - began
            server.stop()
            await asyncio.sleep(2)
            await asyncio.to_thread(server.start)
            fault_log = f"server stopped at {at:.1f} s, back at {time.perf_counter() - began:.1f} s"
    await asyncio.gather(*tasks)
    wall = time.perf_counter() - began
    server_cpu = server.cpu_seconds() - cpu_before if fault != "restart" else float("nan")
    return summarise(rec, aspirants, wall, server_cpu, fault_log)


def percentile(sorted_values: list[float], pct: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(pct / 100 * len(sorted_values) + 0.5) - 1))
    return 1000 * sorted_values[index]


def summarise(rec: Recorder, aspirants, wall: float, server_cpu: float, fault_log: str) -> dict:
    by_kind: dict[str, list[float]] = defaultdict(list)
    for sample in rec.samples:
        if sample.ok:
            by_kind[sample.kind].append(sample.seconds)
    latency = {}
    for kind, values in by_kind.items():
        values.sort()
        latency[kind] = {
            "count": len(values),
            "p50_ms": percentile(values, 50),
            "p95_ms": percentile(values, 95),
            "p99_ms": percentile(values, 99),
            "max_ms": 1000 * values[-1],
        }
    answers = latency.get("answer", {}).get("count", 0)
    return {
        "aspirants": len(aspirants),
        "wall_s": wall,
        "answers_ok": answers,
        "answers_per_s": answers / wall if wall else 0.0,
        "latency": latency,
        "errors": dict(rec.errors),
        "error_count": sum(rec.errors.values()),
        "retries": rec.retries,
        "server_cpu_s": server_cpu,
        "fault": fault_log,
    }


# --- the database check ------------------------------------------------------------------------


def check_database(aspirants: list[Aspirant], questions: int) -> dict:
    """Every acknowledged answer recorded once, as chosen; every attempt finished and scored."""
    from django.db import connections

    from quizapp.attempts.models import Answer, Attempt, AttemptItem

    connections.close_all()
    ids = {a.attempt_path.strip("/").split("/")[-1]: a for a in aspirants if a.attempt_path}
    attempts = {str(x.pk): x for x in Attempt.objects.filter(pk__in=list(ids))}
    rows = defaultdict(dict)
    duplicated = 0
    for answer in Answer.objects.filter(attempt_id__in=list(ids)).values(
        "attempt_id", "position", "outcome", "choice_id", "time_taken"
    ):
        key = str(answer["attempt_id"])
        if answer["position"] in rows[key]:
            duplicated += 1
        rows[key][answer["position"]] = answer
    items = {
        (str(i["attempt_id"]), i["position"]): i
        for i in AttemptItem.objects.filter(attempt_id__in=list(ids)).values(
            "attempt_id", "position", "options", "correct_choice_id"
        )
    }
    report = defaultdict(int)
    report["attempts"] = len(ids)
    report["recorded"] = sum(len(r) for r in rows.values())
    report["duplicated"] = duplicated
    for attempt_id, aspirant in ids.items():
        attempt = attempts.get(attempt_id)
        if attempt is None:
            report["attempt missing"] += 1
            continue
        if not attempt.is_finished:
            report["unfinished"] += 1
        recorded = rows[attempt_id]
        if sorted(recorded) != list(range(questions)):
            report["incomplete"] += 1
        for sent in aspirant.submitted:
            report["acknowledged"] += 1
            row = recorded.get(sent["position"])
            if row is None:
                report["lost"] += 1
                continue
            row["acknowledged"] = True
            if sent.get("action") == "timeout":
                expected, choice_id = "timed_out", None
            else:
                item = items[(attempt_id, sent["position"])]
                choice_id = item["options"][int(sent["choice"])]["id"]
                expected = "correct" if choice_id == item["correct_choice_id"] else "wrong"
            if row["outcome"] == expected and row["choice_id"] == choice_id:
                continue
            if row["outcome"] == "timed_out":
                report[LATE] += 1
            else:
                report["recorded differently"] += 1
        report["settled by the server (no request)"] += sum(
            1 for row in recorded.values() if not row.get("acknowledged")
        )
        counts = defaultdict(int)
        for row in recorded.values():
            counts[row["outcome"]] += 1
        exact = counts["correct"] - counts["wrong"] * attempt.penalty
        score_ok = (
            (attempt.correct, attempt.wrong, attempt.skipped, attempt.timed_out)
            == (counts["correct"], counts["wrong"], counts["skipped"], counts["timed_out"])
            and attempt.score is not None
            and abs(Fraction(attempt.score) - exact) < Fraction(1, 10_000)
        )
        if not score_ok:
            report["wrong score"] += 1
    connections.close_all()
    report = dict(report)
    report["nothing lost"] = all(
        report.get(k, 0) == 0
        for k in (
            "lost",
            "duplicated",
            "unfinished",
            "incomplete",
            "recorded differently",
            "wrong score",
            "attempt missing",
        )
    )
    return report


# --- one backend -------------------------------------------------------------------------------


def prepare_database(args, tmp: Path) -> tuple[dict[str, str], callable]:
    """Environment for a fresh database on this backend, and how to drop it afterwards."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_"))
        and key not in {"DEBUG", "DATABASE_URL", "REDIS_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        QUIZAPP_VAR_DIR=str(tmp),
        STATIC_ROOT=str(tmp / "static"),
        BENCH_CEILING="1",
        PYTHONDONTWRITEBYTECODE="1",
    )
    drop = lambda: None  # noqa: E731
    if args.backend == "postgres":
        import psycopg

        server_url = os.environ["DATABASE_URL"]
        name = f"bench_load_{os.getpid()}"
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = urlsplit(server_url)._replace(path=f"/{name}").geturl()
        env["REDIS_URL"] = os.environ["REDIS_URL"]
        env["BENCH_KEY_PREFIX"] = f"bench{os.getpid()}"

        def drop() -> None:
            from django.core.cache import cache
            from django.db import connections

            cache.delete_pattern("*")
            connections.close_all()
            with psycopg.connect(server_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return env, drop


def create_data(args, users: int) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from questions.models import Choice, Fact, Question, Quiz, QuizQuestion, Source, Topic

    source = Source.objects.create(
        title="Bench source",
        slug="bench-source",
        publisher="Bench",
        text="The bench source says that load is handled.",
    )
    fact = Fact.objects.create(
        label="Bench fact", statement="Load is handled.", source=source, quote="load is handled"
    )
    topic = Topic.objects.create(name="Bench", slug="bench")

    def quiz(slug: str, count: int, seconds: int) -> None:
        made = Quiz.objects.create(
            title=slug,
            slug=slug,
            seconds_per_question=seconds,
            feedback_mode="end",
            negative_mark="1/3",
            is_published=True,
        )
        for number in range(count):
            question = Question.objects.create(
                stem=f"{slug} question {number + 1}: which option is right?",
                explanation="Option **A** is right, as the [source](#) says.",
                topic=topic,
                status="published",
            )
            question.facts.add(fact)
            Choice.objects.bulk_create(
                Choice(
                    question=question, text=f"Option {letter}", is_correct=letter == "A", order=i
                )
                for i, letter in enumerate("ABCD")
            )
            QuizQuestion.objects.create(quiz=made, question=question, order=number)

    quiz(LOAD_QUIZ, args.questions, int(args.clock))
    quiz(CLOSED_QUIZ, args.closed_questions, 600)
    password = make_password(PASSWORD)
    user_model = get_user_model()
    user_model.objects.bulk_create(
        user_model(username=f"aspirant{n:05d}", password=password, email=f"a{n}@example.com")
        for n in range(users)
    )


async def run_load(args, server: Server) -> dict:
    results: dict = {"closed_loop": {}, "think_time": [], "faults": []}
    largest = max([0, *args.aspirants] + ([args.fault_aspirants] if args.faults else []))
    users = largest + args.concurrency
    async with http_client(max(users, args.concurrency) + 10) as http:
        print(f"  logging {users} aspirants in ...", flush=True)
        setup = Recorder()
        everyone = [Aspirant(http, server.base, f"aspirant{n:05d}", setup) for n in range(users)]
        began = time.perf_counter()
        await log_everyone_in(everyone)
        logged = summarise(setup, everyone, time.perf_counter() - began, 0.0, "")
        results["login"] = logged
        print(
            f"  logins: {logged['latency']['login']['count']} in {logged['wall_s']:.1f} s, "
            f"p99 {logged['latency']['login']['p99_ms']:.0f} ms, errors {logged['error_count']}",
            flush=True,
        )
        if logged["error_count"]:
            print(f"  login errors: {logged['errors']}")
        closed = everyone[largest:]
        # Ceiling and answer alternate, round after round, so that anything else the
        # machine does at the time weighs on both alike; the medians are compared.
        rounds: dict[str, list[dict]] = {"ceiling": [], "answer": []}
        for number in range(1, args.rounds + 1):
            for kind in ("ceiling", "answer"):
                rec = Recorder()
                for aspirant in closed:
                    aspirant.rec = rec
                stats = await closed_loop(closed, server, args.closed_seconds, kind)
                stats["errors"] = dict(rec.errors)
                rounds[kind].append(stats)
                print(
                    f"  round {number} {kind:8}: {stats['rps']:6.0f} req/s"
                    f"  p50 {stats['p50_ms']:5.1f} ms  p99 {stats['p99_ms']:6.1f} ms"
                    f"  server CPU {stats['server_cpu_ms_per_request']:.2f} ms/req"
                    f"  client CPU {stats['client_cpu_ms_per_request']:.2f} ms/req"
                    f"  database CPU {stats['database_cpu_ms_per_request']:.2f} ms/req"
                    f"  errors {sum(rec.errors.values())}",
                    flush=True,
                )
        for kind, measured in rounds.items():
            middle = sorted(measured, key=lambda r: r["rps"])[len(measured) // 2]
            results["closed_loop"][kind] = {**middle, "rounds": measured}
        ceiling, answer = results["closed_loop"]["ceiling"], results["closed_loop"]["answer"]
        results["ratio"] = answer["rps"] / ceiling["rps"] if ceiling["rps"] else 0.0
        results["round_ratios"] = [
            a["rps"] / c["rps"] for a, c in zip(rounds["answer"], rounds["ceiling"], strict=True)
        ]
        results["cpu_ratio"] = (
            ceiling["server_cpu_ms_per_request"] / answer["server_cpu_ms_per_request"]
        )

        def box_cpu(kind: str) -> float:
            """Median over rounds of the CPU the server, its database and the client spent."""
            totals = [
                r["server_cpu_ms_per_request"]
                + r["database_cpu_ms_per_request"]
                + r["client_cpu_ms_per_request"]
                for r in rounds[kind]
            ]
            return sorted(totals)[len(totals) // 2]

        results["box_cpu_ms"] = {kind: box_cpu(kind) for kind in rounds}
        results["box_cpu_ratio"] = (
            results["box_cpu_ms"]["ceiling"] / results["box_cpu_ms"]["answer"]
        )
        print(
            f"  answer / ceiling: {results['ratio']:.2f} of the requests per second (medians;"
            f" rounds {', '.join(f'{r:.2f}' for r in results['round_ratios'])});"
            f" server CPU per request ceiling/answer {results['cpu_ratio']:.2f};"
            f" the box's CPU per request (server + database + client)"
            f" {results['box_cpu_ms']['ceiling']:.2f} / {results['box_cpu_ms']['answer']:.2f} ms"
            f" = {results['box_cpu_ratio']:.2f}",
            flush=True,
        )
        runs = [(n, "") for n in args.aspirants]
        if args.faults:
            runs += [(args.fault_aspirants, "kill-worker"), (args.fault_aspirants, "restart")]
        for count, fault in runs:
            label = f"{count} aspirants" + (f", fault: {fault}" if fault else "")
            print(f"  think time, {label} ...", flush=True)
            run = await think_time_run(everyone[:count], server, args, fault=fault)
            run["check"] = await asyncio.to_thread(check_database, everyone[:count], args.questions)
            print_run(run)
            (results["faults"] if fault else results["think_time"]).append(run)
    held = [
        r["aspirants"]
        for r in results["think_time"]
        if r["error_count"] == 0
        and r["check"]["nothing lost"]
        and not r["check"].get(LATE)
        and r["latency"].get("answer", {}).get("p99_ms", 1e9) <= P99_TARGET_MS
    ]
    results["held"] = max(held) if held else 0
    return results


def print_run(run: dict) -> None:
    if run["fault"]:
        print(f"    fault: {run['fault']}; retries {run['retries']}")
    print(
        f"    {run['answers_ok']} answers in {run['wall_s']:.1f} s = {run['answers_per_s']:.0f}/s;"
        f" errors {run['error_count']} {run['errors'] or ''}"
    )
    for kind in ("start", "question page", "answer"):
        if kind in run["latency"]:
            lat = run["latency"][kind]
            print(
                f"    {kind:13} n={lat['count']:5}  p50 {lat['p50_ms']:6.1f}"
                f"  p95 {lat['p95_ms']:6.1f}"
                f"  p99 {lat['p99_ms']:7.1f}  max {lat['max_ms']:7.1f} ms"
            )
    check = run["check"]
    print(
        "    database: "
        + ", ".join(f"{k} {v}" for k, v in check.items() if k != "nothing lost")
        + f" -> {'NOTHING LOST' if check['nothing lost'] else 'PROBLEM'}",
        flush=True,
    )


def run_backend(args) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix=f"bench-load-{args.backend}-"))
    env, drop = prepare_database(args, tmp)
    os.environ.update(env)
    for name in ("DATABASE_URL", "REDIS_URL"):
        if name not in env:
            os.environ.pop(name, None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections

    print(f"== {args.backend}: {connection.vendor} database in {tmp}", flush=True)
    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    largest = max([0, *args.aspirants] + ([args.fault_aspirants] if args.faults else []))
    create_data(args, largest + args.concurrency)
    connections.close_all()
    server = Server(env, args.workers, tmp / "gunicorn.log")
    server.start()
    from quizapp import gunicorn_conf

    overrides = os.environ.get("GUNICORN_CMD_ARGS", "")
    print(
        f"  gunicorn: {args.workers} workers ({gunicorn_conf.worker_class},"
        f" {gunicorn_conf.threads} thread each{'; ' + overrides if overrides else ''})"
        f" at {server.base}",
        flush=True,
    )
    try:
        results = asyncio.run(run_load(args, server))
    finally:
        server.stop()
        drop()
    results.update(
        backend=args.backend,
        workers=args.workers,
        questions=args.questions,
        clock=args.clock,
        concurrency=args.concurrency,
    )
    print(
        f"  largest number of aspirants held (answer p99 <= {P99_TARGET_MS} ms, no error,"
        f" none late, nothing lost): {results['held']}",
        flush=True,
    )
    return results


# --- the command -------------------------------------------------------------------------------


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown CPU",
    )
    memory = next(
        line.split()[1]
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return f"{os.cpu_count()} cores ({cpu}), {int(memory) / 1024 / 1024:.1f} GiB memory"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--backends",
        default="",
        help="sqlite,postgres (default: sqlite, and postgres when DATABASE_URL"
        " is a postgres:// URL and REDIS_URL is set)",
    )
    parser.add_argument(
        "--aspirants",
        default="50,200,1000,2000",
        help="think-time runs, comma-separated (default 50,200,1000,2000)",
    )
    parser.add_argument("--questions", type=int, default=5, help="questions in the quiz (5)")
    parser.add_argument(
        "--clock",
        type=float,
        default=19,
        help="seconds per question (19, the default quiz clock; min 5)",
    )
    parser.add_argument(
        "--timeout-share", type=float, default=0.1, help="share of questions left to time out (0.1)"
    )
    parser.add_argument("--concurrency", type=int, default=20, help="closed-loop clients (20)")
    parser.add_argument("--closed-seconds", type=float, default=8, help="each closed loop (8 s)")
    parser.add_argument("--rounds", type=int, default=3, help="closed-loop rounds (3)")
    parser.add_argument("--closed-questions", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument(
        "--faults",
        action="store_true",
        help="also kill a worker mid-run, and restart the server mid-quiz",
    )
    parser.add_argument("--fault-aspirants", type=int, default=200)
    parser.add_argument("--json", type=Path, help="write every figure here as JSON")
    parser.add_argument("--backend", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.aspirants = [int(n) for n in args.aspirants.split(",") if n.strip()]
    return args


def main() -> None:
    args = parse_args()
    if args.clock < 5:
        sys.exit("--clock must be at least 5 s (a quiz's minimum).")
    if args.backend:  # one backend, in this process
        result = run_backend(args)
        if args.json:
            args.json.write_text(json.dumps(result, indent=2, default=str))
        return
    backends = [b for b in args.backends.split(",") if b] or ["sqlite"]
    postgres_ready = os.environ.get("DATABASE_URL", "").startswith("postgres")
    if not args.backends and postgres_ready and os.environ.get("REDIS_URL"):
        backends.append("postgres")
    if "postgres" in backends and not (
        os.environ.get("DATABASE_URL", "").startswith("postgres") and os.environ.get("REDIS_URL")
    ):
        sys.exit("The postgres run needs DATABASE_URL=postgres://... and REDIS_URL=redis://...")
    print(f"Machine: {machine()}")
    print(
        f"Quiz: {args.questions} questions, {args.clock:g} s each, end-of-quiz feedback; "
        f"think time 1 s to the clock, {args.timeout_share:.0%} left to time out",
        flush=True,
    )
    summary = {"machine": machine(), "runs": []}
    for backend in backends:
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            child = [
                sys.executable,
                __file__,
                *sys.argv[1:],
                "--backend",
                backend,
                "--json",
                out.name,
            ]
            subprocess.run(child, check=True)
            summary["runs"].append(json.loads(Path(out.name).read_text()))
    print("\nSummary")
    for run in summary["runs"]:
        ceiling = run["closed_loop"]["ceiling"]["rps"]
        answer = run["closed_loop"]["answer"]["rps"]
        print(
            f"  {run['backend']:8}: answer {answer:.0f} req/s = {run['ratio']:.2f} of the ceiling"
            f" ({ceiling:.0f} req/s); held {run['held']} aspirants with answer p99 <="
            f" {P99_TARGET_MS} ms"
        )
        for r in run["think_time"] + run["faults"]:
            lat = r["latency"].get("answer", {})
            fault = f" ({r['fault'].split(' ')[0]})" if r["fault"] else ""
            verdict = "nothing lost" if r["check"]["nothing lost"] else f"PROBLEM: {r['check']}"
            print(
                f"    {r['aspirants']:5} aspirants{fault}:"
                f" {r['answers_per_s']:5.0f} answers/s, p50 {lat.get('p50_ms', 0):6.1f} ms,"
                f" p99 {lat.get('p99_ms', 0):7.1f} ms, errors {r['error_count']},"
                f" late {r['check'].get(LATE, 0)}, {verdict}"
            )
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2, default=str))


if __name__ == "__main__":
    main()
