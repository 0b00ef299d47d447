"""make_teacher, and the Teachers group the data migration creates."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from quizapp.reports.roles import TEACHERS_GROUP, is_teacher
from tests.factories import UserFactory


def test_the_migration_creates_the_teachers_group_with_its_permissions(db):
    group = Group.objects.get(name=TEACHERS_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"view_reports", "add_classroom", "change_accommodation"} <= codenames


def test_make_teacher_adds_the_user_to_the_group(db, capsys):
    user = UserFactory(username="ms_rao")
    assert not is_teacher(user)
    call_command("make_teacher", "ms_rao")
    user = type(user).objects.get(pk=user.pk)
    assert is_teacher(user)
    assert "ms_rao is a teacher now" in capsys.readouterr().out


def test_make_teacher_remove_takes_the_user_out(db):
    user = UserFactory(username="ms_rao")
    call_command("make_teacher", "ms_rao")
    call_command("make_teacher", "ms_rao", "--remove")
    assert not user.groups.filter(name=TEACHERS_GROUP).exists()


def test_make_teacher_works_even_if_the_group_was_deleted(db):
    Group.objects.filter(name=TEACHERS_GROUP).delete()
    user = UserFactory(username="ms_rao")
    call_command("make_teacher", "ms_rao")
    assert user.groups.filter(name=TEACHERS_GROUP).exists()


def test_make_teacher_unknown_user_is_a_clear_error(db):
    with pytest.raises(CommandError, match="No user is called 'nobody'"):
        call_command("make_teacher", "nobody")
