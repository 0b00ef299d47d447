"""The rules of taking a quiz: start, serve, answer, time out, finish and score.

The server owns the clock. A question's clock starts when it is served (the first
question's when its page is first shown, not when the quiz is started) and that
moment is stored on the attempt; everything here takes ``now`` as an argument so
that views pass ``timezone.now()`` and tests pass whatever moment they need.

Concurrency: every change is a conditional write. An answer is an INSERT that a
unique constraint allows once per question; moving the attempt on is an UPDATE
guarded by the position it expects. A racing duplicate loses cleanly and is
shown the current state.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from questions.models import Choice, Question, Quiz

from . import sql
from .models import Answer, Attempt, AttemptItem, ItemFact

Outcome = Answer.Outcome


class QuizUnavailable(Exception):
    """The quiz cannot be started (unpublished, or no published question)."""


class BadSubmission(Exception):
    """A submission that cannot be applied: the view answers 400 with this message."""


@dataclass(frozen=True)
class Submission:
    position: int
    action: str  # "answer", "skip" or "timeout"
    choice_index: int | None = None


def grace() -> timedelta:
    return timedelta(seconds=settings.QUIZ_ANSWER_GRACE_SECONDS)


def feedback_pause() -> timedelta:
    """How long feedback may be read before an idle attempt's next clock starts anyway."""
    return timedelta(seconds=getattr(settings, "QUIZ_FEEDBACK_IDLE_SECONDS", 600))


def time_multiplier(*, user, quiz: Quiz) -> Fraction:
    """Extra time granted to this aspirant (1 = none); teachers' accommodations plug in here."""
    hook = getattr(settings, "QUIZ_TIME_MULTIPLIER_FUNCTION", None)
    if hook:
        from django.utils.module_loading import import_string

        return Fraction(str(import_string(hook)(user=user, quiz=quiz)))
    return Fraction(1)


def _as_decimal(value: Fraction, places: str = "0.0001") -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal(places), rounding=ROUND_HALF_UP
    )


# --- starting ---------------------------------------------------------------------------


def start_attempt(
    *, user, quiz: Quiz, now: datetime, rng: random.Random | None = None
) -> tuple[Attempt, bool]:
    """Start an attempt, or return the unfinished one of this quiz (``resumed`` True)."""
    existing = Attempt.objects.in_progress().filter(user=user, quiz=quiz).first()
    if existing is not None:
        catch_up(existing, now=now)
        if not existing.is_finished:
            return existing, True
    if not quiz.is_published:
        raise QuizUnavailable(_("This quiz is not published."))
    questions = _published_questions(quiz)
    if not questions:
        raise QuizUnavailable(_("This quiz has no published questions yet."))
    rng = rng or random.SystemRandom()
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    seconds = float(quiz.seconds_per_question * time_multiplier(user=user, quiz=quiz))
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                user=user,
                quiz=quiz,
                quiz_title=quiz.title,
                started_at=now,
                seconds_allowed=seconds,
                negative_mark=str(quiz.penalty),
                feedback_mode=quiz.feedback_mode,
                total_questions=len(questions),
                max_score=len(questions),
            )
            items = AttemptItem.objects.bulk_create(
                _snapshot(attempt, position, question, quiz.shuffle_options, rng)
                for position, question in enumerate(questions)
            )
            ItemFact.objects.bulk_create(
                ItemFact(item=item, fact_id=fact["id"], label=fact["label"])
                for item, question in zip(items, questions, strict=True)
                for fact in question.facts
            )
    except IntegrityError:
        # Another request started this quiz for this aspirant a moment ago: resume that one.
        existing = Attempt.objects.in_progress().filter(user=user, quiz=quiz).first()
        if existing is None:
            raise
        return existing, True
    return attempt, False


@dataclass
class _QuestionRow:
    """What an attempt copies of one question, read as plain values."""

    id: int
    stem: str
    explanation: str
    topic_id: int
    topic_name: str
    choices: list[tuple[int, str, bool]] = field(default_factory=list)  # id, text, is correct
    facts: list[dict] = field(default_factory=list)


