"""Content Security Policy: the header on every page, and nothing inline for it to block."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from questions.models import Question
from tests.factories import QuizFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def inline_code(html: str) -> list[str]:
    """Anything in the page a strict policy would block: inline scripts, styles, handlers."""
    found = []
    for attributes, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S):
        is_data = re.search(r'type="application/(ld\+)?json"', attributes)
        if "src=" not in attributes and not is_data and body.strip():
            found.append(f"inline script: {body.strip()[:60]}")
    found += [f"style element: {m[:60]}" for m in re.findall(r"<style\b[^>]*>(.*?)</style>", html)]
    found += [f"style attribute: {m}" for m in re.findall(r"<[^>]+\sstyle=\"([^\"]*)\"", html)]
    found += [f"handler: {m}" for m in re.findall(r"<[^>]+\s(on[a-z]+)=", html)]
    found += ["javascript: URL" for _ in re.findall(r"href=\"javascript:", html)]
    return found


def test_policy_allows_only_own_scripts_and_styles(client, db):
    directives = policy(client.get(reverse("home")))
    assert directives["default-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    scripts = directives["script-src"]
    assert "'self'" in scripts
    assert not {"'unsafe-inline'", "'unsafe-eval'", "*"} & set(scripts)


def test_htmx_script_carries_the_nonce_of_its_response(client, db):
    response = client.get(reverse("home"))
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    html = response.content.decode()
    assert re.search(rf'<script src="[^"]*htmx[^"]*" [^>]*nonce="{re.escape(nonce)}"', html)
    # A fresh nonce each time.
    again = client.get(reverse("home"))["Content-Security-Policy"]
    assert f"'nonce-{nonce}'" not in again


def test_htmx_is_configured_to_need_no_eval_or_inline_styles(client, db):
    html = client.get(reverse("home")).content.decode()
    assert (
        '<meta name="htmx-config" content=\'{"allowEval":false,"includeIndicatorStyles":false,'
        ' "allowScriptTags": false}\'>'
    ) in html


@pytest.fixture
def finished_attempt(client, aspirant):
    client.force_login(aspirant)
    quiz = QuizFactory(questions=2, feedback_mode="each")
    client.post(reverse("attempts:start", args=[quiz.slug]))
    attempt = aspirant.attempts.get()
    return quiz, attempt


def test_aspirant_pages_have_no_inline_code(client, finished_attempt):
    quiz, attempt = finished_attempt
    pages = {
        "home": client.get(reverse("home")),
        "quiz": client.get(quiz.get_absolute_url()),
        "question": client.get(attempt.get_absolute_url()),
        "question fragment": client.get(attempt.get_absolute_url(), **HTMX),
    }
    pages["feedback"] = client.post(
        reverse("attempts:answer", args=[attempt.pk]), {"position": 1, "choice": 0}, **HTMX
    )
    client.post(reverse("attempts:finish", args=[attempt.pk]))
    pages["results"] = client.get(attempt.get_results_url())
    pages["history"] = client.get(reverse("attempts:history"))
    client.logout()
    for name in ("login", "signup", "password_reset"):
        pages[name] = client.get(reverse(name))
    for name, response in pages.items():
        assert response.status_code == 200, name
        assert "Content-Security-Policy" in response, name
        assert inline_code(response.content.decode()) == [], name


def test_admin_works_under_the_policy(staff_client):
    QuizFactory(questions=1)
    question = Question.objects.get()
    staff_client.logout()
    login = staff_client.get(reverse("admin:login"))
    assert login.status_code == 200
    assert "Content-Security-Policy" in login
    assert inline_code(login.content.decode()) == []
    staff_client.force_login(staff_client.user)
    for url in (
        reverse("admin:index"),
        reverse("admin:questions_question_changelist"),
        reverse("admin:questions_question_change", args=[question.pk]),
        reverse("admin:questions_question_add"),
    ):
        response = staff_client.get(url)
        assert response.status_code == 200, url
        assert "Content-Security-Policy" in response, url
        assert inline_code(response.content.decode()) == [], url
