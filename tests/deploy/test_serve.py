"""`make serve` (bin/serve) on a fresh machine: production settings with no env at all.

It makes and keeps a secret key, serves compressed fingerprinted static files that
browsers may cache for ever, and a restart (or a killed worker) loses nothing: an
aspirant carries on with the time that is left, or finds what expired timed out.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.deploy.servers import ROOT, Browser, free_port, manage, production_env, served_position

SEED = """
from tests.factories import QuizFactory, UserFactory
UserFactory(username="asha")
QuizFactory(slug="steady", questions=3, feedback_mode="end", seconds_per_question=60)
QuizFactory(slug="brief", questions=1, feedback_mode="end", seconds_per_question=5)
"""


@pytest.fixture
def serve_env(tmp_path) -> dict[str, str]:
    port = free_port()
    env = production_env(
        QUIZAPP_VAR_DIR=str(tmp_path / "var"),
        STATIC_ROOT=str(tmp_path / "static"),
        BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
    )
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT"):
        del env[name]  # bin/serve supplies them
    env["BASE"] = f"http://127.0.0.1:{port}"
    return env


class Serve:
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.log = env, log
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        with open(self.log, "ab") as out:
            self.process = subprocess.Popen(
                [str(ROOT / "bin" / "serve")],
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()[-3000:]
            try:
                httpx.get(self.env["BASE"] + "/accounts/login/", timeout=2)
                return
            except httpx.TransportError:
                time.sleep(0.2)
        raise AssertionError("bin/serve did not come up:\n" + self.log.read_text()[-3000:])

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]


@pytest.fixture
def serve(serve_env, tmp_path):
    server = Serve(serve_env, tmp_path / "serve.log")
    yield server
    server.stop()


def seconds_left(html: str) -> float:
    return float(re.search(r'data-remaining="([\d.]+)"', html)[1])


def test_serve_with_no_env_runs_production_settings(serve, serve_env):
    serve.start()
    base = serve_env["BASE"]
    key = Path(serve_env["QUIZAPP_VAR_DIR"]) / "secret_key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert len(key.read_text().strip()) >= 50

    home = httpx.get(base + "/")
    assert home.status_code == 200
    assert "Strict-Transport-Security" not in home.headers  # plain http here
    assert "default-src 'self'" in home.headers["Content-Security-Policy"]
    assert "India" in home.text  # the seeded bank
    missing = httpx.get(base + "/no-such-page/")
    assert missing.status_code == 404 and "URLconf" not in missing.text  # DEBUG is off

    css = re.search(r'href="(/static/css/app\.[0-9a-f]{12}\.css)"', home.text)[1]
    static = httpx.get(base + css, headers={"Accept-Encoding": "gzip"})
    assert static.status_code == 200
    assert static.headers["Content-Encoding"] == "gzip"
    assert "immutable" in static.headers["Cache-Control"]
    assert "max-age=315360000" in static.headers["Cache-Control"]
    script = re.search(
        r'<script src="(/static/django_htmx/htmx[^"]+)" [^>]*nonce="([^"]+)"', home.text
    )
    assert f"'nonce-{script[2]}'" in home.headers["Content-Security-Policy"]


def test_restart_and_killed_worker_lose_nothing(serve, serve_env):
    serve.start()
    base = serve_env["BASE"]
    key = (Path(serve_env["QUIZAPP_VAR_DIR"]) / "secret_key").read_text().strip()
    env = {**serve_env, "SECRET_KEY": key, "ALLOWED_HOSTS": "127.0.0.1"}
    manage(env, "shell", "-c", SEED)
    browser = Browser()
    browser.log_in(base, "asha", "correct-horse-battery")
    steady = browser.post(base + "/quizzes/steady/start/").headers["Location"]
    brief = browser.post(base + "/quizzes/brief/start/").headers["Location"]
    # Showing a quiz's first question starts its clock.
    assert served_position(browser.get(base + steady).text) == 1
    assert served_position(browser.get(base + brief).text) == 1
    brief_started = time.monotonic()
    answered = browser.post(
        base + steady + "answer/", data={"position": 1, "choice": 0}, headers={"HX-Request": "true"}
    )
    assert served_position(answered.text) == 2
    before = seconds_left(answered.text)

    # A worker killed outright is replaced; the aspirant's next request just works.
    os.kill(serve.workers()[0], signal.SIGKILL)
    assert served_position(browser.get(base + steady).text) == 2

    serve.stop()
    stopped = time.monotonic()
    time.sleep(1)
    serve.start()
    # Past the brief quiz's clock (5 s) plus the grace (2 s).
    time.sleep(max(0.0, 8 - (time.monotonic() - brief_started)))
    down = time.monotonic() - stopped
    # Same key: the session survived the restart. The clock kept running meanwhile.
    page = browser.get(base + steady)
    assert page.status_code == 200 and served_position(page.text) == 2
    assert seconds_left(page.text) <= before - down + 1
    response = browser.post(
        base + steady + "answer/", data={"position": 2, "choice": 1}, headers={"HX-Request": "true"}
    )
    assert served_position(response.text) == 3
    # The brief quiz's clock ran out meanwhile: its question counts as timed out.
    assert browser.get(base + brief).headers["Location"].endswith("/results/")
    results = browser.get(base + brief + "results/")
    assert results.status_code == 200
    assert re.search(r'<span class="num">1</span> timed out', results.text)
    assert "Time ran out" in results.text
    browser.close()