def _published_questions(quiz: Quiz) -> list[_QuestionRow]:
    """The quiz's published questions in quiz order, with their options and facts.

    Three reads of plain values: everybody starts at the same moment, and model
    instances and prefetching cost several times what the database spends.
    """
    questions = [
        _QuestionRow(*row)
        for row in Question.objects.published()
        .filter(quiz_questions__quiz=quiz)
        .order_by("quiz_questions__order", "quiz_questions__id")
        .values_list("id", "stem", "explanation", "topic_id", "topic__name")
    ]
    if not questions:
        return questions
    by_id: dict[int, list[_QuestionRow]] = {}
    for question in questions:
        by_id.setdefault(question.id, []).append(question)
    choices = (
        Choice.objects.filter(question_id__in=by_id)
        .order_by("order", "id")
        .values_list("question_id", "id", "text", "is_correct")
    )
    for question_id, *choice in choices:
        for question in by_id[question_id]:
            question.choices.append(tuple(choice))
    facts = (
        Question.facts.through.objects.filter(question_id__in=by_id)
        .order_by("fact__label", "fact_id")
        .values_list(
            "question_id",
            "fact_id",
            "fact__label",
            "fact__statement",
            "fact__quote",
            "fact__source__title",
            "fact__source__slug",
        )
    )
    for question_id, *values in facts:
        keys = ("id", "label", "statement", "quote", "source_title", "source_slug")
        for question in by_id[question_id]:
            question.facts.append(dict(zip(keys, values, strict=True)))
    return questions


def _snapshot(
    attempt: Attempt, position: int, question: _QuestionRow, shuffle: bool, rng: random.Random
) -> AttemptItem:
    choices = list(question.choices)
    if shuffle:
        rng.shuffle(choices)
    correct = next(pk for pk, _text, is_correct in choices if is_correct)
    return AttemptItem(
        attempt=attempt,
        position=position,
        question_id=question.id,
        topic_id=question.topic_id,
        topic_name=question.topic_name,
        stem=question.stem,
        options=[{"id": pk, "text": text} for pk, text, _correct in choices],
        correct_choice_id=correct,
        explanation=question.explanation,
        facts=question.facts,
    )


# --- reading the state --------------------------------------------------------------------


def attempt_for_answer(*, user_id, attempt_id, position: int) -> Attempt | None:
    """The user's attempt, with its user, the item at ``position`` and the next one loaded.

    Answering is the hot path: one plain read (``sql.read_attempt``) brings the
    attempt, its user (``quizapp.session_auth`` checks the session against it) and
    both items, so recording the answer and serving the next question need no
    further read. None when it is not theirs.
    """
    return _attempt_with_items(user_id, attempt_id, positions=(position, position + 1))


def attempt_for_page(*, user_id, attempt_id) -> Attempt | None:
    """The user's attempt with its user and current item, in one read; None when not theirs."""
    return _attempt_with_items(user_id, attempt_id, positions=None)


def _attempt_with_items(user_id, attempt_id, *, positions: tuple | None) -> Attempt | None:
    if user_id is None:
        return None
    attempt, items = sql.read_attempt(attempt_id, user_id, positions)
    if attempt is None:
        return None
    attempt.loaded_items = {}
    for item in items:
        item.attempt = attempt
        attempt.loaded_items[item.position] = item
    return attempt


def _item(attempt: Attempt, position: int, *fields: str) -> AttemptItem:
    """The attempt's item at ``position``: already loaded, or read (only ``fields``)."""
    loaded = getattr(attempt, "loaded_items", None) or {}
    if position in loaded:
        return loaded[position]
    items = AttemptItem.objects.only(*fields) if fields else AttemptItem.objects
    return items.get(attempt=attempt, position=position)


def current_item(attempt: Attempt) -> AttemptItem | None:
    if attempt.is_finished:
        return None
    return _item(attempt, attempt.position)


def seconds_left(attempt: Attempt, *, now: datetime) -> float:
    deadline = attempt.current_deadline
    if deadline is None:
        return attempt.seconds_allowed
    return max(0.0, (deadline - now).total_seconds())


def serve(*, attempt: Attempt, now: datetime) -> None:
    """Start the current question's clock now, if this is the first time it is shown.

    Only the first question waits to be shown (later ones are served by the answer or
    the move on before them): a start that queued behind a whole class's starts
    must not eat the aspirant's time. One conditional UPDATE, writing nothing but the
    serve time; when another request showed it first, its moment stands.
    """
    if attempt.is_finished or attempt.showing_feedback or attempt.current_served_at is not None:
        return
    shown = Attempt.objects.filter(
        pk=attempt.pk,
        state=Attempt.State.IN_PROGRESS,
        position=attempt.position,
        current_served_at__isnull=True,
    ).update(current_served_at=now)
    if shown == 1:
        attempt.current_served_at = now
    else:
        attempt.refresh_from_db()


