"""The question page and the answer read the user with the attempt: sign-in rules still hold."""

from __future__ import annotations

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY
from django.test import override_settings
from django.urls import reverse

from quizapp.attempts.models import Answer, Attempt
from tests.factories import QuizFactory, UserFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def aspirant(db):
    return UserFactory(username="asha")


def start(client, quiz) -> Attempt:
    """Start the quiz and show its first question (its clock starts)."""
    page = client.get(client.post(reverse("attempts:start", args=[quiz.slug]))["Location"])
    assert page.status_code == 200
    return Attempt.objects.latest("started_at")


def answer(client, attempt, **headers):
    url = reverse("attempts:answer", args=[attempt.pk])
    return client.post(url, {"position": 1, "action": "skip"}, **headers)


def assert_sent_to_login(response, attempt):
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")
    assert str(attempt.pk) in response["Location"]


def test_the_page_knows_who_is_signed_in_from_the_same_read(client, aspirant):
    client.force_login(aspirant)
    attempt = start(client, QuizFactory(questions=2, feedback_mode="end"))
    page = client.get(attempt.get_absolute_url()).content.decode()
    assert "Log out asha" in page
    response = answer(client, attempt, **HTMX)
    assert response.status_code == 200 and "Question 2 of 2" in response.content.decode()


def test_a_password_changed_elsewhere_ends_the_session_before_anything_is_written(client, aspirant):
    client.force_login(aspirant)
    attempt = start(client, QuizFactory(questions=2, feedback_mode="end"))
    aspirant.set_password("a-new-pass-phrase-77")
    aspirant.save()
    assert_sent_to_login(answer(client, attempt, **HTMX), attempt)
    assert not Answer.objects.exists()
    assert_sent_to_login(client.get(attempt.get_absolute_url()), attempt)
    assert SESSION_KEY not in client.session  # Django ended the session


def test_a_deactivated_account_cannot_answer_or_see_the_question(client, aspirant):
    client.force_login(aspirant)
    attempt = start(client, QuizFactory(questions=2, feedback_mode="end"))
    aspirant.is_active = False
    aspirant.save()
    assert_sent_to_login(answer(client, attempt), attempt)
    assert_sent_to_login(client.get(attempt.get_absolute_url()), attempt)
    assert not Answer.objects.exists()


def test_a_session_from_a_backend_no_longer_configured_is_not_signed_in(client, aspirant):
    client.force_login(aspirant)
    attempt = start(client, QuizFactory(questions=2, feedback_mode="end"))
    session = client.session
    session[BACKEND_SESSION_KEY] = "some.removed.Backend"
    session.save()
    assert_sent_to_login(answer(client, attempt), attempt)
    assert not Answer.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, aspirant):
    client.force_login(aspirant)
    attempt = start(client, QuizFactory(questions=2, feedback_mode="end"))
    client.logout()
    assert_sent_to_login(client.get(attempt.get_absolute_url()), attempt)
    assert_sent_to_login(answer(client, attempt), attempt)
    assert not Answer.objects.exists()


def test_a_session_signed_with_a_retired_secret_key_carries_on(client, aspirant):
    """Django accepts a hash made with a fallback key and rotates the session: so do we."""
    with override_settings(SECRET_KEY="an-old-secret-key-" * 3):
        client.force_login(aspirant)
        attempt = start(client, QuizFactory(questions=2, feedback_mode="end"))
    old_key = client.session.session_key
    with override_settings(
        SECRET_KEY="a-new-secret-key-" * 3, SECRET_KEY_FALLBACKS=["an-old-secret-key-" * 3]
    ):
        response = answer(client, attempt, **HTMX)
    assert response.status_code == 200 and "Question 2 of 2" in response.content.decode()
    assert Answer.objects.filter(attempt=attempt).count() == 1
    assert client.session.session_key != old_key


def test_someone_elses_attempt_is_404_for_the_page_and_the_answer(client, aspirant):
    client.force_login(aspirant)
    attempt = start(client, QuizFactory(questions=2, feedback_mode="end"))
    client.force_login(UserFactory(username="ravi"))
    assert client.get(attempt.get_absolute_url()).status_code == 404
    assert answer(client, attempt, **HTMX).status_code == 404
    assert not Answer.objects.exists()
