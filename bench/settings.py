"""The load benchmark's server: production settings, with one deliberate difference.

Passwords are hashed with MD5 here so that logging 2,000 aspirants in takes
seconds: production's PBKDF2 (1,000,000 iterations, about 0.4 s of CPU each)
would keep this 2-core box busy for minutes before the first answer, and the
answer path, which is what is measured, never hashes a password.
"""

import os

from quizapp.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if REDIS_URL:  # noqa: F405
    # One run's keys, deleted when it ends.
    CACHES["default"]["KEY_PREFIX"] = os.environ.get("BENCH_KEY_PREFIX", "bench")  # noqa: F405