# --- settling questions ---------------------------------------------------------------------


def parse_submission(data) -> Submission:
    """Read the posted form; anything malformed is a BadSubmission with a plain reason."""
    try:
        position = int(data.get("position", ""))
    except (TypeError, ValueError):
        raise BadSubmission(_("The question number is missing or malformed.")) from None
    action = data.get("action") or "answer"
    if action not in {"answer", "skip", "timeout"}:
        raise BadSubmission(_("Unknown action: use answer, skip or timeout."))
    choice_index = None
    if action == "answer":
        raw = data.get("choice")
        if raw in (None, ""):
            raise BadSubmission(_("Choose an option first, or use Skip."))
        try:
            choice_index = int(raw)
        except (TypeError, ValueError):
            raise BadSubmission(_("That option is malformed.")) from None
    return Submission(position=position - 1, action=action, choice_index=choice_index)


def record_answer(*, attempt: Attempt, submission: Submission, now: datetime) -> bool:
    """Record the aspirant's answer to the question being served.

    Returns True when this request recorded it, False when it was a repeat (double
    click, retry, second tab, or an answer that arrived after the deadline and was
    already settled as timed out): the caller then shows the current state.
    Raises BadSubmission for a question that is not being served or an option
    that is not one of its options; nothing is written then.
    """
    catch_up(attempt, now=now)
    position = submission.position
    if position < 0 or position >= attempt.total_questions:
        raise BadSubmission(_("There is no question %(n)s in this quiz.") % {"n": position + 1})
    if attempt.is_finished or position < attempt.position or attempt.showing_feedback:
        return False
    if position > attempt.position:
        raise BadSubmission(
            _("Question %(n)s is not the one being served; reload the page to continue.")
            % {"n": position + 1}
        )
    if attempt.current_served_at is None:
        raise BadSubmission(
            _("Question %(n)s has not been shown yet: its clock starts when its page is shown.")
            % {"n": position + 1}
        )
    item = _item(attempt, position, "id", "options", "correct_choice_id")
    choice_id = None
    if submission.action == "answer":
        index = submission.choice_index
        if index is None or not 0 <= index < len(item.options):
            raise BadSubmission(_("That option is not one of this question's options."))
        choice_id = item.options[index]["id"]
        outcome = Outcome.CORRECT if choice_id == item.correct_choice_id else Outcome.WRONG
    elif submission.action == "skip":
        outcome = Outcome.SKIPPED
    else:
        outcome = Outcome.TIMED_OUT
    deadline = attempt.current_deadline
    settled_at = min(now, deadline) if outcome == Outcome.TIMED_OUT else now
    return _settle(
        attempt,
        item=item,
        outcome=outcome,
        choice_id=choice_id,
        choice_index=submission.choice_index if choice_id else None,
        settled_at=settled_at,
    )


def _settle(
    attempt: Attempt,
    *,
    item: AttemptItem,
    outcome: str,
    choice_id: int | None,
    choice_index: int | None,
    settled_at: datetime,
) -> bool:
    """Write one outcome and move the attempt on, in one short transaction.

    The attempt instance is updated in memory to match what was written. The INSERT
    of the answer and the guarded UPDATE of the attempt are plain statements
    (``sql.insert_and_update``: one short transaction on SQLite, one statement on
    PostgreSQL); being plain, they send no model signals.
    """
    position = attempt.position
    served_at = attempt.current_served_at or min(settled_at, _unshown_served_at(attempt))
    taken = min(max(0.0, (settled_at - served_at).total_seconds()), attempt.seconds_allowed)
    counter = {
        Outcome.CORRECT: "correct",
        Outcome.WRONG: "wrong",
        Outcome.SKIPPED: "skipped",
        Outcome.TIMED_OUT: "timed_out",
    }[outcome]
    changes: dict = {
        counter: getattr(attempt, counter) + 1,
        "last_settled_at": settled_at,
        "time_taken": attempt.time_taken + taken,
    }
    last = position + 1 >= attempt.total_questions
    if last:
        changes["state"] = Attempt.State.FINISHED
        changes["finished_at"] = settled_at
    elif attempt.feedback_mode == "end":
        # The next question is served in this same response: its clock starts now.
        changes["position"] = position + 1
        changes["current_served_at"] = settled_at
    if last:
        changes.update(_score_fields(attempt, changes))
    answer = {
        "attempt": attempt.pk,
        "item": item.pk,
        "position": position,
        "choice_id": choice_id,
        "choice_index": choice_index,
        "outcome": outcome,
        "served_at": served_at,
        "answered_at": settled_at,
        "time_taken": taken,
    }
    try:
        # Guarded by the state and position it expects: a racing request changes no row.
        sql.insert_and_update(
            Answer,
            answer,
            Attempt,
            changes,
            where={"id": attempt.pk, "state": Attempt.State.IN_PROGRESS, "position": position},
        )
    except IntegrityError:
        attempt.refresh_from_db()
        return False
    for name, value in changes.items():
        setattr(attempt, name, value)
    return True


