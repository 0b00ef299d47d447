"""What the benchmarks share: writing their section of docs/performance.md."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "performance.md"


def write_section(section: list[str]) -> None:
    """Replace (or append) the section whose heading is ``section[0]``, keeping the others."""
    heading = section[0]
    # Re-read just before writing: other sections may have been added meanwhile.
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n"
    start = text.find(f"\n{heading}\n")
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + "\n".join(section)
    else:
        end = text.find("\n## ", start + 1)
        rest = text[end + 1 :] if end != -1 else ""
        text = text[: start + 1] + "\n".join(section) + ("\n" + rest if rest else "")
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def setup_profiled_django(*, ceiling: bool = False) -> str:
    """Production settings (bench/settings.py) on a fresh temporary database.

    SQLite, or, when DATABASE_URL is a postgres:// URL, a new PostgreSQL database
    beside it (dropped at exit), with REDIS_URL's cache and sessions if it is set.
    Migrated, with static files collected; returns the temporary folder.
    """
    import atexit
    import os
    import secrets
    import sys
    import tempfile
    from urllib.parse import urlsplit

    sys.path.insert(0, str(ROOT))
    tmp = tempfile.mkdtemp(prefix="bench-profile-")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        QUIZAPP_VAR_DIR=tmp,
        STATIC_ROOT=str(Path(tmp) / "static"),
    )
    if ceiling:
        os.environ["BENCH_CEILING"] = "1"
    server_url = os.environ.get("DATABASE_URL", "")
    if server_url.startswith("postgres"):
        import psycopg

        name = f"bench_profile_{os.getpid()}"
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = urlsplit(server_url)._replace(path=f"/{name}").geturl()
        os.environ["BENCH_KEY_PREFIX"] = name

        @atexit.register
        def drop() -> None:
            from django.core.cache import cache
            from django.db import connections

            if os.environ.get("REDIS_URL"):
                cache.delete_pattern("*")
            connections.close_all()
            with psycopg.connect(server_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        os.environ.pop("DATABASE_URL", None)
        os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    return tmp


def setup_sqlite_django(folder: str, *, migrate: bool = True) -> None:
    """The project's own settings on a SQLite database in ``folder``, optionally migrated."""
    import os
    import sys

    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["QUIZAPP_VAR_DIR"] = folder
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-" + "x" * 40)
    os.environ["DJANGO_SETTINGS_MODULE"] = "quizapp.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
