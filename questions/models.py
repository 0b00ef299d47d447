"""The question bank: sources, facts quoted from them, and the questions and quizzes on them."""

from __future__ import annotations

import re
from fractions import Fraction

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .markdown import render_markdown

_SPACE = re.compile(r"\s+")
# Typographic quotes and dashes authors paste interchangeably with plain ones.
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "ʼ": "'", "–": "-", "—": "-"})


def normalise(text: str) -> str:
    """Collapse white space so a quote matches across line breaks and double spaces."""
    return _SPACE.sub(" ", (text or "").translate(_FOLD)).strip()


class Source(models.Model):
    """A document that facts are quoted from and questions are written from."""

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    publisher = models.CharField(_("publisher"), max_length=200)
    published_on = models.DateField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("Leave empty when only the year is known and say so in “dates”."),
    )
    dates = models.CharField(
        _("dates as published"),
        max_length=120,
        blank=True,
        help_text=_("As the source gives them, e.g. “posted 04 Oct 2025, updated 08 Oct 2025”."),
    )
    url = models.URLField(_("URL"), blank=True)
    text = models.TextField(_("full text"))

    class Meta:
        ordering = ["title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("source_detail", kwargs={"slug": self.slug})

    def contains(self, quote: str) -> bool:
        return bool(normalise(quote)) and normalise(quote) in normalise(self.text)

    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.text.splitlines() if p.strip()]


class Fact(models.Model):
    """A one-sentence fact, backed by a word-for-word quote from its source."""

    label = models.CharField(
        _("label"),
        max_length=60,
        unique=True,
        help_text=_("Short and unique, e.g. “CEPA 2011” or “LUPEX”."),
    )
    statement = models.CharField(_("statement"), max_length=400)
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="facts", verbose_name=_("source")
    )
    quote = models.TextField(
        _("quote"),
        help_text=_("Copied word for word from the source's text (white space may differ)."),
    )

    class Meta:
        ordering = ["label"]
        verbose_name = _("fact")
        verbose_name_plural = _("facts")

    def __str__(self) -> str:
        return self.label

    def save(self, *args, **kwargs) -> None:
        # A fact that misquotes its source must never reach the database, even from code.
        self.check_quote()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("source_detail", kwargs={"slug": self.source.slug}) + f"#fact-{self.pk}"

    def clean(self) -> None:
        super().clean()
        self.check_quote()

    def check_quote(self) -> None:
        if self.source_id is None or not self.quote:
            return
        if not self.source.contains(self.quote):
            raise ValidationError(
                {
                    "quote": ValidationError(
                        _(
                            "This quote is not in the text of “%(source)s”. Copy it word for "
                            "word from the source (only white space may differ)."
                        ),
                        code="quote_not_in_source",
                        params={"source": self.source.title},
                    )
                }
            )


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name


class QuestionQuerySet(models.QuerySet):
    def published(self) -> QuestionQuerySet:
        return self.filter(status=Question.Status.PUBLISHED)


