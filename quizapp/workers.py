"""The gunicorn worker for `make serve`: requests on a running attempt go first.

A cohort starting a quiz in the same minute sends thousands of start requests
at once, and the aspirants served first are already answering question 1
while the rest of the starts wait. Gunicorn's sync worker takes connections
from the listening socket in arrival order, so those answers, whose clocks
are running, would queue behind every start still waiting.

This worker is gunicorn's threaded worker with one change: it looks at each
request's first line as it arrives (a peek, nothing is consumed) and its
threads take requests under ``/attempts/`` (the question page, answers,
finishing, results) before anything else; among equals, first come first
served. Starting, logging in and browsing wait a few milliseconds more in a
burst; nobody's clock does. The worker accepts connections as they arrive
(up to ``worker_connections``), so the waiting happens here, where it can be
ordered, not in the kernel's queue.

Priority is only an ordering: every request is still served, and a request
whose first line cannot be read yet, or is not plain HTTP, is ordinary.
"""

from __future__ import annotations

import errno
import heapq
import itertools
import selectors
import socket
import threading
import time
from concurrent.futures import Future
from functools import partial

from gunicorn.workers.gthread import DEFAULT_WORKER_DATA_TIMEOUT, TConn, ThreadWorker

URGENT, ORDINARY = 0, 1
# The attempt's own pages (quizapp/attempts/urls.py); a test keeps the two in step.
URGENT_PREFIXES = (b"/attempts/",)
PEEK_BYTES = 256


def urgency(head: bytes) -> int:
    """URGENT for a request line naming a path under an urgent prefix, else ORDINARY."""
    _method, space, rest = head.partition(b" ")
    if not space:
        return ORDINARY
    return URGENT if rest.startswith(URGENT_PREFIXES) else ORDINARY


class UrgentFirstExecutor:
    """A thread pool whose threads take the most urgent job first, then the oldest.

    The same ``submit``/``shutdown`` as ``concurrent.futures.ThreadPoolExecutor``
    (which has only one first-in, first-out queue), with ``urgency=`` on submit.
    """

    def __init__(self, max_workers: int) -> None:
        self._jobs: list = []  # heap of (urgency, arrival, future, fn, args)
        self._arrivals = itertools.count()
        self._ready = threading.Condition()
        self._shutdown = False
        self._threads = [
            threading.Thread(target=self._work, name=f"request-{n}", daemon=True)
            for n in range(max_workers)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, fn, /, *args, urgency: int = ORDINARY) -> Future:
        future: Future = Future()
        with self._ready:
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            heapq.heappush(self._jobs, (urgency, next(self._arrivals), future, fn, args))
            self._ready.notify()
        return future

    def _work(self) -> None:
        while True:
            with self._ready:
                while not self._jobs and not self._shutdown:
                    self._ready.wait()
                if not self._jobs:
                    return  # shut down and nothing left
                _urgency, _arrival, future, fn, args = heapq.heappop(self._jobs)
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn(*args)
            except BaseException as error:  # handed to whoever waits on the future
                future.set_exception(error)
            else:
                future.set_result(result)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._ready:
            self._shutdown = True
            if cancel_futures:
                for job in self._jobs:
                    job[2].cancel()
                self._jobs.clear()
            self._ready.notify_all()
        if wait:
            for thread in self._threads:
                thread.join()


class UrgentFirstWorker(ThreadWorker):
    """gunicorn's gthread worker whose threads serve running attempts first."""

    def get_thread_pool(self) -> UrgentFirstExecutor:
        return UrgentFirstExecutor(self.cfg.threads)

    def enqueue_req(self, conn: TConn) -> None:
        future = self.tpool.submit(self.handle, conn, urgency=self.urgency_of(conn))
        future.add_done_callback(
            lambda done: self.method_queue.defer(self.finish_request, conn, done)
        )

    def accept(self, listener) -> None:
        """As gthread's accept, but a connection whose request has not arrived yet
        waits on the poller (not in a thread), so that it is ordered when it does."""
        try:
            client_sock, client_addr = listener.accept()
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        conn = TConn(self.cfg, client_sock, client_addr, listener.getsockname())
        if peek(conn.sock) is None:
            conn.timeout = time.monotonic() + DEFAULT_WORKER_DATA_TIMEOUT
            self.pending_conns.append(conn)
            self.poller.register(
                conn.sock, selectors.EVENT_READ, partial(self.on_pending_socket_readable, conn)
            )
            return
        conn.data_ready = True
        self.enqueue_req(conn)

    @staticmethod
    def urgency_of(conn: TConn) -> int:
        if conn.cfg.is_ssl:
            return ORDINARY  # encrypted bytes: TLS ends at the proxy in front of us
        buffered = conn.parser.unreader.buf.getvalue() if conn.parser is not None else b""
        head = buffered or peek(conn.sock)
        return urgency(head) if head else ORDINARY


def peek(sock: socket.socket) -> bytes | None:
    """The first bytes waiting on the socket, left there; None if none have arrived
    (b"" once the client has closed, or on an error handle() will meet itself)."""
    try:
        return sock.recv(PEEK_BYTES, socket.MSG_PEEK | socket.MSG_DONTWAIT)
    except BlockingIOError:
        return None
    except OSError:
        return b""
