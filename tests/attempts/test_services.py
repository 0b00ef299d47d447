"""The quiz rules: the server's clock, scoring, and one answer per question."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from quizapp.attempts import services
from quizapp.attempts.models import Answer, Attempt
from quizapp.attempts.services import Submission
from tests.factories import (
    FactFactory,
    QuestionFactory,
    QuizFactory,
    SourceFactory,
    TopicFactory,
    UserFactory,
)


def sec(n: float) -> timedelta:
    return timedelta(seconds=n)


def correct_index(attempt: Attempt, position: int) -> int:
    item = attempt.items.get(position=position)
    return next(i for i, o in enumerate(item.options) if o["id"] == item.correct_choice_id)


def wrong_index(attempt: Attempt, position: int) -> int:
    return (correct_index(attempt, position) + 1) % 4


def answer(attempt, position, index, now):
    return services.record_answer(
        attempt=attempt,
        submission=Submission(position=position, action="answer", choice_index=index),
        now=now,
    )


def begin(*, user, quiz, now, **kwargs) -> tuple[Attempt, bool]:
    """Start the quiz and show its first question at the same moment."""
    attempt, resumed = services.start_attempt(user=user, quiz=quiz, now=now, **kwargs)
    services.serve(attempt=attempt, now=now)
    return attempt, resumed


def test_start_fixes_the_question_order_and_leaves_the_clock_to_the_page(aspirant, quiz, t0):
    attempt, resumed = services.start_attempt(user=aspirant, quiz=quiz, now=t0)
    assert not resumed
    assert attempt.total_questions == 5
    assert attempt.current_served_at is None
    stems = list(attempt.items.values_list("stem", flat=True))
    expected = list(quiz.questions.order_by("quiz_questions__order").values_list("stem", flat=True))
    assert stems == expected


def test_start_copies_published_questions_with_options_facts_and_topic(aspirant, t0):
    source = SourceFactory(title="Vision IAS", slug="vision-ias")
    later, earlier = FactFactory(label="SGSP 2014", source=source), FactFactory(label="CEPA 2011")
    topic = TopicFactory(name="Economy", slug="economy")
    first = QuestionFactory(topic=topic, facts=[later, earlier])
    draft = QuestionFactory(status="draft")
    second = QuestionFactory(topic=topic)
    quiz = QuizFactory(questions=[first, draft, second])
    attempt, _ = services.start_attempt(user=aspirant, quiz=quiz, now=t0)
    items = list(attempt.items.order_by("position"))
    assert [item.question_id for item in items] == [first.pk, second.pk]  # no draft
    assert attempt.total_questions == 2
    one = items[0]
    assert one.topic_name == "Economy" and one.stem == first.stem
    choices = list(first.choices.order_by("order", "id"))
    assert one.options == [{"id": c.pk, "text": c.text} for c in choices]
    assert one.correct_choice_id == next(c.pk for c in choices if c.is_correct)
    assert [fact["label"] for fact in one.facts] == ["CEPA 2011", "SGSP 2014"]
    assert one.facts[1] == {
        "id": later.pk,
        "label": "SGSP 2014",
        "statement": later.statement,
        "quote": later.quote,
        "source_title": "Vision IAS",
        "source_slug": "vision-ias",
    }
    labels = set(one.fact_links.values_list("label", flat=True))
    assert labels == {"CEPA 2011", "SGSP 2014"}


def test_start_again_resumes_the_unfinished_attempt(aspirant, quiz, t0):
    first, _ = begin(user=aspirant, quiz=quiz, now=t0)
    again, resumed = begin(user=aspirant, quiz=quiz, now=t0 + sec(5))
    assert resumed and again.pk == first.pk
    assert Attempt.objects.count() == 1


def test_database_refuses_a_second_unfinished_attempt(aspirant, quiz, t0):
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(
            user=aspirant,
            quiz=quiz,
            quiz_title="x",
            started_at=t0,
            seconds_allowed=19,
            feedback_mode="end",
            total_questions=1,
            current_served_at=t0,
        )


def test_shuffle_fixes_option_order_per_attempt(aspirant, t0):
    quiz = QuizFactory(questions=3, shuffle_options=True, shuffle_questions=True)
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0, rng=random.Random(4))
    before = [item.options for item in attempt.items.all()]
    answer(attempt, 0, 0, t0 + sec(1))
    attempt.refresh_from_db()
    assert [item.options for item in attempt.items.all()] == before
    assert attempt.items.count() == 3


def test_unpublished_or_empty_quiz_cannot_start(aspirant, t0):
    empty = QuizFactory(questions=[])
    with pytest.raises(services.QuizUnavailable):
        services.start_attempt(user=aspirant, quiz=empty, now=t0)
    draft_only = QuizFactory(questions=[QuestionFactory(status="draft")])
    with pytest.raises(services.QuizUnavailable):
        services.start_attempt(user=aspirant, quiz=draft_only, now=t0)


def test_answer_at_18_9_seconds_counts(aspirant, quiz, t0):
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    assert answer(attempt, 0, correct_index(attempt, 0), t0 + sec(18.9))
    recorded = Answer.objects.get(attempt=attempt, position=0)
    assert recorded.outcome == "correct"
    assert recorded.time_taken == pytest.approx(18.9)


def test_answer_within_grace_counts_but_time_is_capped(aspirant, quiz, t0):
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    answer(attempt, 0, correct_index(attempt, 0), t0 + sec(20.5))
    recorded = Answer.objects.get(attempt=attempt, position=0)
    assert recorded.outcome == "correct"
    assert recorded.time_taken == 19


def test_answer_after_deadline_plus_grace_scores_as_timed_out(aspirant, quiz, t0):
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    recorded_now = answer(attempt, 0, correct_index(attempt, 0), t0 + sec(21.1))
    assert recorded_now is False
    first = Answer.objects.get(attempt=attempt, position=0)
    assert first.outcome == "timed_out"
    assert first.choice_id is None
    assert first.answered_at == t0 + sec(19)
    attempt.refresh_from_db()
    assert attempt.timed_out == 1 and attempt.correct == 0


def test_reload_later_shows_the_time_left_not_a_fresh_clock(aspirant, quiz, t0):
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    services.catch_up(attempt, now=t0 + sec(10))
    assert services.seconds_left(attempt, now=t0 + sec(10)) == pytest.approx(9)
    again = Attempt.objects.get(pk=attempt.pk)
    assert again.current_served_at == t0


def test_first_question_clock_starts_when_its_page_is_first_shown(aspirant, quiz, t0):
    attempt, _ = services.start_attempt(user=aspirant, quiz=quiz, now=t0)
    # The start waited in a queue for 30 s: the aspirant still gets the whole clock.
    services.serve(attempt=attempt, now=t0 + sec(30))
    services.serve(attempt=Attempt.objects.get(pk=attempt.pk), now=t0 + sec(40))
    attempt.refresh_from_db()
    assert attempt.current_served_at == t0 + sec(30)
    assert services.seconds_left(attempt, now=t0 + sec(40)) == pytest.approx(9)
    assert answer(attempt, 0, correct_index(attempt, 0), t0 + sec(48))
    assert Answer.objects.get(attempt=attempt, position=0).time_taken == pytest.approx(18)


def test_answer_to_a_question_never_shown_is_refused(aspirant, quiz, t0):
    attempt, _ = services.start_attempt(user=aspirant, quiz=quiz, now=t0)
    with pytest.raises(services.BadSubmission, match="has not been shown yet"):
        answer(attempt, 0, 0, t0 + sec(3))
    assert Answer.objects.count() == 0
    assert Attempt.objects.get(pk=attempt.pk).current_served_at is None


def test_attempt_never_shown_times_out_once_the_reading_pause_is_over(aspirant, t0, settings):
    settings.QUIZ_FEEDBACK_IDLE_SECONDS = 60
    quiz = QuizFactory(questions=5, seconds_per_question=19, feedback_mode="end")
    attempt, _ = services.start_attempt(user=aspirant, quiz=quiz, now=t0)
    assert not services.catch_up(attempt, now=t0 + sec(60 + 19 + 2))
    assert services.catch_up(attempt, now=t0 + sec(3600))
    assert attempt.timed_out == 5
    assert attempt.finished_at == t0 + sec(60 + 5 * 19)
    first = Answer.objects.get(attempt=attempt, position=0)
    assert first.served_at == t0 + sec(60) and first.time_taken == 19


def test_finishing_before_the_first_question_is_shown_skips_everything(aspirant, quiz, t0):
    attempt, _ = services.start_attempt(user=aspirant, quiz=quiz, now=t0)
    services.finish_early(attempt=attempt, now=t0 + sec(5))
    assert attempt.is_finished and attempt.skipped == 5
    first = Answer.objects.get(attempt=attempt, position=0)
    assert first.served_at == first.answered_at == t0 + sec(5)


def test_end_mode_serves_next_question_at_answer_time(aspirant, t0):
    quiz = QuizFactory(questions=3, feedback_mode="end")
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    answer(attempt, 0, 0, t0 + sec(4))
    attempt.refresh_from_db()
    assert attempt.position == 1
    assert attempt.current_served_at == t0 + sec(4)


def test_each_mode_starts_next_clock_only_when_served(aspirant, t0):
    quiz = QuizFactory(questions=3, feedback_mode="each")
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    answer(attempt, 0, 0, t0 + sec(4))
    attempt.refresh_from_db()
    assert attempt.showing_feedback and attempt.position == 0
    # Reading the explanation for a minute times nothing out.
    services.catch_up(attempt, now=t0 + sec(64))
    assert attempt.settled_count == 1
    assert services.advance(attempt=attempt, now=t0 + sec(64))
    attempt.refresh_from_db()
    assert attempt.position == 1 and attempt.current_served_at == t0 + sec(64)


def test_scoring_with_negative_marking_is_exact(aspirant, t0):
    quiz = QuizFactory(questions=3, negative_mark="1/3", feedback_mode="end")
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    answer(attempt, 0, correct_index(attempt, 0), t0 + sec(2))
    answer(attempt, 1, wrong_index(attempt, 1), t0 + sec(5))
    services.record_answer(
        attempt=attempt, submission=Submission(position=2, action="skip"), now=t0 + sec(7)
    )
    attempt.refresh_from_db()
    assert attempt.is_finished
    assert (attempt.correct, attempt.wrong, attempt.skipped, attempt.timed_out) == (1, 1, 1, 0)
    assert attempt.score == Decimal("0.6667")
    assert attempt.percent == Decimal("22.22")
    assert attempt.max_score == 3
    assert attempt.guessing_cost == Decimal("0.3333")
    assert attempt.time_taken == pytest.approx(7)
    assert attempt.finished_at == t0 + sec(7)


def test_abandoned_attempt_finishes_at_the_last_deadline(aspirant, t0):
    quiz = QuizFactory(questions=4, feedback_mode="end", seconds_per_question=10)
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    answer(attempt, 0, 0, t0 + sec(3))
    # Gone for an hour: questions 2-4 each ran out in turn.
    assert services.catch_up(attempt, now=t0 + timedelta(hours=1))
    attempt.refresh_from_db()
    assert attempt.is_finished
    assert attempt.timed_out == 3
    assert attempt.finished_at == t0 + sec(3 + 30)


def test_abandoned_each_mode_attempt_waits_out_the_reading_pause(aspirant, t0, settings):
    settings.QUIZ_FEEDBACK_IDLE_SECONDS = 60
    quiz = QuizFactory(questions=2, feedback_mode="each", seconds_per_question=10)
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    services.catch_up(attempt, now=t0 + timedelta(hours=2))
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.timed_out == 2
    # Q1 ran out at 10 s, Q2 counted as served 60 s later and ran out 10 s after that.
    assert attempt.finished_at == t0 + sec(80)


def test_close_expired_attempts_twice_finishes_once(aspirant, quiz, t0):
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    later = t0 + timedelta(hours=3)
    assert services.close_expired(now=later) == 1
    assert services.close_expired(now=later) == 0
    attempt.refresh_from_db()
    assert attempt.is_finished
    assert Answer.objects.filter(attempt=attempt).count() == 5


def test_double_submit_records_one_answer_and_same_score(aspirant, quiz, t0):
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    good = correct_index(attempt, 0)
    assert answer(attempt, 0, good, t0 + sec(2)) is True
    stale = Attempt.objects.get(pk=attempt.pk)
    assert answer(stale, 0, wrong_index(attempt, 0), t0 + sec(2.1)) is False
    assert Answer.objects.filter(attempt=attempt, position=0).count() == 1
    assert Answer.objects.get(attempt=attempt, position=0).outcome == "correct"


def test_stale_attempt_instance_cannot_record_twice(aspirant, quiz, t0):
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    tab_a = Attempt.objects.get(pk=attempt.pk)
    tab_b = Attempt.objects.get(pk=attempt.pk)
    assert answer(tab_a, 0, 0, t0 + sec(2)) is True
    # Tab B still believes question 1 is open: its insert loses to the unique constraint.
    assert answer(tab_b, 0, 1, t0 + sec(2)) is False
    assert Answer.objects.filter(attempt=attempt).count() == 1
    tab_b.refresh_from_db()
    assert tab_b.settled_count == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"position": "x", "choice": "0"}, "malformed"),
        ({"position": "1"}, "Choose an option"),
        ({"position": "1", "choice": "zero"}, "malformed"),
        ({"position": "1", "action": "delete"}, "Unknown action"),
    ],
)
def test_malformed_submissions_are_refused(data, message):
    with pytest.raises(services.BadSubmission, match=message):
        services.parse_submission(data)


def test_option_not_of_this_question_is_refused_and_nothing_written(aspirant, quiz, t0):
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    with pytest.raises(services.BadSubmission, match="not one of this question"):
        answer(attempt, 0, 7, t0 + sec(1))
    with pytest.raises(services.BadSubmission, match="not the one being served"):
        answer(attempt, 2, 0, t0 + sec(1))
    with pytest.raises(services.BadSubmission, match="no question 9"):
        answer(attempt, 8, 0, t0 + sec(1))
    assert Answer.objects.count() == 0


def test_finished_attempt_cannot_be_answered(aspirant, t0):
    quiz = QuizFactory(questions=1)
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    answer(attempt, 0, 0, t0 + sec(1))
    assert attempt.is_finished
    assert answer(attempt, 0, 1, t0 + sec(2)) is False
    assert Answer.objects.filter(attempt=attempt).count() == 1


def test_results_survive_question_edits_and_deletion(aspirant, t0):
    quiz = QuizFactory(questions=1)
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    answer(attempt, 0, correct_index(attempt, 0), t0 + sec(1))
    question = quiz.questions.get()
    item = attempt.items.get()
    shown = (item.stem, item.options, item.correct_text)
    question.stem = "Edited later"
    question.save()
    question.choices.update(is_correct=False)
    question.delete()
    item.refresh_from_db()
    attempt.refresh_from_db()
    assert (item.stem, item.options, item.correct_text) == shown
    assert item.question is None
    assert attempt.correct == 1 and attempt.score == 1


def test_extra_time_multiplier_stretches_the_deadline(aspirant, quiz, t0, settings):
    settings.QUIZ_TIME_MULTIPLIER_FUNCTION = "tests.attempts.test_services.one_and_a_half"
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    assert attempt.seconds_allowed == pytest.approx(28.5)
    assert answer(attempt, 0, correct_index(attempt, 0), t0 + sec(28))


def one_and_a_half(*, user, quiz):
    return "1.5"


def test_other_users_attempts_are_not_in_their_queryset(aspirant, quiz, t0):
    attempt, _ = begin(user=aspirant, quiz=quiz, now=t0)
    other = UserFactory()
    assert not Attempt.objects.for_user(other).filter(pk=attempt.pk).exists()
