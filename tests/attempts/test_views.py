"""Taking a quiz over HTTP: pages, fragments, errors, access and query budgets."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.urls import reverse

from quizapp.attempts.models import Answer, Attempt
from tests.factories import QuestionFactory, QuizFactory, UserFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def logged_in(client, aspirant):
    client.force_login(aspirant)
    return client


def start(client, quiz) -> Attempt:
    """Start the quiz and show its first question, as a browser following the redirect."""
    response = client.post(reverse("attempts:start", args=[quiz.slug]))
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    return Attempt.objects.latest("started_at")


def answer_url(attempt):
    return reverse("attempts:answer", args=[attempt.pk])


def correct_index(attempt, position):
    item = attempt.items.get(position=position)
    return next(i for i, o in enumerate(item.options) if o["id"] == item.correct_choice_id)


def test_home_lists_published_quizzes_with_their_rules(client, db):
    QuizFactory(title="Economy drill", questions=3, negative_mark="1/3")
    QuizFactory(title="Hidden draft", is_published=False)
    page = client.get(reverse("home")).content.decode()
    assert "Economy drill" in page
    assert "3 questions" in page
    assert "1/3 per wrong answer" in page
    assert "Hidden draft" not in page


def test_home_shows_best_and_last_score(logged_in, quiz):
    attempt = start(logged_in, quiz)
    logged_in.post(reverse("attempts:finish", args=[attempt.pk]))
    page = logged_in.get(reverse("home")).content.decode()
    assert "Your best: <strong>0%</strong>" in page


def test_anonymous_start_goes_to_login_and_back(client, quiz):
    response = client.post(reverse("attempts:start", args=[quiz.slug]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert response["Location"].endswith("?next=" + quiz.get_absolute_url())
    detail = client.get(quiz.get_absolute_url()).content.decode()
    assert "Log in to start" in detail


def test_signup_logs_in_and_returns_to_the_quiz(client, quiz):
    response = client.post(
        reverse("signup") + f"?next={quiz.get_absolute_url()}",
        {
            "username": "newcomer",
            "email": "new@example.com",
            "password1": "a-long-pass-phrase-42",
            "password2": "a-long-pass-phrase-42",
            "next": quiz.get_absolute_url(),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == quiz.get_absolute_url()
    assert "Start the quiz" in client.get(quiz.get_absolute_url()).content.decode()


def test_login_rotates_the_session_key(client, aspirant):
    client.get(reverse("login"))
    session = client.session
    session["marker"] = 1
    session.save()
    before = client.session.session_key
    client.post(reverse("login"), {"username": "asha", "password": "correct-horse-battery"})
    assert client.session.session_key != before


def test_question_page_shows_progress_timer_and_options(logged_in, quiz):
    attempt = start(logged_in, quiz)
    page = logged_in.get(attempt.get_absolute_url()).content.decode()
    assert "Question 1 of 5" in page
    assert 'role="timer"' in page
    assert page.count('type="radio"') == 4
    assert 'hx-post="' + answer_url(attempt) in page
    assert 'action="' + answer_url(attempt) in page


def answer_key_leaks(html: str, attempt, position: int) -> list[str]:
    """Anything in an unanswered question's HTML that would tell which option is right."""
    item = attempt.items.get(position=position)
    leaks = []
    numbers = set(re.findall(r"\b\d+\b", html))
    if str(item.correct_choice_id) in numbers:
        leaks.append("correct choice id")
    giveaways = ("is_correct", "correct_choice", "data-correct", "option-correct", "Correct answer")
    for word in giveaways:
        if word in html:
            leaks.append(word)
    for option in item.options:
        if str(option["id"]) in numbers:
            leaks.append("an option id")
    radio_values = re.findall(r'type="radio" name="choice" id="[^"]+" value="([^"]*)"', html)
    if radio_values != [str(i) for i in range(len(item.options))]:
        leaks.append(f"radio values are not plain places: {radio_values}")
    return leaks


def test_no_answer_key_in_any_unanswered_question_page_or_fragment(logged_in, db):
    quiz = QuizFactory(questions=3, feedback_mode="each")
    attempt = start(logged_in, quiz)
    for position in range(3):
        full = logged_in.get(attempt.get_absolute_url()).content.decode()
        fragment = logged_in.get(attempt.get_absolute_url(), **HTMX).content.decode()
        assert answer_key_leaks(full, attempt, position) == []
        assert answer_key_leaks(fragment, attempt, position) == []
        feedback = logged_in.post(
            answer_url(attempt), {"position": position + 1, "action": "skip"}, **HTMX
        ).content.decode()
        assert "Correct answer" in feedback  # revealed only once answered
        if position < 2:
            nxt = logged_in.post(reverse("attempts:next", args=[attempt.pk]), **HTMX)
            assert answer_key_leaks(nxt.content.decode(), attempt, position + 1) == []


