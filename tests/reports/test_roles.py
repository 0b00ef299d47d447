"""Who is a teacher, in at most one query."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from quizapp.reports.roles import is_teacher
from tests.factories import UserFactory
from tests.reports.factories import TeacherFactory


def test_teachers_group_members_and_superusers_teach(db):
    assert is_teacher(TeacherFactory())
    assert is_teacher(UserFactory(is_superuser=True))
    assert not is_teacher(UserFactory())
    assert not is_teacher(AnonymousUser())


def test_the_answer_is_kept_on_the_user_for_the_request(db, django_assert_num_queries):
    user = TeacherFactory()
    user = type(user).objects.get(pk=user.pk)
    with django_assert_num_queries(1):
        assert is_teacher(user) and is_teacher(user)
