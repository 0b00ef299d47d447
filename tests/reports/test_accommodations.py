"""Extra time: the largest grant stretches every question's deadline, on the server."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from quizapp.attempts import services
from quizapp.attempts.models import Answer, Attempt
from quizapp.reports.accommodations import time_multiplier
from tests.factories import QuizFactory, UserFactory
from tests.reports.conftest import T0
from tests.reports.factories import AccommodationFactory, MembershipFactory


def correct_index(item) -> int:
    return next(i for i, o in enumerate(item.options) if o["id"] == item.correct_choice_id)


def test_the_setting_points_at_this_function():
    assert settings.QUIZ_TIME_MULTIPLIER_FUNCTION == (
        "quizapp.reports.accommodations.time_multiplier"
    )


def test_no_grant_means_standard_time(db):
    assert time_multiplier(user=UserFactory(), quiz=None) == 1
    assert time_multiplier(user=AnonymousUser(), quiz=None) == 1


def test_several_grants_take_the_largest(db):
    student = UserFactory()
    AccommodationFactory(student=student, multiplier="1.25")
    AccommodationFactory(student=student, multiplier="1.5")
    assert time_multiplier(user=student, quiz=None) == Decimal("1.5")


def test_the_snapshot_takes_the_multiplier_at_start(db):
    student = UserFactory()
    quiz = QuizFactory(seconds_per_question=20)
    AccommodationFactory(student=student, multiplier="1.25")
    attempt, _ = services.start_attempt(user=student, quiz=quiz, now=T0)
    assert attempt.seconds_allowed == 25.0


def test_extra_time_stretches_the_deadline_of_every_question(client, db, time_machine):
    quiz = QuizFactory(questions=2, seconds_per_question=20, feedback_mode="end")
    granted = MembershipFactory(student=UserFactory(username="slow_reader"))
    AccommodationFactory(classroom=granted.classroom, student=granted.student, multiplier="1.5")
    standard = UserFactory(username="standard")
    outcomes = {}
    for student in (granted.student, standard):
        time_machine.move_to(T0, tick=False)
        client.force_login(student)
        client.post(reverse("attempts:start", args=[quiz.slug]))
        attempt = Attempt.objects.get(user=student)
        client.get(attempt.get_absolute_url())  # the first question's clock starts
        for position in range(2):
            # 27 s after the question was served: past 20 s (+2 s grace), within 30 s.
            served = Attempt.objects.get(pk=attempt.pk).current_served_at
            time_machine.move_to(served + timedelta(seconds=27), tick=False)
            item = attempt.items.get(position=position)
            client.post(
                reverse("attempts:answer", args=[attempt.pk]),
                {"position": position + 1, "choice": correct_index(item)},
            )
        outcomes[student.username] = list(
            Answer.objects.filter(attempt=attempt)
            .order_by("position")
            .values_list("outcome", flat=True)
        )
    assert outcomes["slow_reader"] == ["correct", "correct"]
    assert outcomes["standard"][0] == "timed_out"
    assert Attempt.objects.get(user=granted.student).seconds_allowed == 30.0