def test_end_mode_reveals_nothing_until_the_end(logged_in, db):
    quiz = QuizFactory(questions=2, feedback_mode="end")
    attempt = start(logged_in, quiz)
    response = logged_in.post(
        answer_url(attempt), {"position": 1, "choice": correct_index(attempt, 0)}, **HTMX
    )
    html = response.content.decode()
    assert "Question 2 of 2" in html
    assert "Correct" not in html and "Explanation" not in html
    assert answer_key_leaks(html, attempt, 1) == []


def test_htmx_answer_returns_the_next_question_fragment_only(logged_in, db):
    quiz = QuizFactory(questions=2, feedback_mode="end")
    attempt = start(logged_in, quiz)
    response = logged_in.post(answer_url(attempt), {"position": 1, "action": "skip"}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="quiz-panel"')
    assert "<html" not in html


def test_plain_post_redirects_back_to_the_attempt(logged_in, quiz):
    attempt = start(logged_in, quiz)
    response = logged_in.post(answer_url(attempt), {"position": 1, "action": "skip"})
    assert response.status_code == 302
    assert response["Location"] == attempt.get_absolute_url()


def test_last_answer_leads_to_results_with_explanations_and_sources(logged_in, db):
    quiz = QuizFactory(questions=1, feedback_mode="end")
    attempt = start(logged_in, quiz)
    response = logged_in.post(answer_url(attempt), {"position": 1, "choice": 0}, **HTMX)
    assert response["HX-Redirect"] == attempt.get_results_url()
    page = logged_in.get(attempt.get_results_url()).content.decode()
    item = attempt.items.get()
    assert "Question by question" in page
    assert "<strong>implemented in 2011</strong>" in page
    fact = item.facts[0]
    assert fact["label"] in page and fact["quote"] in page
    assert reverse("source_detail", args=[fact["source_slug"]]) + f"?fact={fact['id']}" in page


def test_results_explain_what_negative_marking_cost(logged_in, db):
    quiz = QuizFactory(questions=2, feedback_mode="end", negative_mark="1/3")
    attempt = start(logged_in, quiz)
    wrong = (correct_index(attempt, 0) + 1) % 4
    logged_in.post(answer_url(attempt), {"position": 1, "choice": wrong})
    logged_in.post(answer_url(attempt), {"position": 2, "choice": correct_index(attempt, 1)})
    page = logged_in.get(attempt.get_results_url()).content.decode()
    assert "took away <strong>0.33</strong>" in page
    assert "would have scored 1" in page


def test_source_page_highlights_the_cited_passage(client, db):
    question = QuestionFactory()
    fact = question.facts.get()
    page = client.get(fact.source.get_absolute_url() + f"?fact={fact.pk}").content.decode()
    assert f'<mark id="fact-{fact.pk}" class="mark-target"' in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"position": "1", "choice": "9"}, "not one of this question"),
        ({"position": "3", "choice": "0"}, "not the one being served"),
        ({"position": "abc", "choice": "0"}, "malformed"),
        ({"position": "1", "choice": "<script>"}, "malformed"),
    ],
)
def test_bad_submissions_get_400_with_a_message_and_write_nothing(logged_in, quiz, data, message):
    attempt = start(logged_in, quiz)
    for extra in ({}, HTMX):
        response = logged_in.post(answer_url(attempt), data, **extra)
        assert response.status_code == 400
        assert message in response.content.decode()
    assert Answer.objects.count() == 0


def test_answer_before_the_first_question_is_shown_gets_400_and_shows_it(logged_in, quiz):
    response = logged_in.post(reverse("attempts:start", args=[quiz.slug]))
    attempt = Attempt.objects.get()
    assert attempt.current_served_at is None
    refused = logged_in.post(answer_url(attempt), {"position": 1, "choice": 0}, **HTMX)
    assert refused.status_code == 400
    assert "has not been shown yet" in refused.content.decode()
    assert Answer.objects.count() == 0
    # The refusal shows the question, so its clock starts with it.
    assert Attempt.objects.get().current_served_at is not None
    assert response.status_code == 302


