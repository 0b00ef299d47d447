"""Joining and leaving classes, assigning quizzes, granting extra time."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from quizapp.reports import services
from quizapp.reports.models import Accommodation, Assignment, Membership
from tests.factories import QuizFactory, UserFactory
from tests.reports.factories import AccommodationFactory, ClassroomFactory, MembershipFactory


def test_join_with_a_code_typed_loosely(db):
    classroom = ClassroomFactory(code="ABCD2345")
    student = UserFactory()
    membership, created = services.join_class(student=student, code="abcd 2345")
    assert created and membership.classroom == classroom
    again, created = services.join_class(student=student, code="ABCD-2345")
    assert again == membership and not created


def test_join_with_an_unknown_code_says_what_codes_look_like(db):
    with pytest.raises(services.JoinRefused, match="without 0, O, 1 or I"):
        services.join_class(student=UserFactory(), code="NOPE")


def test_a_teacher_cannot_join_their_own_class(db):
    classroom = ClassroomFactory()
    with pytest.raises(services.JoinRefused, match="You teach this class"):
        services.join_class(student=classroom.teacher, code=classroom.code)


def test_leaving_also_drops_the_extra_time_granted_in_that_class(db):
    membership = MembershipFactory()
    AccommodationFactory(classroom=membership.classroom, student=membership.student)
    services.leave_class(student=membership.student, classroom=membership.classroom)
    assert not Membership.objects.exists()
    assert not Accommodation.objects.exists()


def test_assigning_twice_updates_the_due_date(db):
    classroom = ClassroomFactory()
    quiz = QuizFactory()
    services.assign_quiz(classroom=classroom, quiz=quiz, due_on=None)
    services.assign_quiz(classroom=classroom, quiz=quiz, due_on=date(2026, 5, 31))
    assert Assignment.objects.get().due_on == date(2026, 5, 31)


def test_granting_1_removes_the_grant(db):
    membership = MembershipFactory()
    kwargs = {"classroom": membership.classroom, "student": membership.student}
    services.grant_extra_time(**kwargs, multiplier=Decimal("1.5"))
    services.grant_extra_time(**kwargs, multiplier=Decimal("1.25"))
    assert Accommodation.objects.get().multiplier == Decimal("1.25")
    services.grant_extra_time(**kwargs, multiplier=Decimal("1"))
    assert not Accommodation.objects.exists()
