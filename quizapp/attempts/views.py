"""Taking quizzes: browse, start, answer against the clock, results, history."""

from __future__ import annotations

import functools
import math
from datetime import date
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from questions.models import Quiz
from quizapp import session_auth
from quizapp.reports.queries import assigned_quizzes

from . import history as history_queries
from . import services
from .models import Attempt, AttemptItem


def _published_quizzes():
    return Quiz.objects.published().annotate(
        question_count=Count("questions", filter=Q(questions__status="published"))
    )


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The published quizzes, with the signed-in aspirant's best and last scores."""
    quizzes = list(_published_quizzes().filter(question_count__gt=0))
    mine = history_queries.best_and_last_by_quiz(request.user)
    assigned = assigned_quizzes(request.user)
    for quiz in quizzes:
        quiz.mine = mine.get(quiz.pk)
        quiz.assigned = assigned.get(quiz.pk)
    # Quizzes a teacher assigned come first, soonest due first.
    quizzes.sort(key=lambda q: (q.assigned is None, (q.assigned or {}).get("due_on") or date.max))
    return render(request, "attempts/home.html", {"quizzes": quizzes})


@require_GET
def quiz_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A quiz's rules and a button to start it, or to resume the unfinished attempt."""
    quiz = get_object_or_404(_published_quizzes(), slug=slug)
    unfinished = None
    if request.user.is_authenticated:
        unfinished = Attempt.objects.for_user(request.user).in_progress().filter(quiz=quiz).first()
        if unfinished is not None and services.catch_up(unfinished, now=timezone.now()):
            unfinished = None
    return render(request, "attempts/quiz_detail.html", {"quiz": quiz, "unfinished": unfinished})


@require_POST
def start(request: HttpRequest, slug: str) -> HttpResponse:
    """Start the quiz (its question order is fixed now), or resume the unfinished attempt."""
    quiz = get_object_or_404(Quiz.objects.published(), slug=slug)
    if not request.user.is_authenticated:
        # Back to the quiz page after logging in: the start itself is a POST.
        return redirect_to_login(quiz.get_absolute_url())
    try:
        attempt, resumed = services.start_attempt(user=request.user, quiz=quiz, now=timezone.now())
    except services.QuizUnavailable as error:
        messages.error(request, str(error))
        return redirect("home")
    if resumed:
        messages.info(request, _("You already had this quiz under way: carry on where you were."))
    return redirect(attempt)


def _attempt_for(request: HttpRequest, attempt_id: UUID) -> Attempt:
    return get_object_or_404(Attempt.objects.for_user(request.user), pk=attempt_id)


def _render_state(
    request: HttpRequest,
    attempt: Attempt,
    *,
    status: int = 200,
    error: str = "",
    after_answer: bool = False,
) -> HttpResponse:
    """Render where the attempt is now: a question, its feedback, or the way to results."""
    if attempt.is_finished and after_answer and attempt.feedback_mode == "each":
        return _render_last_feedback(request, attempt)
    if attempt.is_finished:
        if request.htmx:
            return HttpResponseClientRedirect(attempt.get_results_url())
        return redirect(attempt.get_results_url())
    now = timezone.now()
    # Showing a question starts its clock, the first time (the first question's only).
    services.serve(attempt=attempt, now=now)
    item = services.current_item(attempt)
    left = services.seconds_left(attempt, now=now)
    base = attempt.get_absolute_url()
    context = {
        "attempt": attempt,
        "item": item,
        # Built from one reverse(): the question page is rendered on every answer.
        "urls": {"answer": f"{base}answer/", "finish": f"{base}finish/"},
        "error": error,
        "seconds_left": left,
        "seconds_whole": math.ceil(left),
        "progress_percent": round(100 * attempt.position / attempt.total_questions),
    }
    if attempt.showing_feedback:
        context["answer"] = item.answer
        context["is_last"] = attempt.position + 1 >= attempt.total_questions
        fragment = "feedback"
    else:
        fragment = "question"
    template = "attempts/take.html" + (f"#{fragment}" if request.htmx else "")
    context["fragment"] = fragment
    return render(request, template, context, status=status)


def _render_last_feedback(request: HttpRequest, attempt: Attempt) -> HttpResponse:
    """In after-each mode the last answer gets its feedback too, then the way to results."""
    item = (
        AttemptItem.objects.select_related("answer")
        .filter(attempt=attempt)
        .order_by("-position")
        .first()
    )
    context = {
        "attempt": attempt,
        "item": item,
        "answer": item.answer,
        "is_last": True,
        "fragment": "feedback",
    }
    template = "attempts/take.html" + ("#feedback" if request.htmx else "")
    return render(request, template, context)