def _score_fields(attempt: Attempt, changes: dict) -> dict:
    correct = changes.get("correct", attempt.correct)
    wrong = changes.get("wrong", attempt.wrong)
    exact = correct - wrong * attempt.penalty
    total = attempt.total_questions
    return {
        "score": _as_decimal(Fraction(exact)),
        "percent": _as_decimal(Fraction(exact) * 100 / total, "0.01") if total else Decimal(0),
    }


def advance(*, attempt: Attempt, now: datetime) -> bool:
    """Move on from a question's feedback to the next question, whose clock starts now."""
    catch_up(attempt, now=now)
    if attempt.is_finished or not attempt.showing_feedback:
        return False
    return _move_on(attempt, served_at=now)


def _move_on(attempt: Attempt, *, served_at: datetime) -> bool:
    position = attempt.position
    updated = Attempt.objects.filter(
        pk=attempt.pk, state=Attempt.State.IN_PROGRESS, position=position
    ).update(position=F("position") + 1, current_served_at=served_at)
    if updated != 1:
        attempt.refresh_from_db()
        return False
    attempt.position = position + 1
    attempt.current_served_at = served_at
    return True


def catch_up(attempt: Attempt, *, now: datetime) -> bool:
    """Record as timed out every question whose deadline (plus grace) has passed.

    An attempt left alone thus finishes by itself: after an unanswered question's
    deadline the next one counts as served at that deadline (after each question's
    feedback, once the reading pause is over; a first question never shown, once that
    pause after the start is over), so the finish time is the last deadline, not the
    moment this runs. Returns True when this call finished it.
    """
    allowed = timedelta(seconds=attempt.seconds_allowed)
    finished_here = False
    while not attempt.is_finished:
        if attempt.showing_feedback:
            next_served = attempt.last_settled_at + feedback_pause()
            if now <= next_served + allowed + grace():
                break
            if not _move_on(attempt, served_at=next_served):
                continue
        deadline = (attempt.current_served_at or _unshown_served_at(attempt)) + allowed
        if now <= deadline + grace():
            break
        recorded = _settle_unanswered(attempt, outcome=Outcome.TIMED_OUT, settled_at=deadline)
        finished_here = recorded and attempt.is_finished
    return finished_here


def _settle_unanswered(attempt: Attempt, *, outcome: str, settled_at: datetime) -> bool:
    """Settle the current question with no option chosen (timed out or skipped)."""
    item = _item(attempt, attempt.position, "id")
    return _settle(
        attempt,
        item=item,
        outcome=outcome,
        choice_id=None,
        choice_index=None,
        settled_at=settled_at,
    )


def _unshown_served_at(attempt: Attempt) -> datetime:
    """When a first question never shown counts as served: once a reading pause is over."""
    return attempt.started_at + feedback_pause()


def finish_early(*, attempt: Attempt, now: datetime) -> None:
    """End the attempt now: the current and remaining questions count as skipped."""
    catch_up(attempt, now=now)
    while not attempt.is_finished:
        if attempt.showing_feedback:
            _move_on(attempt, served_at=now)
            continue
        _settle_unanswered(attempt, outcome=Outcome.SKIPPED, settled_at=now)


def close_expired(*, now: datetime) -> int:
    """Catch up every unfinished attempt; returns how many this call finished."""
    finished = 0
    for attempt in Attempt.objects.in_progress().iterator(chunk_size=200):
        if catch_up(attempt, now=now):
            finished += 1
    return finished