def test_double_click_records_one_answer_and_shows_current_state(logged_in, quiz):
    attempt = start(logged_in, quiz)
    data = {"position": 1, "choice": correct_index(attempt, 0)}
    first = logged_in.post(answer_url(attempt), data, **HTMX)
    second = logged_in.post(answer_url(attempt), {"position": 1, "choice": 3}, **HTMX)
    assert first.status_code == second.status_code == 200
    assert Answer.objects.filter(attempt=attempt).count() == 1
    attempt.refresh_from_db()
    assert attempt.correct == 1 and attempt.wrong == 0


def test_another_users_attempt_is_404_and_untouched(client, quiz, aspirant):
    client.force_login(aspirant)
    attempt = start(client, quiz)
    intruder = UserFactory()
    client.force_login(intruder)
    for url, method in [
        (attempt.get_absolute_url(), "get"),
        (attempt.get_results_url(), "get"),
        (answer_url(attempt), "post"),
        (reverse("attempts:next", args=[attempt.pk]), "post"),
        (reverse("attempts:finish", args=[attempt.pk]), "post"),
    ]:
        response = getattr(client, method)(url, {"position": 1, "choice": 0})
        assert response.status_code == 404
    attempt.refresh_from_db()
    assert attempt.settled_count == 0 and not attempt.is_finished


def test_finished_attempt_answer_goes_to_results_without_writing(logged_in, db):
    quiz = QuizFactory(questions=1)
    attempt = start(logged_in, quiz)
    logged_in.post(answer_url(attempt), {"position": 1, "choice": 0})
    response = logged_in.post(answer_url(attempt), {"position": 1, "choice": 1})
    assert response.status_code == 302
    assert response["Location"] == attempt.get_results_url()
    assert Answer.objects.filter(attempt=attempt).count() == 1


def test_first_showing_writes_only_the_serve_time(logged_in, quiz):
    with time_machine.travel("2026-05-01 09:00:00+00:00", tick=False) as traveller:
        logged_in.post(reverse("attempts:start", args=[quiz.slug]))
        before = Attempt.objects.values().get()
        traveller.shift(timedelta(seconds=30))
        page = logged_in.get(Attempt.objects.get().get_absolute_url()).content.decode()
        after = Attempt.objects.values().get()
    assert after.pop("current_served_at") == before.pop("started_at") + timedelta(seconds=30)
    assert before.pop("current_served_at") is None
    after.pop("started_at")
    assert after == before
    assert 'data-remaining="19.000"' in page


def test_get_requests_write_nothing(logged_in, quiz):
    attempt = start(logged_in, quiz)
    before = Attempt.objects.filter(pk=attempt.pk).values().get()
    for url in (attempt.get_absolute_url(), reverse("attempts:history"), reverse("home")):
        logged_in.get(url)
    assert Attempt.objects.filter(pk=attempt.pk).values().get() == before


def test_reload_shows_the_time_left(logged_in, quiz):
    with time_machine.travel("2026-05-01 09:00:00+00:00", tick=False) as traveller:
        attempt = start(logged_in, quiz)
        traveller.shift(timedelta(seconds=10))
        page = logged_in.get(attempt.get_absolute_url()).content.decode()
    assert 'data-remaining="9.000"' in page
    assert re.search(r'role="timer"[^>]*>9<', page)


def test_late_answer_is_recorded_as_timed_out(logged_in, quiz):
    with time_machine.travel("2026-05-01 09:00:00+00:00", tick=False) as traveller:
        attempt = start(logged_in, quiz)
        traveller.shift(timedelta(seconds=25))
        response = logged_in.post(
            answer_url(attempt), {"position": 1, "choice": correct_index(attempt, 0)}, **HTMX
        )
    assert response.status_code == 200
    assert Answer.objects.get(attempt=attempt, position=0).outcome == "timed_out"


def test_expired_csrf_token_gets_a_clear_message(aspirant, quiz):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(aspirant)
    response = client.post(reverse("attempts:start", args=[quiz.slug]))
    assert response.status_code == 403
    assert "Reload the page and try again" in response.content.decode()
    htmx = client.post(reverse("attempts:start", args=[quiz.slug]), **HTMX)
    assert htmx.status_code == 403
    assert "<html" not in htmx.content.decode()
    assert Attempt.objects.count() == 0


