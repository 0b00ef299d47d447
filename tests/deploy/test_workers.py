"""The gunicorn worker (quizapp/workers.py): requests on a running attempt go first."""

from __future__ import annotations

import socket
import threading
import time
import uuid

import pytest
from django.urls import reverse

from quizapp.workers import (
    ORDINARY,
    URGENT,
    URGENT_PREFIXES,
    UrgentFirstExecutor,
    urgency,
)
from tests.deploy.servers import BIN, free_port, production_env, running


def test_urgency_reads_the_request_line():
    assert urgency(b"POST /attempts/0b5e/answer/ HTTP/1.1\r\nHost: x\r\n") == URGENT
    assert urgency(b"GET /attempts/0b5e/ HTTP/1.1\r\n") == URGENT
    assert urgency(b"POST /quizzes/cepa/start/ HTTP/1.1\r\n") == ORDINARY
    assert urgency(b"GET / HTTP/1.1\r\n") == ORDINARY
    assert urgency(b"GET /static/attempts/x.js HTTP/1.1\r\n") == ORDINARY
    assert urgency(b"\x16\x03\x01\x02\x00") == ORDINARY  # a TLS hello, not HTTP
    assert urgency(b"") == ORDINARY


def test_every_page_of_a_running_attempt_is_urgent_and_starting_is_not():
    attempt = uuid.uuid4()
    for name in ("take", "answer", "next", "finish", "results"):
        path = reverse(f"attempts:{name}", kwargs={"attempt_id": attempt})
        assert urgency(f"POST {path} HTTP/1.1".encode()) == URGENT, name
    for path in (reverse("attempts:start", kwargs={"slug": "cepa"}), reverse("home")):
        assert not path.encode().startswith(URGENT_PREFIXES)


def test_executor_runs_urgent_jobs_first_then_in_arrival_order():
    pool = UrgentFirstExecutor(1)
    release, done = threading.Event(), []
    pool.submit(release.wait)  # holds the only thread while the rest queue
    jobs = [
        pool.submit(done.append, "start 1"),
        pool.submit(done.append, "start 2"),
        pool.submit(done.append, "answer 1", urgency=URGENT),
        pool.submit(done.append, "home"),
        pool.submit(done.append, "answer 2", urgency=URGENT),
    ]
    release.set()
    for job in jobs:
        job.result(timeout=10)
    assert done == ["answer 1", "answer 2", "start 1", "start 2", "home"]
    pool.shutdown()


def test_executor_hands_errors_to_the_future_and_refuses_work_after_shutdown():
    pool = UrgentFirstExecutor(2)
    failing = pool.submit(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        failing.result(timeout=10)
    assert pool.submit(lambda: "still serving").result(timeout=10) == "still serving"
    pool.shutdown()
    with pytest.raises(RuntimeError):
        pool.submit(print)


def send(port: int, request: bytes) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.sendall(request)
    return sock


def read_response(sock: socket.socket, name: str, finished: list[str]) -> None:
    with sock:
        while sock.recv(65536):
            pass
    finished.append(name)


def test_answer_queued_behind_other_requests_is_served_first(tmp_path):
    """One worker, one thread: while it is busy, three page loads and then an answer
    arrive; the answer is served as soon as the thread is free, before the three."""
    port = free_port()
    env = production_env(QUIZAPP_VAR_DIR=str(tmp_path), WEB_CONCURRENCY="1", GUNICORN_THREADS="1")
    command = [
        str(BIN / "gunicorn"),
        "--config",
        "python:quizapp.gunicorn_conf",
        "--bind",
        f"127.0.0.1:{port}",
        "quizapp.wsgi",
    ]
    head = b"Host: 127.0.0.1\r\nConnection: close\r\n"
    with running(command, env, port, tmp_path / "gunicorn.log"):
        # A request whose head has not all arrived holds the thread, reading it.
        busy = send(port, b"GET /accounts/login/ HTTP/1.1\r\n" + head)
        queued = {
            f"page {n}": send(port, b"GET /accounts/login/ HTTP/1.1\r\n" + head + b"\r\n")
            for n in (1, 2, 3)
        }
        answer = f"POST /attempts/{uuid.uuid4()}/answer/ HTTP/1.1\r\n".encode()
        queued["answer"] = send(port, answer + head + b"Content-Length: 0\r\n\r\n")
        time.sleep(1)  # the worker accepts them all meanwhile; its thread is still busy
        finished: list[str] = []
        readers = [
            threading.Thread(target=read_response, args=(sock, name, finished))
            for name, sock in queued.items()
        ]
        for reader in readers:
            reader.start()
        busy.sendall(b"\r\n")  # the first request is complete: the thread moves on
        read_response(busy, "busy", [])
        for reader in readers:
            reader.join(30)
    assert finished[0] == "answer"
    assert sorted(finished[1:]) == ["page 1", "page 2", "page 3"]
