"""Classes in the admin: pages load, and the action regenerates codes."""

from __future__ import annotations

from django.urls import reverse

from quizapp.reports.models import Classroom
from tests.factories import QuizFactory
from tests.reports.factories import (
    AccommodationFactory,
    AssignmentFactory,
    ClassroomFactory,
    MembershipFactory,
)


def test_classroom_admin_pages_load(staff_client):
    classroom = ClassroomFactory()
    MembershipFactory(classroom=classroom)
    AssignmentFactory(classroom=classroom, quiz=QuizFactory())
    AccommodationFactory(classroom=classroom)
    for url in (
        reverse("admin:reports_classroom_changelist"),
        reverse("admin:reports_classroom_add"),
        reverse("admin:reports_classroom_change", args=[classroom.pk]),
        reverse("admin:reports_accommodation_changelist"),
    ):
        assert staff_client.get(url).status_code == 200, url


def test_regenerate_codes_action(staff_client):
    classroom = ClassroomFactory()
    old = classroom.code
    response = staff_client.post(
        reverse("admin:reports_classroom_changelist"),
        {"action": "regenerate_codes", "_selected_action": [classroom.pk]},
        follow=True,
    )
    assert "1 join code regenerated." in response.content.decode()
    assert Classroom.objects.get().code != old
