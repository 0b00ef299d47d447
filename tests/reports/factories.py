"""Factories for classes, and a helper that takes a quiz through the real services."""

from __future__ import annotations

from datetime import datetime, timedelta

import factory
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from quizapp.attempts import services
from quizapp.attempts.models import Attempt
from quizapp.reports.models import Accommodation, Assignment, Classroom, Membership
from quizapp.reports.roles import TEACHERS_GROUP
from tests.factories import UserFactory


class TeacherFactory(UserFactory):
    username = factory.Sequence(lambda n: f"teacher{n}")

    @factory.post_generation
    def teaching(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.groups.add(Group.objects.get_or_create(name=TEACHERS_GROUP)[0])


class ClassroomFactory(DjangoModelFactory):
    class Meta:
        model = Classroom

    name = factory.Sequence(lambda n: f"Class {n}")
    teacher = factory.SubFactory(TeacherFactory)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    classroom = factory.SubFactory(ClassroomFactory)
    student = factory.SubFactory(UserFactory)


class AssignmentFactory(DjangoModelFactory):
    class Meta:
        model = Assignment

    classroom = factory.SubFactory(ClassroomFactory)
    quiz = None
    due_on = None


class AccommodationFactory(DjangoModelFactory):
    class Meta:
        model = Accommodation

    classroom = factory.SubFactory(ClassroomFactory)
    student = factory.SubFactory(UserFactory)
    multiplier = "1.5"


def take(user, quiz, plan: str | list[str], *, start: datetime, delay: float = 1) -> Attempt:
    """Take ``quiz`` as ``user``, one entry of ``plan`` per question in order.

    "C" answers correctly, "S" skips, "T" lets the clock run out, anything else is the
    text of the wrong option to choose. Each answer comes ``delay`` seconds after its
    question was served (a timeout after the full time). The quiz must not shuffle.
    """
    plan = plan.split() if isinstance(plan, str) else plan
    attempt, _resumed = services.start_attempt(user=user, quiz=quiz, now=start)
    services.serve(attempt=attempt, now=start)
    now = start
    for position, step in enumerate(plan):
        item = attempt.items.get(position=position)
        if step == "T":
            now = attempt.current_served_at + timedelta(seconds=attempt.seconds_allowed)
            submission = services.Submission(position=position, action="timeout")
        else:
            now = attempt.current_served_at + timedelta(seconds=delay)
            if step == "S":
                submission = services.Submission(position=position, action="skip")
            else:
                wanted = [
                    i
                    for i, option in enumerate(item.options)
                    if (option["id"] == item.correct_choice_id) == (step == "C")
                    and (step == "C" or option["text"] == step)
                ]
                submission = services.Submission(
                    position=position, action="answer", choice_index=wanted[0]
                )
        assert services.record_answer(attempt=attempt, submission=submission, now=now)
        if attempt.showing_feedback and not attempt.is_finished:
            services.advance(attempt=attempt, now=now)
    attempt.refresh_from_db()
    assert attempt.is_finished
    return attempt
