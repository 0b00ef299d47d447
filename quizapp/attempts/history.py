"""An aspirant's record: best and last scores, accuracy per topic and fact, progress over time.

Everything is aggregated in the database; only the chart's points come to Python.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Max, OuterRef, Q, Subquery
from django.utils import formats, timezone

from .models import Answer, Attempt, ItemFact

CHART_WIDTH = 640
CHART_HEIGHT = 260
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 44, 16, 16, 36


def best_and_last_by_quiz(user) -> dict[int, dict]:
    """{quiz id: {"best", "last", "count"}} over the user's finished attempts."""
    if not user.is_authenticated:
        return {}
    finished = Attempt.objects.for_user(user).finished()
    last = finished.filter(quiz=OuterRef("quiz")).order_by("-finished_at").values("percent")[:1]
    rows = (
        finished.order_by()
        .values("quiz")
        .annotate(best=Max("percent"), count=Count("id"), last=Subquery(last))
    )
    return {row["quiz"]: row for row in rows}


def _accuracy(rows, key: str) -> list[dict]:
    result = []
    for row in rows:
        total = row["total"]
        result.append(
            {
                "name": row[key],
                "total": total,
                "correct": row["correct"],
                "percent": round(100 * row["correct"] / total) if total else 0,
            }
        )
    result.sort(key=lambda r: (r["percent"], -r["total"], r["name"]))
    return result


def topic_accuracy(user) -> list[dict]:
    rows = (
        Answer.objects.filter(attempt__user=user, attempt__state=Attempt.State.FINISHED)
        .values(topic=F("item__topic_name"))
        .annotate(total=Count("id"), correct=Count("id", filter=Q(outcome="correct")))
        .order_by()
    )
    return _accuracy(rows, "topic")


def fact_accuracy(user) -> list[dict]:
    rows = (
        ItemFact.objects.filter(
            item__attempt__user=user, item__attempt__state=Attempt.State.FINISHED
        )
        .values("label")
        .annotate(total=Count("id"), correct=Count("id", filter=Q(item__answer__outcome="correct")))
        .order_by()
    )
    return _accuracy(rows, "label")


@dataclass
class ChartPoint:
    x: float
    y: float
    percent: float
    label: str
    quiz: str


def percent_chart(attempts: list[Attempt]) -> dict | None:
    """Percentage over time as SVG coordinates, oldest first; None without attempts."""
    if not attempts:
        return None
    low = min(0.0, min(float(a.percent) for a in attempts))
    high = 100.0
    inner_w = CHART_WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = CHART_HEIGHT - PAD_TOP - PAD_BOTTOM
    step = inner_w / (len(attempts) - 1) if len(attempts) > 1 else 0
    points = []
    for index, attempt in enumerate(attempts):
        percent = float(attempt.percent)
        x = PAD_LEFT + (step * index if len(attempts) > 1 else inner_w / 2)
        y = PAD_TOP + (high - percent) / (high - low) * inner_h
        when = timezone.localtime(attempt.finished_at)
        points.append(
            ChartPoint(
                x=round(x, 1),
                y=round(y, 1),
                percent=percent,
                label=formats.date_format(when, "SHORT_DATE_FORMAT"),
                quiz=attempt.quiz_title,
            )
        )
    ticks = []
    for value in (low, 25.0, 50.0, 75.0, 100.0) if low < 0 else (0.0, 25.0, 50.0, 75.0, 100.0):
        y = PAD_TOP + (high - value) / (high - low) * inner_h
        ticks.append({"value": int(value), "y": round(y, 1)})
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": PAD_LEFT,
        "right": CHART_WIDTH - PAD_RIGHT,
        "bottom": CHART_HEIGHT - PAD_BOTTOM,
        "label_y": CHART_HEIGHT - 12,
        "points": points,
        "polyline": " ".join(f"{p.x},{p.y}" for p in points),
        "ticks": ticks,
        "first": points[0],
        "last": points[-1],
    }


def history_context(user) -> dict:
    attempts = list(
        Attempt.objects.for_user(user).select_related("quiz").order_by("-started_at")[:200]
    )
    finished = [a for a in attempts if a.is_finished]
    best = (
        Attempt.objects.for_user(user)
        .finished()
        .order_by()
        .values("quiz__title", "quiz__slug")
        .annotate(best=Max("percent"), count=Count("id"))
        .order_by("quiz__title")
    )
    return {
        "attempts": attempts,
        "best": list(best),
        "topics": topic_accuracy(user),
        "facts": fact_accuracy(user),
        "chart": percent_chart(sorted(finished, key=lambda a: a.finished_at)[-30:]),
    }
