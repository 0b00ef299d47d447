"""Gunicorn settings for `make serve` (and bench/load.py); each can be overridden by env.

WEB_CONCURRENCY   worker processes (default 2 x cores + 1)
BIND              address:port to listen on (default 127.0.0.1:8000)
GUNICORN_THREADS  request threads in each worker (default 1)
GUNICORN_TIMEOUT  seconds before a worker that stops answering is replaced (default 30)
ACCESS_LOG        "-" to log every request to stdout (default off)
"""

from __future__ import annotations

import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1))
# gunicorn's threaded worker, whose threads serve requests on a running attempt
# (answers, the question page) before starts and browsing: quizapp/workers.py. One
# thread each by default, so a worker serves one request at a time as a sync worker
# does. Put nginx (or any proxy that buffers slow clients) in front on the internet.
worker_class = "quizapp.workers.UrgentFirstWorker"
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# One request per connection, as with sync workers: a worker that is replaced never
# leaves a client holding a dead kept-alive connection. Keep-alive (and TLS) belong to
# the proxy in front.
keepalive = 0
backlog = int(os.environ.get("GUNICORN_BACKLOG", "2048"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# The heartbeat file in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = os.environ.get("ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# No control socket in $HOME: several servers may run side by side (tests, benchmarks).
control_socket_disable = True
