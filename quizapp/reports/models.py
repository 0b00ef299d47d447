"""Classes: a teacher's group of aspirants, the quizzes assigned to it, and extra time granted.

An aspirant joins a class with its join code. What a teacher may see of an aspirant
follows from membership: their attempts at the quizzes assigned to that class.
"""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from questions.models import Quiz

# Unambiguous when read aloud or copied by hand: no 0/O, no 1/I.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 8
MIN_MULTIPLIER = 1
MAX_MULTIPLIER = 3


def new_join_code() -> str:
    """Eight characters from a 32-letter alphabet: 40 bits, hard to guess."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(raw: str) -> str:
    """What a person typed, as a code: upper case, without spaces or dashes."""
    return "".join(ch for ch in (raw or "").upper() if ch not in " -\t")


class ClassroomQuerySet(models.QuerySet):
    def for_teacher(self, user) -> ClassroomQuerySet:
        """Classes the user may manage and report on: their own; every class for a superuser."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(teacher=user)


class Classroom(models.Model):
    name = models.CharField(_("name"), max_length=100, help_text=_("For example “Prelims 2026 A”."))
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="classrooms_taught",
        verbose_name=_("teacher"),
    )
    code = models.CharField(
        _("join code"),
        max_length=CODE_LENGTH,
        unique=True,
        default=new_join_code,
        help_text=_(
            "Aspirants type this to join; regenerate it to stop new joins with the old one."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ClassroomQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("class")
        verbose_name_plural = _("classes")
        permissions = [("view_reports", _("Can see score reports and item analysis"))]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reports:classroom", kwargs={"classroom_id": self.pk})

    def regenerate_code(self) -> str:
        """Give the class a fresh code; the old one stops working at once."""
        for _attempt in range(5):
            code = new_join_code()
            try:
                with transaction.atomic():
                    type(self).objects.filter(pk=self.pk).update(code=code)
            except IntegrityError:  # pragma: no cover - 1 in 2**40
                continue
            self.code = code
            return code
        raise IntegrityError("could not find a free join code")  # pragma: no cover


class Membership(models.Model):
    classroom = models.ForeignKey(
        Classroom, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("class")
    )
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="class_memberships",
        verbose_name=_("student"),
    )
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        ordering = ["classroom", "student__username"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["classroom", "student"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.student} in {self.classroom}"


class Assignment(models.Model):
    classroom = models.ForeignKey(
        Classroom, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("class")
    )
    quiz = models.ForeignKey(
        Quiz, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("quiz")
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)

    class Meta:
        ordering = [models.F("due_on").asc(nulls_last=True), "quiz__title", "id"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["classroom", "quiz"], name="assignment_unique")
        ]

    def __str__(self) -> str:
        return f"{self.quiz} → {self.classroom}"


class Accommodation(models.Model):
    """Extra time for one aspirant: every question's clock is stretched by ``multiplier``."""

    classroom = models.ForeignKey(
        Classroom,
        on_delete=models.CASCADE,
        related_name="accommodations",
        verbose_name=_("class"),
    )
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="accommodations",
        verbose_name=_("student"),
    )
    multiplier = models.DecimalField(
        _("time multiplier"),
        max_digits=3,
        decimal_places=2,
        validators=[MinValueValidator(MIN_MULTIPLIER), MaxValueValidator(MAX_MULTIPLIER)],
        help_text=_("1.25 gives a quarter more time on every question, 1.5 half as much again."),
    )
    granted_at = models.DateTimeField(_("granted"), auto_now=True)

    class Meta:
        ordering = ["classroom", "student__username"]
        verbose_name = _("extra time")
        verbose_name_plural = _("extra time")
        constraints = [
            models.UniqueConstraint(fields=["classroom", "student"], name="accommodation_unique"),
            models.CheckConstraint(
                condition=Q(multiplier__gte=MIN_MULTIPLIER, multiplier__lte=MAX_MULTIPLIER),
                name="accommodation_multiplier_1_to_3",
                violation_error_message=_("The time multiplier must be between 1 and 3."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student} ×{Decimal(self.multiplier).normalize()} ({self.classroom})"
