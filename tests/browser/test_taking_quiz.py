"""An aspirant takes quizzes in real Chromium: clicks, keyboard, the clock, no JavaScript."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from quizapp.attempts.models import Answer, Attempt
from tests.factories import QuizFactory, UserFactory


def log_in(page, username="asha"):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password:").fill("correct-horse-battery")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name=re.compile("Log out"))).to_be_visible()


def start_quiz(page, quiz, *, scripted: bool = True) -> None:
    """A new aspirant logs in and starts ``quiz``; with JavaScript, waits for quiz.js."""
    UserFactory(username="asha")
    log_in(page)
    page.goto(quiz.get_absolute_url())
    page.get_by_role("button", name="Start the quiz").click()
    if scripted:
        # A tap before the quiz script has loaded would only select the option.
        page.wait_for_selector("html[data-quiz-ready]", state="attached")


def timer_seconds(page) -> int:
    return int(page.get_by_role("timer").inner_text().split()[0])


def test_sign_up_take_a_quiz_by_clicking_and_read_the_explanations(page, check_a11y):
    quiz = QuizFactory(title="India–Japan basics", questions=3, feedback_mode="each")
    page.goto("/")
    check_a11y(page, "home")
    page.get_by_role("link", name="India–Japan basics").first.click()
    check_a11y(page, "quiz detail (anonymous)")
    page.get_by_role("link", name="or create a free account").click()
    check_a11y(page, "sign up")
    page.get_by_label("Username").fill("meera")
    page.get_by_label("Email").fill("meera@example.com")
    page.get_by_label("Password:", exact=True).fill("a-long-pass-phrase-42")
    page.get_by_label("Password confirmation:").fill("a-long-pass-phrase-42")
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_url(re.compile(rf"/quizzes/{quiz.slug}/$"))
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_selector("html[data-quiz-ready]", state="attached")

    for number in (1, 2, 3):
        expect(page.get_by_role("heading", name=f"Question {number} of 3")).to_be_visible()
        expect(page.get_by_role("timer")).to_be_visible()
        if number == 1:
            check_a11y(page, "question")
            url = page.url
        page.get_by_role("radio").nth(number % 4).click()
        expect(page.locator(".verdict")).to_be_visible()
        expect(page.get_by_role("heading", name="Explanation")).to_be_visible()
        assert page.url == url  # swapped in place: the URL stays the attempt's
        if number == 1:
            check_a11y(page, "feedback")
        if number < 3:
            page.get_by_role("button", name="Next question").click()
    page.get_by_role("link", name="See your results").click()
    expect(page.get_by_role("heading", name=re.compile("^Results"))).to_be_visible()
    expect(page.get_by_text("implemented in 2011").first).to_be_visible()
    check_a11y(page, "results")
    attempt = Attempt.objects.get(user__username="meera")
    assert attempt.is_finished and attempt.settled_count == 3
    assert attempt.timed_out == 0 and attempt.skipped == 0

    page.get_by_role("link", name="Read it in").first.click()
    expect(page.locator("mark.mark-target")).to_be_visible()
    check_a11y(page, "source")
    page.goto("/me/scores/")
    expect(page.get_by_role("img", name=re.compile("Percentage over time"))).to_be_visible()
    check_a11y(page, "my scores")


def test_countdown_times_out_by_itself_and_moves_on(page):
    quiz = QuizFactory(questions=2, seconds_per_question=5, feedback_mode="end")
    start_quiz(page, quiz)
    expect(page.get_by_role("heading", name="Question 1 of 2")).to_be_visible()
    expect(page.get_by_role("heading", name="Question 2 of 2")).to_be_visible(timeout=12_000)
    first = Answer.objects.get(position=0)
    assert first.outcome == "timed_out"
    assert first.time_taken == 5


def test_reload_mid_question_keeps_the_clock_running(page):
    quiz = QuizFactory(questions=2, seconds_per_question=30)
    start_quiz(page, quiz)
    expect(page.get_by_role("heading", name="Question 1 of 2")).to_be_visible()
    before = timer_seconds(page)
    page.wait_for_timeout(3_000)
    page.reload()
    after = timer_seconds(page)
    assert after <= before - 2, (before, after)
    # A second tab shows the same question and the same clock, not a fresh one.
    other = page.context.new_page()
    other.goto(page.url)
    assert abs(timer_seconds(other) - after) <= 1
    expect(other.get_by_role("heading", name="Question 1 of 2")).to_be_visible()


def test_keyboard_answers_with_number_keys_and_skips_with_s(page):
    quiz = QuizFactory(questions=2, feedback_mode="end")
    start_quiz(page, quiz)
    expect(page.get_by_role("heading", name="Question 1 of 2")).to_be_visible()
    page.keyboard.press("2")
    expect(page.get_by_role("heading", name="Question 2 of 2")).to_be_visible()
    page.keyboard.press("s")
    expect(page.get_by_role("heading", name=re.compile("^Results"))).to_be_visible()
    outcomes = list(Answer.objects.order_by("position").values_list("outcome", "choice_index"))
    assert outcomes[0][1] == 1 and outcomes[1] == ("skipped", None)


def test_the_same_quiz_works_without_javascript(no_js_page):
    page = no_js_page
    quiz = QuizFactory(questions=2, feedback_mode="each", negative_mark="1/3")
    start_quiz(page, quiz, scripted=False)
    expect(page.get_by_role("heading", name="Question 1 of 2")).to_be_visible()
    page.get_by_role("radio").first.check()
    page.get_by_role("button", name="Submit answer").click()
    expect(page.locator(".verdict")).to_have_text(re.compile("Correct"))
    page.get_by_role("button", name="Next question").click()
    expect(page.get_by_role("heading", name="Question 2 of 2")).to_be_visible()
    page.get_by_role("radio").nth(2).check()
    page.get_by_role("button", name="Submit answer").click()
    expect(page.get_by_role("heading", name=re.compile("^Results"))).to_be_visible()
    attempt = Attempt.objects.get()
    assert (attempt.correct, attempt.wrong) == (1, 1)
    expect(page.get_by_text("took away")).to_be_visible()


def test_end_quiz_now_asks_first_then_shows_results_after_swapped_questions(page):
    quiz = QuizFactory(questions=3, feedback_mode="end")
    start_quiz(page, quiz)
    page.get_by_role("radio").first.click()
    # Question 2 arrived by htmx, so its forms carry no CSRF input: the header does.
    expect(page.get_by_role("heading", name="Question 2 of 3")).to_be_visible()
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="End quiz now").click()
    expect(page.get_by_role("heading", name="Question 2 of 3")).to_be_visible()
    assert not Attempt.objects.get().is_finished
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="End quiz now").click()
    expect(page.get_by_role("heading", name=re.compile("^Results"))).to_be_visible()
    attempt = Attempt.objects.get()
    assert attempt.is_finished and attempt.settled_count == 3 and attempt.skipped == 2


def test_end_quiz_now_without_javascript(no_js_page):
    page = no_js_page
    quiz = QuizFactory(questions=2, feedback_mode="end")
    start_quiz(page, quiz, scripted=False)
    page.get_by_role("button", name="End quiz now").click()
    expect(page.get_by_role("heading", name=re.compile("^Results"))).to_be_visible()
    assert Attempt.objects.get().skipped == 2
