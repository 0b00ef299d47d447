"""Joining and leaving classes, assigning quizzes and granting extra time."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from questions.models import Quiz

from .models import Accommodation, Assignment, Classroom, Membership, normalise_code


class JoinRefused(Exception):
    """The code matches no class, or the aspirant may not join it: the message says why."""


def join_class(*, student, code: str) -> tuple[Membership, bool]:
    """Join the class with this code; returns the membership and whether it is new."""
    classroom = Classroom.objects.filter(code=normalise_code(code)).first()
    if classroom is None:
        raise JoinRefused(
            _(
                "No class has this code. Check it with your teacher: codes are 8 letters and "
                "digits, without 0, O, 1 or I."
            )
        )
    if classroom.teacher_id == student.pk:
        raise JoinRefused(_("You teach this class, so you cannot join it as a student."))
    try:
        with transaction.atomic():
            membership, created = Membership.objects.get_or_create(
                classroom=classroom, student=student
            )
    except IntegrityError:  # a double submit raced us: the membership exists now
        membership, created = Membership.objects.get(classroom=classroom, student=student), False
    return membership, created


def leave_class(*, student, classroom: Classroom) -> None:
    """Leave the class; extra time granted in it goes too."""
    with transaction.atomic():
        Membership.objects.filter(classroom=classroom, student=student).delete()
        Accommodation.objects.filter(classroom=classroom, student=student).delete()


def assign_quiz(*, classroom: Classroom, quiz: Quiz, due_on: date | None) -> Assignment:
    """Assign the quiz to the class, or change its due date if it is assigned already."""
    assignment, _created = Assignment.objects.update_or_create(
        classroom=classroom, quiz=quiz, defaults={"due_on": due_on}
    )
    return assignment


def grant_extra_time(*, classroom: Classroom, student, multiplier: Decimal) -> None:
    """Set the student's time multiplier in this class; 1 removes the grant."""
    if multiplier <= 1:
        Accommodation.objects.filter(classroom=classroom, student=student).delete()
        return
    Accommodation.objects.update_or_create(
        classroom=classroom, student=student, defaults={"multiplier": multiplier}
    )
