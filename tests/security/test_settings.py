"""Production settings: `check --deploy` is clean, and real responses carry the headers."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_"))
        and key not in {"DEBUG", "SECURE_SSL_REDIRECT"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="quizapp.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="quiz.example.com",
        QUIZAPP_VAR_DIR=str(tmp_path),
    )
    return env


def test_check_deploy_is_clean_with_production_env(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_https_response_carries_the_security_headers(client, aspirant):
    client.force_login(aspirant)
    response = client.get(reverse("home"), secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_session_and_csrf_cookies_are_secure_and_the_session_http_only(client, aspirant):
    client.get(reverse("login"), secure=True)
    response = client.post(
        reverse("login"),
        {"username": "asha", "password": "correct-horse-battery"},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] == "Lax"
    assert response.cookies["csrftoken"]["secure"]


@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_redirected_to_https(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


@pytest.mark.parametrize("path", ["/static/css/app.css", "/static/js/quiz.js"])
def test_static_files_are_served_by_whitenoise(client, db, path):
    response = client.get(path)
    response.close()
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
