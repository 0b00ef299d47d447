"""Classes, memberships, assignments and extra time: codes, constraints, ordering."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from quizapp.reports.models import (
    CODE_ALPHABET,
    Accommodation,
    Assignment,
    Classroom,
    new_join_code,
    normalise_code,
)
from tests.factories import QuizFactory, UserFactory
from tests.reports.factories import (
    AccommodationFactory,
    AssignmentFactory,
    ClassroomFactory,
    MembershipFactory,
)


def test_join_codes_are_eight_unambiguous_characters():
    codes = {new_join_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == 8
        assert set(code) <= set(CODE_ALPHABET)
    assert not set("0O1I") & set(CODE_ALPHABET)


def test_normalise_code_forgives_case_spaces_and_dashes():
    assert normalise_code(" abcd-efgh ") == "ABCDEFGH"
    assert normalise_code("") == ""


def test_new_class_gets_a_code_and_regenerating_changes_it(db):
    classroom = ClassroomFactory()
    old = classroom.code
    assert len(old) == 8
    new = classroom.regenerate_code()
    classroom.refresh_from_db()
    assert classroom.code == new != old


def test_codes_are_unique(db):
    first = ClassroomFactory()
    with pytest.raises(IntegrityError):
        ClassroomFactory(code=first.code)


def test_a_student_joins_a_class_once(db):
    membership = MembershipFactory()
    with pytest.raises(IntegrityError):
        MembershipFactory(classroom=membership.classroom, student=membership.student)


def test_a_quiz_is_assigned_to_a_class_once(db):
    assignment = AssignmentFactory(quiz=QuizFactory())
    with pytest.raises(IntegrityError):
        AssignmentFactory(classroom=assignment.classroom, quiz=assignment.quiz)


@pytest.mark.parametrize("multiplier", ["0.50", "3.50"])
def test_multiplier_outside_1_to_3_is_refused_by_the_database(db, multiplier):
    with pytest.raises(IntegrityError):
        AccommodationFactory(multiplier=multiplier)


def test_multiplier_validation_gives_a_friendly_message(db):
    accommodation = Accommodation(
        classroom=ClassroomFactory(), student=UserFactory(), multiplier=Decimal("4")
    )
    with pytest.raises(ValidationError) as error:
        accommodation.full_clean()
    assert "multiplier" in error.value.message_dict


def test_assignments_order_by_due_date_with_undated_last(db):
    classroom = ClassroomFactory()
    late = AssignmentFactory(classroom=classroom, quiz=QuizFactory(), due_on=date(2026, 6, 1))
    undated = AssignmentFactory(classroom=classroom, quiz=QuizFactory())
    soon = AssignmentFactory(classroom=classroom, quiz=QuizFactory(), due_on=date(2026, 5, 1))
    assert list(Assignment.objects.filter(classroom=classroom)) == [soon, late, undated]


def test_str_and_urls(db):
    classroom = ClassroomFactory(name="Prelims A")
    assert str(classroom) == "Prelims A"
    assert classroom.get_absolute_url() == f"/teach/classes/{classroom.pk}/"
    membership = MembershipFactory(classroom=classroom, student=UserFactory(username="asha"))
    assert str(membership) == "asha in Prelims A"
    quiz = QuizFactory(title="Economy")
    assert str(AssignmentFactory(classroom=classroom, quiz=quiz)) == "Economy → Prelims A"
    extra = AccommodationFactory(classroom=classroom, student=membership.student)
    assert str(extra) == "asha ×1.5 (Prelims A)"


def test_for_teacher_is_own_classes_and_all_for_a_superuser(db):
    mine = ClassroomFactory()
    ClassroomFactory()
    assert list(Classroom.objects.for_teacher(mine.teacher)) == [mine]
    assert Classroom.objects.for_teacher(UserFactory(is_superuser=True)).count() == 2
    from django.contrib.auth.models import AnonymousUser

    assert not Classroom.objects.for_teacher(AnonymousUser()).exists()