class _SignInNeeded(Exception):
    """Nobody is signed in: the view sends the visitor to the login page."""


def _signed_in(view):
    """``login_required`` for views that read the user with the attempt (``_own_attempt``)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except _SignInNeeded:
            return redirect_to_login(request.get_full_path())

    return wrapper


def _own_attempt(request: HttpRequest, attempt_id: UUID, load) -> Attempt:
    """The signed-in user's attempt, as ``load(user_id=..., attempt_id=...)`` reads it.

    The read brings the user too: when the session confirms that user
    (``quizapp.session_auth``), it becomes ``request.user`` and no other query is
    made. Otherwise Django reads the user the usual way (and may end or rotate
    the session) and the attempt is read again for whoever that is. Raises
    Http404 when the attempt is not theirs, _SignInNeeded when nobody is signed in.
    """
    attempt = load(user_id=session_auth.claimed_user_id(request), attempt_id=attempt_id)
    if attempt is not None and session_auth.confirms(request, attempt.user):
        request.user = attempt.user
        return attempt
    if not request.user.is_authenticated:
        raise _SignInNeeded
    attempt = load(user_id=request.user.pk, attempt_id=attempt_id)
    if attempt is None:
        raise Http404("No such attempt.")
    return attempt


@require_GET
@_signed_in
def take(request: HttpRequest, attempt_id: UUID) -> HttpResponse:
    """The question being served, with the time the server says is left."""
    # The attempt, its user and its current question in one read: every aspirant of
    # a class that starts together loads this page in the same minute.
    attempt = _own_attempt(request, attempt_id, services.attempt_for_page)
    services.catch_up(attempt, now=timezone.now())
    return _render_state(request, attempt)


@require_POST
@_signed_in
def answer(request: HttpRequest, attempt_id: UUID) -> HttpResponse:
    """Record the answer to the question being served, then show what comes next."""
    try:
        submission = services.parse_submission(request.POST)
    except services.BadSubmission as error:
        attempt = _own_attempt(request, attempt_id, services.attempt_for_page)
        return _bad_request(request, attempt, str(error))
    # The attempt, its user, this question and the next in one read: the hot path.
    attempt = _own_attempt(
        request,
        attempt_id,
        functools.partial(services.attempt_for_answer, position=submission.position),
    )
    try:
        services.record_answer(attempt=attempt, submission=submission, now=timezone.now())
    except services.BadSubmission as error:
        return _bad_request(request, attempt, str(error))
    if request.htmx:
        return _render_state(request, attempt, after_answer=True)
    if attempt.is_finished:
        return redirect(attempt.get_results_url())
    return redirect(attempt)


def _bad_request(request: HttpRequest, attempt: Attempt, message: str) -> HttpResponse:
    if attempt.is_finished:
        return render(
            request, "attempts/error.html", {"message": message, "attempt": attempt}, status=400
        )
    return _render_state(request, attempt, status=400, error=message)


@require_POST
@login_required
def next_question(request: HttpRequest, attempt_id: UUID) -> HttpResponse:
    """Leave a question's feedback for the next question; its clock starts now."""
    attempt = _attempt_for(request, attempt_id)
    services.advance(attempt=attempt, now=timezone.now())
    if request.htmx or attempt.is_finished:
        return _render_state(request, attempt)
    return redirect(attempt)


@require_POST
@login_required
def finish(request: HttpRequest, attempt_id: UUID) -> HttpResponse:
    """Stop now: what is left counts as skipped, and the results are shown."""
    attempt = _attempt_for(request, attempt_id)
    services.finish_early(attempt=attempt, now=timezone.now())
    return _render_state(request, attempt)


@require_GET
@login_required
def results(request: HttpRequest, attempt_id: UUID) -> HttpResponse:
    """The score and every question reviewed with its explanation and cited facts."""
    attempt = _attempt_for(request, attempt_id)
    services.catch_up(attempt, now=timezone.now())
    if not attempt.is_finished:
        messages.info(request, _("Results appear when the quiz is finished."))
        return redirect(attempt)
    items = list(
        AttemptItem.objects.filter(attempt=attempt).select_related("answer").order_by("position")
    )
    return render(request, "attempts/results.html", {"attempt": attempt, "items": items})


@require_GET
@login_required
def history(request: HttpRequest) -> HttpResponse:
    """Every attempt, best per quiz, accuracy per topic and fact, and a chart over time."""
    context = history_queries.history_context(request.user)
    context["attempts_url"] = reverse("attempts:history")
    return render(request, "attempts/history.html", context)
