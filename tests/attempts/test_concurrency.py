"""Races between real threads on real connections: one answer, one finish."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection

from quizapp.attempts import services
from quizapp.attempts.models import Answer, Attempt
from quizapp.attempts.services import Submission
from tests.factories import QuizFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(target, count: int) -> list:
    """Start ``count`` threads on ``target`` at the same moment; return their results."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def worker(index: int) -> None:
        try:
            barrier.wait()
            results[index] = target()
        except Exception as error:  # noqa: BLE001 - reported to the test below
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


# "end" moves the attempt on, so the racing tabs lose on the guarded position; "each"
# keeps it on the question for its feedback, so they lose on the unique answer.
@pytest.mark.parametrize(("feedback_mode", "position"), [("end", 1), ("each", 0)])
def test_two_tabs_answering_at_once_record_one_answer(t0, feedback_mode, position):
    user = UserFactory()
    quiz = QuizFactory(questions=3, feedback_mode=feedback_mode)
    attempt, _ = services.start_attempt(user=user, quiz=quiz, now=t0)
    services.serve(attempt=attempt, now=t0)

    def answer():
        tab = Attempt.objects.get(pk=attempt.pk)
        return services.record_answer(
            attempt=tab,
            submission=Submission(position=0, action="answer", choice_index=1),
            now=t0 + timedelta(seconds=3),
        )

    results = run_together(answer, 4)
    assert sorted(map(repr, results)) == sorted(["True", "False", "False", "False"])
    assert Answer.objects.filter(attempt=attempt).count() == 1
    attempt.refresh_from_db()
    assert attempt.settled_count == 1 and attempt.position == position


def test_concurrent_closers_finish_each_attempt_once(t0):
    quiz = QuizFactory(questions=4, feedback_mode="end")
    attempts = [services.start_attempt(user=UserFactory(), quiz=quiz, now=t0)[0] for _ in range(3)]
    for attempt in attempts:
        services.serve(attempt=attempt, now=t0)
    later = t0 + timedelta(hours=1)
    results = run_together(lambda: services.close_expired(now=later), 3)
    assert all(isinstance(r, int) for r in results), results
    assert sum(results) == 3
    for attempt in attempts:
        attempt.refresh_from_db()
        assert attempt.is_finished
        assert attempt.timed_out == 4
        assert attempt.finished_at == t0 + timedelta(seconds=4 * 19)
    assert Answer.objects.count() == 12