class Question(models.Model):
    class Difficulty(models.IntegerChoices):
        EASY = 1, _("Easy")
        MEDIUM = 2, _("Medium")
        HARD = 3, _("Hard")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    stem = models.TextField(_("question"))
    explanation = models.TextField(
        _("explanation"),
        blank=True,
        help_text=_(
            "Markdown. Why the answer is right and, where useful, why a distractor is not."
        ),
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="questions", verbose_name=_("topic")
    )
    difficulty = models.PositiveSmallIntegerField(
        _("difficulty"), choices=Difficulty.choices, default=Difficulty.MEDIUM
    )
    facts = models.ManyToManyField(
        Fact, related_name="questions", blank=True, verbose_name=_("facts")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="authored_questions",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        stem = normalise(self.stem)
        return stem if len(stem) <= 80 else stem[:79] + "…"

    @property
    def explanation_html(self) -> str:
        return render_markdown(self.explanation)

    def publish_problems(self, *, facts=None, choices=None) -> list[str]:
        """Why this question may not be published (empty when it may).

        ``facts`` and ``choices`` let a form check values that are not saved yet;
        ``choices`` is a list of (text, is_correct) pairs.
        """
        problems = []
        if not normalise(self.explanation):
            problems.append(str(_("it has no explanation")))
        if facts is None:
            facts = list(self.facts.all()) if self.pk else []
        if not facts:
            problems.append(str(_("it cites no fact")))
        if choices is None:
            choices = [(c.text, c.is_correct) for c in self.choices.all()] if self.pk else []
        if len(choices) < 2:
            problems.append(str(_("it has fewer than two options")))
        correct = sum(1 for _text, is_correct in choices if is_correct)
        if correct != 1:
            problems.append(str(_("it needs exactly one correct option")))
        return problems


class Choice(models.Model):
    MIN_PER_QUESTION = 2
    MAX_PER_QUESTION = 6

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question")
    )
    text = models.CharField(_("text"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("option")
        verbose_name_plural = _("options")
        constraints = [
            models.UniqueConstraint(
                fields=["question"],
                condition=Q(is_correct=True),
                name="choice_one_correct_per_question",
                violation_error_message=_("A question can have only one correct option."),
            )
        ]

    def __str__(self) -> str:
        return self.text


def validate_negative_mark(value: str) -> None:
    try:
        fraction = Fraction(value.strip())
    except (ValueError, ZeroDivisionError):
        raise ValidationError(
            _("Write the mark as a fraction or a decimal, e.g. 0, 1/3, 1/4 or 0.25."),
            code="invalid_negative_mark",
        ) from None
    if not 0 <= fraction <= 1:
        raise ValidationError(
            _("The negative mark must be between 0 and 1."), code="negative_mark_range"
        )


class QuizQuerySet(models.QuerySet):
    def published(self) -> QuizQuerySet:
        return self.filter(is_published=True)


class Quiz(models.Model):
    class Feedback(models.TextChoices):
        EACH = "each", _("After each question")
        END = "end", _("At the end")

    MIN_SECONDS = 5
    MAX_SECONDS = 600

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    seconds_per_question = models.PositiveSmallIntegerField(
        _("seconds per question"),
        default=19,
        validators=[MinValueValidator(MIN_SECONDS), MaxValueValidator(MAX_SECONDS)],
    )
    negative_mark = models.CharField(
        _("negative mark per wrong answer"),
        max_length=12,
        default="0",
        validators=[validate_negative_mark],
        help_text=_("Exact fraction of a mark taken for a wrong answer: 0, 1/3 (UPSC), 1/4 …"),
    )
    feedback_mode = models.CharField(
        _("feedback"), max_length=8, choices=Feedback.choices, default=Feedback.EACH
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_options = models.BooleanField(_("shuffle options"), default=False)
    is_published = models.BooleanField(_("published"), default=False)
    questions = models.ManyToManyField(
        Question, through="QuizQuestion", related_name="quizzes", verbose_name=_("questions")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = QuizQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        constraints = [
            models.CheckConstraint(
                condition=Q(seconds_per_question__gte=5, seconds_per_question__lte=600),
                name="quiz_seconds_per_question_5_to_600",
                violation_error_message=_("Seconds per question must be between 5 and 600."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("quiz_detail", kwargs={"slug": self.slug})

    @property
    def penalty(self) -> Fraction:
        """The exact mark a wrong answer costs."""
        return Fraction(self.negative_mark.strip() or "0")

    @property
    def penalty_display(self) -> str:
        return str(self.penalty)

    def publish_problems(self, *, question_statuses: list[str] | None = None) -> list[str]:
        if question_statuses is None:
            question_statuses = list(self.questions.values_list("status", flat=True))
        if Question.Status.PUBLISHED not in question_statuses:
            return [str(_("it has no published question"))]
        return []

    def clean(self) -> None:
        super().clean()
        # A form that is saving the quiz's questions too sets ``pending_question_statuses``,
        # so the questions about to be saved count rather than the ones saved before.
        statuses = getattr(self, "pending_question_statuses", None)
        if statuses is None and not self.pk:
            return
        if self.is_published and self.publish_problems(question_statuses=statuses):
            raise ValidationError(
                {"is_published": _("A quiz cannot be published without published questions.")},
                code="quiz_without_published_questions",
            )


class QuizQuestion(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="quiz_questions")
    question = models.ForeignKey(
        Question,
        on_delete=models.CASCADE,
        related_name="quiz_questions",
        verbose_name=_("question"),
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("quiz question")
        verbose_name_plural = _("quiz questions")
        constraints = [
            models.UniqueConstraint(fields=["quiz", "question"], name="quizquestion_unique")
        ]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.order}: {self.question}"
