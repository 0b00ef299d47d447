"""A teacher starts a class, a student joins with the code and takes the assigned quiz,
and the teacher reads the reports and downloads the CSV, in real Chromium with axe."""

from __future__ import annotations

import csv
import io
import re

from playwright.sync_api import expect

from quizapp.reports.models import Classroom, Membership
from tests.factories import QuizFactory, UserFactory
from tests.reports.factories import TeacherFactory


def log_in(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password:").fill("correct-horse-battery")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name=re.compile("Log out"))).to_be_visible()


def test_teacher_class_join_code_assigned_quiz_reports_and_csv(
    page, browser, live_server, check_a11y
):
    TeacherFactory(username="ms_rao")
    UserFactory(username="meera", email="meera@example.com")
    QuizFactory(title="Other quiz", questions=2)
    quiz = QuizFactory(title="India–Japan basics", questions=2, feedback_mode="end")

    # The teacher starts a class and assigns the quiz.
    log_in(page, "ms_rao")
    page.get_by_role("link", name="Teach").click()
    expect(page.get_by_role("heading", name="Your classes")).to_be_visible()
    check_a11y(page, "teach dashboard")
    page.get_by_label("Class name").fill("Prelims A")
    page.get_by_role("button", name="Create class").click()
    expect(page.get_by_role("heading", name="Prelims A", level=1)).to_be_visible()
    code = page.locator("#join-code").inner_text().strip()
    assert code == Classroom.objects.get(name="Prelims A").code
    page.get_by_label("Quiz:").select_option(label=quiz.title)
    page.get_by_label("Due date:").fill("2026-06-01")
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.get_by_role("row", name=re.compile("India–Japan basics"))).to_be_visible()
    check_a11y(page, "class page")

    # The student joins with the code, read aloud in lower case with a space.
    student_context = browser.new_context(
        viewport={"width": 390, "height": 844}, base_url=live_server.url
    )
    student = student_context.new_page()
    student.set_default_timeout(15_000)
    log_in(student, "meera")
    student.get_by_role("link", name="My classes").click()
    check_a11y(student, "my classes (empty)")
    student.get_by_label("Join code:").fill(f"{code[:4].lower()} {code[4:].lower()}")
    student.get_by_role("button", name="Join", exact=True).click()
    expect(student.get_by_text("You joined Prelims A.")).to_be_visible()
    check_a11y(student, "my classes")
    assert Membership.objects.filter(student__username="meera").exists()

    # The assigned quiz comes first on the home page, with its due date.
    student.get_by_role("link", name="Quizzes").click()
    first_card = student.locator(".quiz-card").first
    expect(first_card).to_contain_text("India–Japan basics")
    expect(first_card).to_contain_text("Assigned · due")
    first_card.get_by_role("link", name=re.compile("Take this quiz")).click()
    student.get_by_role("button", name="Start the quiz").click()
    student.wait_for_selector("html[data-quiz-ready]", state="attached")
    expect(student.get_by_role("heading", name="Question 1 of 2")).to_be_visible()
    student.get_by_role("radio").first.click()
    expect(student.get_by_role("heading", name="Question 2 of 2")).to_be_visible()
    student.get_by_role("radio").nth(1).click()
    expect(student.get_by_role("heading", name=re.compile("^Results"))).to_be_visible()
    student_context.close()

    # The teacher reads the score report and the item analysis.
    page.get_by_role("link", name=re.compile(r"^Scores\b.*India–Japan")).click()
    expect(page.get_by_role("heading", name="Score report")).to_be_visible()
    expect(page.get_by_role("rowheader", name="meera")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Spread of percentages"))).to_be_visible()
    check_a11y(page, "score report")
    page.get_by_role("link", name="Item analysis").first.click()
    expect(page.get_by_role("heading", name="Item analysis", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Questions")).to_be_visible()
    check_a11y(page, "item analysis")

    # And downloads the CSV.
    page.get_by_role("link", name="Score report").click()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download CSV").click()
    download = info.value
    assert re.fullmatch(
        r"scores_prelims-a_india-japan-basics_all-dates\.csv", download.suggested_filename
    )
    with open(download.path(), encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(io.StringIO(handle.read())))
    assert rows[0][:4] == ["student", "email", "class", "quiz"]
    assert rows[1][:4] == ["meera", "meera@example.com", "Prelims A", "India–Japan basics"]
    assert rows[1][7] == "2" and int(rows[1][9]) + int(rows[1][10]) == 2
