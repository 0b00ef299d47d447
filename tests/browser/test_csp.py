"""The Content Security Policy holds in a real browser: no page trips it, the admin included."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from questions.models import Question
from tests.factories import QuizFactory, UserFactory

# Runs before any script of the page: every violation is kept for the test to read.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(
    event.violatedDirective + " blocked " + (event.blockedURI || "inline") +
    " at " + event.sourceFile + ":" + event.lineNumber
  );
});
"""


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


def visit(page, url: str) -> None:
    response = page.goto(url)
    assert "content-security-policy" in response.headers, url
    page.wait_for_load_state("networkidle")
    assert violations(page) == [], url


def test_pages_aspirants_see_trip_no_policy(page):
    page.add_init_script(RECORD_VIOLATIONS)
    UserFactory(username="asha")
    quiz = QuizFactory(questions=2, feedback_mode="each")
    visit(page, "/")
    visit(page, "/accounts/login/")
    page.get_by_label("Username").fill("asha")
    page.get_by_label("Password:").fill("correct-horse-battery")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name=re.compile("Log out"))).to_be_visible()
    visit(page, quiz.get_absolute_url())
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_selector("html[data-quiz-ready]", state="attached")
    expect(page.get_by_role("heading", name="Question 1 of 2")).to_be_visible()
    assert violations(page) == []
    for number in (1, 2):
        # htmx swaps the feedback and the next question in: still nothing blocked.
        page.get_by_role("radio").first.click()
        expect(page.locator(".verdict")).to_be_visible()
        assert violations(page) == []
        if number == 1:
            page.get_by_role("button", name="Next question").click()
            expect(page.get_by_role("heading", name="Question 2 of 2")).to_be_visible()
    page.get_by_role("link", name="See your results").click()
    expect(page.get_by_role("heading", name=re.compile("^Results"))).to_be_visible()
    assert violations(page) == []
    visit(page, "/me/scores/")


def test_admin_login_and_question_change_form_trip_no_policy(page):
    page.add_init_script(RECORD_VIOLATIONS)
    UserFactory(username="editor", is_staff=True, is_superuser=True)
    QuizFactory(questions=1)
    question = Question.objects.get()
    visit(page, "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()
    assert violations(page) == []
    visit(page, "/admin/questions/question/")
    visit(page, f"/admin/questions/question/{question.pk}/change/")
    expect(page.locator("#question_form")).to_be_visible()
    # The facts picker (select2 autocomplete) opens and searches under the policy too.
    page.locator(".select2-selection").first.click()
    page.wait_for_load_state("networkidle")
    assert violations(page) == []
    visit(page, "/admin/questions/question/add/")
