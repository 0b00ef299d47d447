"""Extra time granted by teachers, plugged into attempts through QUIZ_TIME_MULTIPLIER_FUNCTION."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Max

from .models import Accommodation


def time_multiplier(*, user, quiz) -> Decimal:
    """The largest multiplier any of the aspirant's teachers granted, in every quiz; 1 if none."""
    if not getattr(user, "is_authenticated", False):
        return Decimal(1)
    largest = Accommodation.objects.filter(student=user).aggregate(m=Max("multiplier"))["m"]
    return max(Decimal(1), largest or Decimal(1))
