"""Real app servers in subprocesses, and a small HTTP client that logs in and answers.

The client keeps cookies itself: the session and CSRF cookies are Secure, and
Python's cookie jar will not send a Secure cookie over the plain http these
loopback servers speak (a browser does, for localhost).
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(**overrides: str) -> dict[str, str]:
    """This process's environment as production sees it: DEBUG off, no test settings."""
    dropped = {"DEBUG", "SECURE_SSL_REDIRECT", "DATABASE_URL", "REDIS_URL", "BENCH_CEILING"}
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_")) and key not in dropped
    }
    env.update(
        DJANGO_SETTINGS_MODULE="quizapp.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.update(overrides)
    return env


def manage(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise AssertionError(
            f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
        )
    return result.stdout


def wait_until_up(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited with {process.returncode}")
        try:
            httpx.get(url + "/accounts/login/", timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"no answer from {url} within {timeout} s")


@contextmanager
def running(command: list[str], env: dict[str, str], port: int, log: Path) -> Iterator[str]:
    """Run a server until the block ends; yields its base URL."""
    with open(log, "wb") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process, timeout=120)
        yield url
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(5)


def gunicorn(port: int, workers: int = 1) -> list[str]:
    return [
        str(BIN / "gunicorn"),
        "--config",
        "python:quizapp.gunicorn_conf",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "quizapp.wsgi",
    ]


class Browser:
    """Just enough of a browser: cookies shared by every server, CSRF like htmx sends it."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}
        self.http = httpx.Client(timeout=20, follow_redirects=False)

    def close(self) -> None:
        self.http.close()

    def request(self, method: str, url: str, **kwargs) -> httpx.Response:
        headers = kwargs.pop("headers", {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST" and "csrftoken" in self.cookies:
            headers["X-CSRFToken"] = self.cookies["csrftoken"]
        response = self.http.request(method, url, headers=headers, **kwargs)
        for header in response.headers.get_list("set-cookie"):
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, url: str, **kwargs) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def log_in(self, base: str, username: str, password: str) -> None:
        self.get(base + "/accounts/login/")
        response = self.post(
            base + "/accounts/login/", data={"username": username, "password": password}
        )
        assert response.status_code == 302, response.text[:500]
        assert "sessionid" in self.cookies


def served_position(html: str) -> int:
    """The question number the page or fragment serves (1-based)."""
    return int(re.search(r'name="position" value="(\d+)"', html)[1])