def test_htmx_fragments_post_with_the_header_token_and_full_pages_carry_inputs(aspirant, db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(aspirant)
    quiz = QuizFactory(questions=3, feedback_mode="end")
    home = client.get(reverse("home"))
    token = home.cookies["csrftoken"].value
    header = {"HTTP_X_CSRFTOKEN": token}
    client.post(reverse("attempts:start", args=[quiz.slug]), **header)
    attempt = Attempt.objects.get()
    page = client.get(attempt.get_absolute_url()).content.decode()
    # Without JavaScript the forms post themselves: each carries its token (answer,
    # timeout, end now, and the header's log out).
    assert page.count('name="csrfmiddlewaretoken"') == 4
    answered = client.post(answer_url(attempt), {"position": 1, "choice": 0}, **HTMX, **header)
    fragment = answered.content.decode()
    assert "Question 2 of 3" in fragment
    # The fragment's forms post through htmx, which sends the header: no token minted.
    assert "csrfmiddlewaretoken" not in fragment and "csrftoken" not in answered.cookies
    assert 'hx-post="' + reverse("attempts:finish", args=[attempt.pk]) + '"' in fragment
    refused = client.post(answer_url(attempt), {"position": 2, "choice": 0}, **HTMX)
    assert refused.status_code == 403
    finished = client.post(reverse("attempts:finish", args=[attempt.pk]), **HTMX, **header)
    assert finished["HX-Redirect"] == attempt.get_results_url()
    attempt.refresh_from_db()
    assert attempt.is_finished and (attempt.correct + attempt.wrong, attempt.skipped) == (1, 2)


def test_history_shows_attempts_accuracy_and_chart(logged_in, db):
    quiz = QuizFactory(questions=2, feedback_mode="end")
    attempt = start(logged_in, quiz)
    logged_in.post(answer_url(attempt), {"position": 1, "choice": correct_index(attempt, 0)})
    logged_in.post(answer_url(attempt), {"position": 2, "action": "skip"})
    page = logged_in.get(reverse("attempts:history")).content.decode()
    assert "<svg" in page and "<circle" in page
    assert "Accuracy by topic" in page and "1/2" in page
    assert "50%" in page


# Serving: the attempt with its user and current item (one read; the first showing
# adds the UPDATE of its serve time). Answering: the attempt with its user, the
# answered item and the next one (one read), INSERT answer, UPDATE attempt (on
# PostgreSQL one statement doing both); the test's own transaction adds a SAVEPOINT
# and a RELEASE around them.
@pytest.mark.parametrize("size", [5, 100])
def test_serving_and_answering_take_constant_queries(
    logged_in, db, size, django_assert_num_queries
):
    fact_count_quiz = QuizFactory(questions=size, feedback_mode="end")
    # A longer history must not cost more either.
    for _ in range(3):
        old = start(logged_in, fact_count_quiz)
        logged_in.post(reverse("attempts:finish", args=[old.pk]))
    logged_in.post(reverse("attempts:start", args=[fact_count_quiz.slug]))
    attempt = Attempt.objects.latest("started_at")
    # The first showing also writes its serve time; a reload only reads.
    with django_assert_num_queries(2):
        logged_in.get(attempt.get_absolute_url(), **HTMX)
    with django_assert_num_queries(1):
        logged_in.get(attempt.get_absolute_url(), **HTMX)
    with django_assert_num_queries(4 if connection.vendor == "postgresql" else 5):
        logged_in.post(answer_url(attempt), {"position": 1, "choice": 0}, **HTMX)


# In production, outside the test's transaction: the answer's whole write is one
# transaction. SQLite: BEGIN, INSERT, UPDATE, COMMIT, so the request runs 5 statements.
# PostgreSQL: one statement that is its own transaction (autocommit), so 2.
@pytest.mark.django_db(transaction=True)
def test_answering_writes_in_one_transaction_within_five_statements(client):
    from unittest import mock

    from django.db import connections
    from django.test.utils import CaptureQueriesContext

    client.force_login(UserFactory())
    quiz = QuizFactory(questions=3, feedback_mode="end")
    attempt = start(client, quiz)
    database = connections["default"]
    with (
        mock.patch.object(database, "commit", wraps=database.commit) as commit,
        CaptureQueriesContext(database) as queries,
    ):
        response = client.post(answer_url(attempt), {"position": 1, "choice": 0}, **HTMX)
    assert response.status_code == 200 and "Question 2 of 3" in response.content.decode()
    statements = [q["sql"].split()[0] for q in queries]
    if connection.vendor == "postgresql":
        # the attempt with its user and two items, then UPDATE attempt and INSERT answer
        # in one WITH
        assert commit.call_count == 0
        assert statements == ["SELECT", "WITH"]
    else:
        assert commit.call_count == 1
        # the attempt with its user and two items, BEGIN, INSERT answer, UPDATE attempt,
        # COMMIT
        assert statements == ["SELECT", "BEGIN", "INSERT", "UPDATE", "COMMIT"]
    assert Answer.objects.filter(attempt=attempt).count() == 1
