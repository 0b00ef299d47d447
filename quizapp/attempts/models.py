"""Attempts: one aspirant's run through a quiz, with what they were shown and what they answered.

Each attempt keeps its own copy of every question as served (stem, options in
their order, which was correct, explanation, facts), so a result never changes
when an author later edits or deletes a question.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from fractions import Fraction

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from questions.markdown import render_markdown
from questions.models import Fact, Question, Quiz, Topic

LETTERS = "ABCDEF"


class AttemptQuerySet(models.QuerySet):
    def for_user(self, user) -> AttemptQuerySet:
        """Attempts the user may see and act on: only their own."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)

    def in_progress(self) -> AttemptQuerySet:
        return self.filter(state=Attempt.State.IN_PROGRESS)

    def finished(self) -> AttemptQuerySet:
        return self.filter(state=Attempt.State.FINISHED)


class Attempt(models.Model):
    class State(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        FINISHED = "finished", _("Finished")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="attempts",
        verbose_name=_("user"),
    )
    quiz = models.ForeignKey(
        Quiz, on_delete=models.PROTECT, related_name="attempts", verbose_name=_("quiz")
    )
    quiz_title = models.CharField(_("quiz title"), max_length=200)
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    # Rules as they were when the attempt started.
    seconds_allowed = models.FloatField(_("seconds allowed per question"))
    negative_mark = models.CharField(_("negative mark"), max_length=12, default="0")
    feedback_mode = models.CharField(_("feedback"), max_length=8, choices=Quiz.Feedback.choices)
    total_questions = models.PositiveIntegerField(_("questions"))

    # Where the aspirant is: the item at ``position`` was served at ``current_served_at``
    # (empty until the first question's page is first shown). When ``settled_count``
    # exceeds ``position`` the current item is answered and its feedback is showing;
    # the next item is served when the aspirant moves on.
    position = models.PositiveIntegerField(_("position"), default=0)
    current_served_at = models.DateTimeField(_("current question served"), null=True, blank=True)
    last_settled_at = models.DateTimeField(_("last answer"), null=True, blank=True)

    correct = models.PositiveIntegerField(_("correct"), default=0)
    wrong = models.PositiveIntegerField(_("wrong"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    timed_out = models.PositiveIntegerField(_("timed out"), default=0)
    score = models.DecimalField(_("score"), max_digits=10, decimal_places=4, null=True)
    max_score = models.PositiveIntegerField(_("maximum"), default=0)
    percent = models.DecimalField(_("percentage"), max_digits=6, decimal_places=2, null=True)
    time_taken = models.FloatField(_("time taken (s)"), default=0)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        indexes = [
            models.Index(fields=["user", "quiz", "state"], name="attempt_user_quiz_state"),
            # Unfinished attempts, for close_expired_attempts. Only ``state`` is indexed
            # (it changes once, at the finish), so the UPDATE every answer makes touches
            # no indexed column: PostgreSQL can make it a HOT update, SQLite rewrites no
            # index entry.
            models.Index(
                fields=["state"], condition=Q(state="in_progress"), name="attempt_in_progress"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(position__lte=models.F("total_questions")),
                name="attempt_position_in_range",
            ),
            # One unfinished attempt per quiz and aspirant: a second start resumes it.
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=Q(state="in_progress"),
                name="attempt_one_in_progress_per_quiz",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quiz_title} ({self.started_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("attempts:take", kwargs={"attempt_id": self.id})

    def get_results_url(self) -> str:
        return reverse("attempts:results", kwargs={"attempt_id": self.id})

    @property
    def is_finished(self) -> bool:
        return self.state == self.State.FINISHED

    @property
    def settled_count(self) -> int:
        return self.correct + self.wrong + self.skipped + self.timed_out

    @property
    def showing_feedback(self) -> bool:
        """The current question is answered and its feedback shows (after-each mode)."""
        return self.settled_count > self.position

    @property
    def penalty(self) -> Fraction:
        return Fraction(self.negative_mark or "0")

    @property
    def current_deadline(self) -> datetime | None:
        """When the current question's time runs out; None while it has not been shown."""
        if self.current_served_at is None:
            return None
        return self.current_served_at + timedelta(seconds=self.seconds_allowed)

    @property
    def exact_score(self) -> Fraction:
        return self.correct - self.wrong * self.penalty

    @property
    def guessing_cost(self) -> Decimal:
        """Marks the wrong answers took away."""
        return _decimal(self.wrong * self.penalty)

    @property
    def score_without_penalty(self) -> int:
        return self.correct


def _decimal(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.0001"))


class AttemptItem(models.Model):
    """One question of an attempt, as the aspirant was shown it."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("position"))
    question = models.ForeignKey(
        Question,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attempt_items",
        verbose_name=_("question"),
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    topic_name = models.CharField(_("topic"), max_length=100)
    stem = models.TextField(_("question"))
    # [{"id": choice id, "text": ...}] in the order shown.
    options = models.JSONField(_("options"))
    correct_choice_id = models.BigIntegerField(_("correct option"))
    explanation = models.TextField(_("explanation"), blank=True)
    # [{"id", "label", "statement", "quote", "source_title", "source_slug"}]
    facts = models.JSONField(_("facts"), default=list)

    class Meta:
        ordering = ["attempt", "position"]
        verbose_name = _("attempt question")
        verbose_name_plural = _("attempt questions")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="attemptitem_unique")
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id} #{self.position + 1}"

    @property
    def number(self) -> int:
        return self.position + 1

    @property
    def explanation_html(self) -> str:
        return render_markdown(self.explanation)

    @property
    def display_key(self) -> tuple:
        """What the question shows, as a key: items showing the same text share a
        rendered block (``{% memo %}``), whoever's attempt they belong to."""
        return (self.stem, *(option["text"] for option in self.options))

    @property
    def lettered_options(self) -> list[dict]:
        """Options in the order shown, with their letter and place (never which is correct)."""
        return [
            {"index": index, "letter": LETTERS[index], "text": option["text"], "id": option["id"]}
            for index, option in enumerate(self.options)
        ]

    def option_text(self, choice_id: int | None) -> str:
        for option in self.options:
            if option["id"] == choice_id:
                return option["text"]
        return ""

    @property
    def correct_text(self) -> str:
        return self.option_text(self.correct_choice_id)

    @property
    def correct_letter(self) -> str:
        for index, option in enumerate(self.options):
            if option["id"] == self.correct_choice_id:
                return LETTERS[index]
        return ""


class ItemFact(models.Model):
    """Which fact labels an attempt's question rested on, for accuracy per fact."""

    item = models.ForeignKey(AttemptItem, on_delete=models.CASCADE, related_name="fact_links")
    fact = models.ForeignKey(Fact, on_delete=models.SET_NULL, null=True, related_name="+")
    label = models.CharField(_("label"), max_length=60)

    class Meta:
        verbose_name = _("attempt question fact")
        verbose_name_plural = _("attempt question facts")
        constraints = [models.UniqueConstraint(fields=["item", "label"], name="itemfact_unique")]

    def __str__(self) -> str:
        return self.label


class Answer(models.Model):
    """The one recorded outcome of one question in one attempt."""

    class Outcome(models.TextChoices):
        CORRECT = "correct", _("Correct")
        WRONG = "wrong", _("Wrong")
        SKIPPED = "skipped", _("Skipped")
        TIMED_OUT = "timed_out", _("Timed out")

    # No index of its own: the unique (attempt, position) constraint's index serves it.
    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="answers", db_index=False
    )
    item = models.OneToOneField(AttemptItem, on_delete=models.CASCADE, related_name="answer")
    position = models.PositiveIntegerField(_("position"))
    choice_id = models.BigIntegerField(_("chosen option"), null=True, blank=True)
    choice_index = models.PositiveSmallIntegerField(_("chosen option's place"), null=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    served_at = models.DateTimeField(_("served"))
    answered_at = models.DateTimeField(_("answered"))
    time_taken = models.FloatField(_("time taken (s)"))

    class Meta:
        ordering = ["attempt", "position"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="answer_one_per_question"),
            models.CheckConstraint(
                condition=Q(outcome__in=["correct", "wrong"], choice_id__isnull=False)
                | Q(outcome__in=["skipped", "timed_out"], choice_id__isnull=True),
                name="answer_choice_matches_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id} #{self.position + 1}: {self.outcome}"
