"""Teachers' pages and exports over HTTP: the access matrix, filters, classes, joining."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from quizapp.reports.models import Accommodation, Assignment, Classroom, Membership
from tests.factories import QuizFactory, UserFactory
from tests.reports.factories import (
    AssignmentFactory,
    ClassroomFactory,
    MembershipFactory,
    TeacherFactory,
)

FRIENDLY_403 = "This page is not for your account"
CLASS_SCOPED = {
    "classroom",
    "scores",
    "items",
    "csv",
    "xlsx",
    "regenerate",
    "assign",
    "unassign",
    "extra_time",
}


def endpoints(cohort) -> dict[str, tuple[str, str, dict]]:
    classroom = cohort.classroom
    assignment = classroom.assignments.get()
    student = cohort.students[0]
    in_class = {"classroom": classroom.pk}
    return {
        "dashboard": ("get", reverse("reports:dashboard"), {}),
        "classroom": ("get", reverse("reports:classroom", args=[classroom.pk]), {}),
        "scores": ("get", reverse("reports:scores"), in_class),
        "items": ("get", reverse("reports:items"), {**in_class, "quiz": cohort.quiz.pk}),
        "csv": ("get", reverse("reports:export_csv"), in_class),
        "xlsx": ("get", reverse("reports:export_xlsx"), in_class),
        "create": ("post", reverse("reports:create_classroom"), {"name": "New class"}),
        "regenerate": ("post", reverse("reports:regenerate_code", args=[classroom.pk]), {}),
        "assign": ("post", reverse("reports:assign", args=[classroom.pk]), {"quiz": 0}),
        "unassign": (
            "post",
            reverse("reports:unassign", args=[classroom.pk, assignment.pk]),
            {},
        ),
        "extra_time": (
            "post",
            reverse("reports:extra_time", args=[classroom.pk, student.pk]),
            {"multiplier": "1.5"},
        ),
    }


def call(client, method: str, url: str, data: dict):
    response = getattr(client, method)(url, data)
    if response.streaming:
        # Reading to the end closes the response, as a WSGI server would (and so
        # deletes the workbook's temporary file).
        b"".join(response.streaming_content)
    return response


ENDPOINTS = sorted(
    [
        "dashboard",
        "classroom",
        "scores",
        "items",
        "csv",
        "xlsx",
        "create",
        "regenerate",
        "assign",
        "unassign",
        "extra_time",
    ]
)


@pytest.mark.parametrize("name", ENDPOINTS)
def test_anonymous_users_are_sent_to_log_in(client, cohort, name):
    method, url, data = endpoints(cohort)[name]
    response = call(client, method, url, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", ENDPOINTS)
def test_aspirants_get_a_friendly_403_everywhere(client, cohort, name):
    method, url, data = endpoints(cohort)[name]
    client.force_login(cohort.students[0])  # even a member of the class
    response = call(client, method, url, data)
    assert response.status_code == 403
    assert FRIENDLY_403 in response.content.decode()


@pytest.mark.parametrize("name", ENDPOINTS)
def test_the_classes_teacher_may_use_every_page(client, cohort, name):
    method, url, data = endpoints(cohort)[name]
    client.force_login(cohort.teacher)
    response = call(client, method, url, data)
    assert response.status_code == (200 if method == "get" else 302)


@pytest.mark.parametrize("name", ENDPOINTS)
def test_another_teacher_gets_404_for_a_class_that_is_not_theirs(client, cohort, name):
    method, url, data = endpoints(cohort)[name]
    client.force_login(cohort.other_class.teacher)
    response = call(client, method, url, data)
    if name in CLASS_SCOPED:
        assert response.status_code == 404
    else:
        assert response.status_code == (200 if method == "get" else 302)


@pytest.mark.parametrize("name", ENDPOINTS)
def test_a_superuser_may_use_every_page(client, cohort, name):
    method, url, data = endpoints(cohort)[name]
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = call(client, method, url, data)
    assert response.status_code == (200 if method == "get" else 302)


def test_a_teacher_sees_and_exports_only_their_own_students(client, cohort):
    client.force_login(cohort.teacher)
    page = client.get(reverse("reports:scores")).content.decode()
    assert '<th scope="row">s0</th>' in page
    assert "outsider" not in page
    csv_body = b"".join(client.get(reverse("reports:export_csv")).streaming_content)
    assert b"outsider" not in csv_body and b"s0@example.com" in csv_body


def test_a_superuser_sees_every_class(client, cohort):
    client.force_login(UserFactory(is_superuser=True))
    page = client.get(reverse("reports:scores")).content.decode()
    assert "outsider" in page and "s0" in page


def test_a_quiz_not_assigned_to_the_teacher_is_404(client, cohort):
    client.force_login(cohort.teacher)
    response = client.get(reverse("reports:scores"), {"quiz": cohort.private.pk})
    assert response.status_code == 404


def test_score_report_shows_the_statistics_and_a_server_drawn_histogram(client, cohort):
    client.force_login(cohort.teacher)
    page = client.get(reverse("reports:scores")).content.decode()
    assert "52.7%" in page  # mean of 11 attempts
    assert "60.0%" in page  # median
    assert 'role="img"' in page and "hist-bar" in page
    assert "90–100%: 1" in page  # the chart's text alternative
    assert " style=" not in page  # CSP: no inline styles
    assert 'aria-sort="descending"' in page  # newest first by default


def test_score_report_sorts_and_the_header_link_reverses(client, cohort):
    client.force_login(cohort.teacher)
    page = client.get(reverse("reports:scores"), {"sort": "student"}).content.decode()
    assert page.index(">s0<") < page.index(">s9<")
    assert "sort=-student" in page
    page = client.get(reverse("reports:scores"), {"sort": "-student"}).content.decode()
    assert page.index(">s9<") < page.index(">s0<")


def test_score_report_paginates(client, cohort, settings):
    from quizapp.reports import views

    client.force_login(cohort.teacher)
    original = views.PER_PAGE
    views.PER_PAGE = 4
    try:
        page = client.get(reverse("reports:scores"), {"page": 3}).content.decode()
    finally:
        views.PER_PAGE = original
    assert "Page 3 of 3" in page
    assert page.count('<th scope="row">') == 3


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start": "not-a-date"}, "Enter a valid date."),
        ({"start": "2026-05-31", "end": "2026-05-01"}, "swap them"),
        ({"start": "0001-01-01"}, "Pick a date between 2000-01-01 and 2100-12-31."),
        ({"end": "9999-12-31"}, "Pick a date between"),
        ({"classroom": "abc"}, "Select a valid choice"),
        ({"quiz": "1; DROP TABLE"}, "Select a valid choice"),
        ({"only": "everything"}, "Select a valid choice"),
        ({"page": "99999999999999999999"}, "There is no page"),
        ({"page": "abc"}, "There is no page"),
        ({"page": "-1"}, "There is no page"),
        ({"sort": "password"}, "Score report"),
    ],
)
def test_tampered_filters_get_a_clear_message_never_a_500(client, cohort, params, message):
    client.force_login(cohort.teacher)
    response = client.get(reverse("reports:scores"), params)
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize("value", ["999999", "99999999999999999999999", "0"])
def test_unknown_ids_are_404(client, cohort, value):
    client.force_login(cohort.teacher)
    for name in ("reports:scores", "reports:items", "reports:export_csv"):
        for field in ("classroom", "quiz"):
            response = call(client, "get", reverse(name), {field: value, "quiz": value})
            assert response.status_code == 404, (name, field)


@pytest.mark.parametrize("export", ["reports:export_csv", "reports:export_xlsx"])
def test_exports_with_bad_filters_go_back_to_the_report_with_a_message(client, cohort, export):
    client.force_login(cohort.teacher)
    response = client.get(reverse(export), {"start": "2026-05-31", "end": "2026-05-01"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("reports:scores") + "?")
    page = client.get(response["Location"]).content.decode()
    assert "Fix the filters below before exporting." in page
    assert "swap them" in page


def test_item_analysis_page_flags_the_bad_question_and_links_the_facts(client, cohort):
    client.force_login(cohort.teacher)
    page = client.get(
        reverse("reports:items"), {"classroom": cohort.classroom.pk, "quiz": cohort.quiz.pk}
    ).content.decode()
    assert "Review: negative discrimination" in page
    assert "-0.33" in page and "0.67" in page
    assert "70%" in page and "7.0 s" in page
    assert page.index("LUPEX") < page.index("CEPA 2011")  # weakest first
    assert "/sources/" in page and "#fact-" in page
    assert " style=" not in page


def test_item_analysis_asks_for_a_quiz_first(client, cohort):
    client.force_login(cohort.teacher)
    page = client.get(reverse("reports:items")).content.decode()
    assert "Choose a quiz to see how each of its questions worked." in page
    assert "errorlist" not in page


def test_item_analysis_with_no_attempts_says_so(client, cohort):
    client.force_login(cohort.teacher)
    page = client.get(
        reverse("reports:items"), {"quiz": cohort.quiz.pk, "start": "2030-01-01"}
    ).content.decode()
    assert "has finished this quiz in these dates yet" in page


# --- classes ------------------------------------------------------------------------------


def test_a_teacher_creates_a_class_and_sees_its_code(client, db):
    teacher = TeacherFactory()
    client.force_login(teacher)
    response = client.post(reverse("reports:create_classroom"), {"name": "Prelims B"})
    classroom = Classroom.objects.get(name="Prelims B")
    assert classroom.teacher == teacher
    assert response["Location"] == classroom.get_absolute_url()
    page = client.get(response["Location"]).content.decode()
    assert classroom.code in page


def test_a_class_needs_a_name(client, db):
    client.force_login(TeacherFactory())
    response = client.post(reverse("reports:create_classroom"), {"name": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_regenerating_the_code_stops_the_old_one(client, db):
    classroom = ClassroomFactory()
    old = classroom.code
    client.force_login(classroom.teacher)
    client.post(reverse("reports:regenerate_code", args=[classroom.pk]))
    classroom.refresh_from_db()
    assert classroom.code != old
    student = UserFactory()
    client.force_login(student)
    response = client.post(reverse("classes:join"), {"code": old})
    assert response.status_code == 400
    assert not Membership.objects.filter(student=student).exists()


def test_assign_with_a_due_date_then_remove(client, db):
    classroom = ClassroomFactory()
    quiz = QuizFactory(title="Economy drill")
    client.force_login(classroom.teacher)
    url = reverse("reports:assign", args=[classroom.pk])
    client.post(url, {"quiz": quiz.pk, "due_on": "2026-05-31"})
    assignment = Assignment.objects.get()
    assert assignment.due_on == date(2026, 5, 31)
    page = client.get(classroom.get_absolute_url()).content.decode()
    assert "Economy drill" in page and "05/31/2026" in page
    client.post(reverse("reports:unassign", args=[classroom.pk, assignment.pk]))
    assert not Assignment.objects.exists()


def test_assigning_an_unpublished_quiz_is_refused_with_a_message(client, db):
    classroom = ClassroomFactory()
    draft = QuizFactory(is_published=False)
    client.force_login(classroom.teacher)
    response = client.post(
        reverse("reports:assign", args=[classroom.pk]), {"quiz": draft.pk}, follow=True
    )
    assert "The quiz was not assigned" in response.content.decode()
    assert not Assignment.objects.exists()


def test_extra_time_is_granted_to_members_only_and_validated(client, db):
    membership = MembershipFactory()
    classroom = membership.classroom
    client.force_login(classroom.teacher)
    url = reverse("reports:extra_time", args=[classroom.pk, membership.student_id])
    client.post(url, {"multiplier": "1.25"})
    assert Accommodation.objects.get().multiplier == 1.25
    response = client.post(url, {"multiplier": "5"}, follow=True)
    assert "use a multiplier from 1 to 3" in response.content.decode()
    assert Accommodation.objects.get().multiplier == 1.25
    stranger = UserFactory()
    response = client.post(
        reverse("reports:extra_time", args=[classroom.pk, stranger.pk]), {"multiplier": "2"}
    )
    assert response.status_code == 404


# --- joining (aspirants) ------------------------------------------------------------------


def test_join_flow_with_the_code_then_leave(client, db):
    classroom = ClassroomFactory(name="Prelims A", code="ABCD2345")
    quiz = QuizFactory(title="Polity basics")
    AssignmentFactory(classroom=classroom, quiz=quiz, due_on=date(2026, 6, 1))
    student = UserFactory()
    client.force_login(student)
    page = client.get(reverse("classes:mine")).content.decode()
    assert 'for="id_code"' in page and "You are not in any class" in page
    response = client.post(reverse("classes:join"), {"code": "abcd-2345"}, follow=True)
    page = response.content.decode()
    assert "You joined Prelims A." in page
    assert "Polity basics" in page and "Due June 1, 2026" in page
    response = client.post(reverse("classes:join"), {"code": "ABCD2345"}, follow=True)
    assert "You are already in Prelims A." in response.content.decode()
    assert Membership.objects.filter(student=student).count() == 1
    response = client.post(reverse("classes:leave", args=[classroom.pk]), follow=True)
    assert "You left Prelims A." in response.content.decode()
    assert not Membership.objects.filter(student=student).exists()


def test_a_wrong_code_says_what_a_code_looks_like(client, db):
    client.force_login(UserFactory())
    response = client.post(reverse("classes:join"), {"code": "WRONG"})
    assert response.status_code == 400
    assert "No class has this code" in response.content.decode()


def test_leaving_a_class_you_are_not_in_is_404(client, db):
    classroom = ClassroomFactory()
    client.force_login(UserFactory())
    assert client.post(reverse("classes:leave", args=[classroom.pk])).status_code == 404


def test_my_classes_needs_an_account(client, db):
    response = client.get(reverse("classes:mine"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


# --- the rest of the site ------------------------------------------------------------------


def test_nav_shows_teach_to_teachers_only(client, db):
    client.force_login(TeacherFactory())
    page = client.get(reverse("home")).content.decode()
    assert "My classes" in page and reverse("reports:dashboard") in page
    client.force_login(UserFactory())
    page = client.get(reverse("home")).content.decode()
    assert "My classes" in page and reverse("reports:dashboard") not in page


def test_assigned_quizzes_come_first_on_the_home_page_with_their_due_date(client, db):
    QuizFactory(title="Aardvark quiz")
    later = QuizFactory(title="Later quiz")
    sooner = QuizFactory(title="Sooner quiz")
    membership = MembershipFactory()
    AssignmentFactory(classroom=membership.classroom, quiz=later, due_on=date(2026, 7, 1))
    AssignmentFactory(classroom=membership.classroom, quiz=sooner, due_on=date(2026, 6, 1))
    client.force_login(membership.student)
    page = client.get(reverse("home")).content.decode()
    assert page.index("Sooner quiz") < page.index("Later quiz") < page.index("Aardvark quiz")
    assert "Assigned · due June 1, 2026" in page
