"""Score reports and item analysis, aggregated in the database from the attempt snapshots.

What a teacher sees: a row per (student, class, attempt) for every finished attempt by a
member of one of their classes at a quiz assigned to that class. A superuser sees every
class. Attempts at quizzes the class was not given stay private to the aspirant.

Item analysis counts one attempt per student: their **first finished attempt** of the
quiz that started in the date range (a retake has seen the questions before, so it
would flatter the facility index and blur the discrimination index).

Everything is read from the snapshots an attempt keeps (``AttemptItem``, ``Answer``,
``ItemFact``), so editing or deleting a question later does not change a report.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction

from django.db.models import (
    Avg,
    Case,
    CharField,
    Count,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber
from django.utils import timezone

from questions.models import Quiz
from quizapp.attempts.models import Answer, Attempt, AttemptItem, ItemFact

from .models import Assignment, Classroom, Membership

# (sort key in the URL, field) for the score report; anything else falls back to DEFAULT_SORT.
SORTS = {
    "student": "user__username",
    "class": "classroom_name",
    "quiz": "quiz_title",
    "started": "started_at",
    "finished": "finished_at",
    "score": "score",
    "percent": "percent",
    "correct": "correct",
    "wrong": "wrong",
    "skipped": "skipped",
    "timed_out": "timed_out",
    "time": "time_taken",
}
DEFAULT_SORT = "-started"
ROW_FIELDS = (
    "pk",
    "user__username",
    "user__email",
    "classroom_name",
    "quiz_title",
    "started_at",
    "finished_at",
    "score",
    "max_score",
    "percent",
    "correct",
    "wrong",
    "skipped",
    "timed_out",
    "time_taken",
)
ONLY_BEST = "best"
ONLY_FIRST = "first"
HISTOGRAM_BINS = 10
# Upper and lower groups for the discrimination index: the classic 27%.
GROUP_SHARE = Fraction(27, 100)


@dataclass(frozen=True)
class Scope:
    """What a report covers: the teacher, and the filters they chose (already validated)."""

    user: object
    classroom: Classroom | None = None
    quiz: Quiz | None = None
    start: date | None = None
    end: date | None = None
    only: str = ""

    def classrooms(self) -> QuerySet[Classroom]:
        classes = Classroom.objects.for_teacher(self.user)
        if self.classroom is not None:
            classes = classes.filter(pk=self.classroom.pk)
        return classes

    def started_range(self) -> dict:
        """Filter kwargs for ``started_at`` in the chosen local dates, both ends inclusive."""
        bounds = {}
        if self.start:
            bounds["started_at__gte"] = _local_midnight(self.start)
        if self.end:
            bounds["started_at__lt"] = _local_midnight(self.end + timedelta(days=1))
        return bounds


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def teacher_quizzes(user) -> QuerySet[Quiz]:
    """Quizzes the user may report on: those assigned to a class they teach."""
    classes = Classroom.objects.for_teacher(user)
    return Quiz.objects.filter(assignments__classroom__in=classes).distinct().order_by("title")


def assigned_quizzes(user) -> dict[int, dict]:
    """{quiz id: {"due_on", "classes"}} for the aspirant's classes; earliest due date wins."""
    if not user.is_authenticated:
        return {}
    assigned: dict[int, dict] = {}
    rows = Assignment.objects.filter(classroom__memberships__student=user).values_list(
        "quiz_id", "due_on", "classroom__name"
    )
    for quiz_id, due_on, class_name in rows:
        entry = assigned.setdefault(quiz_id, {"due_on": None, "classes": []})
        entry["classes"].append(class_name)
        if due_on and (entry["due_on"] is None or due_on < entry["due_on"]):
            entry["due_on"] = due_on
    return assigned


# --- the score report --------------------------------------------------------------------


def report_attempts(scope: Scope) -> QuerySet[Attempt]:
    """Finished attempts in the scope, one row per class the student shares with the quiz."""
    # One filter() call, so membership, class and assignment are one join chain: the
    # attempt's quiz must be assigned to the very class the row is reported under.
    rows = (
        Attempt.objects.finished()
        .filter(
            user__class_memberships__classroom__in=scope.classrooms(),
            user__class_memberships__classroom__assignments__quiz=F("quiz"),
            **scope.started_range(),
        )
        .annotate(
            classroom_id=F("user__class_memberships__classroom"),
            classroom_name=F("user__class_memberships__classroom__name"),
        )
    )
    if scope.quiz is not None:
        rows = rows.filter(quiz=scope.quiz)
    if scope.only in (ONLY_BEST, ONLY_FIRST):
        peers = Attempt.objects.finished().filter(
            user=OuterRef("user"), quiz=OuterRef("quiz"), **scope.started_range()
        )
        if scope.only == ONLY_BEST:
            peers = peers.order_by("-percent", "finished_at", "pk")
        else:
            peers = peers.order_by("started_at", "pk")
        rows = rows.filter(pk=Subquery(peers.values("pk")[:1]))
    return rows


def sorted_rows(rows: QuerySet[Attempt], sort: str) -> QuerySet:
    """The report's rows as dicts, ordered by a whitelisted column then a stable tiebreak."""
    key = sort.removeprefix("-")
    field_name = SORTS.get(key, SORTS[DEFAULT_SORT.removeprefix("-")])
    descending = sort.startswith("-") if key in SORTS else DEFAULT_SORT.startswith("-")
    order = F(field_name).desc(nulls_last=True) if descending else F(field_name).asc()
    return rows.order_by(order, "user__username", "classroom_name", "started_at", "pk").values(
        *ROW_FIELDS
    )


@dataclass
class Summary:
    count: int
    mean: Decimal | None
    median: Decimal | None
    highest: Decimal | None
    lowest: Decimal | None
    bins: list[int] = field(default_factory=list)
    below_zero: int = 0


def summarise(rows: QuerySet[Attempt]) -> Summary:
    """Count, mean, median, highest, lowest and a histogram of percentages, in two queries."""
    width = Decimal(100) / HISTOGRAM_BINS
    bins = {}
    for index in range(HISTOGRAM_BINS):
        low = width * index
        condition = Q(percent__gte=low)
        # The top bin is closed so that 100% lands in it.
        if index < HISTOGRAM_BINS - 1:
            condition &= Q(percent__lt=low + width)
        bins[f"bin{index}"] = Count("pk", filter=condition)
    stats = rows.aggregate(
        count=Count("pk"),
        mean=Avg("percent"),
        highest=Max("percent"),
        lowest=Min("percent"),
        below_zero=Count("pk", filter=Q(percent__lt=0)),
        **bins,
    )
    percents = list(rows.order_by("percent").values_list("percent", flat=True))
    median = statistics.median(percents) if percents else None
    mean = stats["mean"]
    return Summary(
        count=stats["count"],
        mean=Decimal(mean).quantize(Decimal("0.01")) if mean is not None else None,
        median=Decimal(median).quantize(Decimal("0.01")) if median is not None else None,
        highest=stats["highest"],
        lowest=stats["lowest"],
        bins=[stats[f"bin{i}"] for i in range(HISTOGRAM_BINS)],
        below_zero=stats["below_zero"],
    )


CHART_WIDTH, CHART_HEIGHT = 640, 250
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 44, 24, 28, 36


def histogram_chart(summary: Summary) -> dict | None:
    """Bars for the SVG histogram (coordinates only: the template draws, CSS colours)."""
    if not summary.count:
        return None
    counts = ([summary.below_zero] if summary.below_zero else []) + summary.bins
    labels = (["<0"] if summary.below_zero else []) + [
        f"{i * 10}–{i * 10 + 9 if i < HISTOGRAM_BINS - 1 else 100}" for i in range(HISTOGRAM_BINS)
    ]
    # Gridlines at round counts, the top one at or above the tallest bar.
    step = max(1, math.ceil(max(counts) / 4))
    top = step * max(1, math.ceil(max(counts) / step))
    inner_w = CHART_WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = CHART_HEIGHT - PAD_TOP - PAD_BOTTOM
    slot = inner_w / len(counts)
    bars = []
    for index, (count, label) in enumerate(zip(counts, labels, strict=True)):
        height = inner_h * count / top
        x = PAD_LEFT + slot * index
        bars.append(
            {
                "x": round(x + slot * 0.1, 1),
                "width": round(slot * 0.8, 1),
                "y": round(PAD_TOP + inner_h - height, 1),
                "height": round(height, 1),
                "count": count,
                "label": label,
                "label_x": round(x + slot / 2, 1),
                "count_y": round(PAD_TOP + inner_h - height - 4, 1),
            }
        )
    ticks = range(0, top + 1, step)
    # The percentage axis is labelled at the bands' edges (0, 10, … 100), short enough to
    # stay legible on a phone; a band below zero (negative marking) is labelled under it.
    offset = 1 if summary.below_zero else 0
    edges = [
        {"x": round(PAD_LEFT + slot * (offset + index), 1), "label": str(index * 10)}
        for index in range(HISTOGRAM_BINS + 1)
    ]
    if summary.below_zero:
        edges.insert(0, {"x": bars[0]["label_x"], "label": "<0"})
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": PAD_LEFT,
        "right": CHART_WIDTH - PAD_RIGHT,
        "bottom": PAD_TOP + inner_h,
        "label_y": CHART_HEIGHT - PAD_BOTTOM + 20,
        "bars": bars,
        "edges": edges,
        "ticks": [
            {"value": value, "y": round(PAD_TOP + inner_h - inner_h * value / top, 1)}
            for value in ticks
        ],
    }


# --- item analysis -------------------------------------------------------------------------


def counted_attempts(scope: Scope) -> QuerySet[Attempt]:
    """Each student's first finished attempt of the quiz that started in the date range."""
    classes = scope.classrooms().filter(assignments__quiz=scope.quiz)
    students = Membership.objects.filter(classroom__in=classes).values("student")
    first = (
        Attempt.objects.finished()
        .filter(user=OuterRef("user"), quiz=scope.quiz, **scope.started_range())
        .order_by("started_at", "pk")
        .values("pk")[:1]
    )
    return (
        Attempt.objects.finished()
        .filter(quiz=scope.quiz, user__in=students, **scope.started_range())
        .filter(pk=Subquery(first))
    )


def group_size(count: int) -> int:
    """27% of the attempts, rounded half up, and at least one."""
    return max(1, int(GROUP_SHARE * count + Fraction(1, 2)))


@dataclass
class OptionStats:
    text: str
    count: int
    share: float
    is_correct: bool


@dataclass
class ItemStats:
    number: int
    question_id: int | None
    stem: str
    total: int
    correct: int
    wrong: int
    skipped: int
    timed_out: int
    facility: float
    discrimination: float
    median_time: float | None
    options: list[OptionStats]
    top_distractor: OptionStats | None

    @property
    def skip_rate(self) -> float:
        return self.skipped / self.total if self.total else 0.0

    @property
    def timeout_rate(self) -> float:
        return self.timed_out / self.total if self.total else 0.0

    @property
    def flagged(self) -> bool:
        """Stronger students got it wrong more often than weaker ones: ask the author to look."""
        return self.discrimination < 0


@dataclass
class ItemAnalysis:
    attempts: int
    group_size: int
    items: list[ItemStats]
    topics: list[dict]
    facts: list[dict]

    @property
    def flagged(self) -> list[ItemStats]:
        return [item for item in self.items if item.flagged]


def _question_key():
    """Group answers by question; a deleted question's snapshots group by their stem."""
    return {
        "qid": F("item__question_id"),
        "orphan_stem": Case(
            When(item__question_id__isnull=True, then=F("item__stem")),
            default=Value(""),
            output_field=CharField(),
        ),
    }


def item_analysis(scope: Scope) -> ItemAnalysis:
    """Facility, discrimination, option choices, median time, skips and timeouts per question."""
    counted = counted_attempts(scope)
    total = counted.count()
    if not total:
        return ItemAnalysis(attempts=0, group_size=0, items=[], topics=[], facts=[])
    n = group_size(total)
    # Rank by total score; ties go to the quicker, then the earlier attempt.
    upper = counted.order_by("-score", "time_taken", "started_at", "pk").values("pk")[:n]
    lower = counted.order_by("score", "-time_taken", "-started_at", "-pk").values("pk")[:n]

    answers = Answer.objects.filter(attempt__in=counted)
    key = _question_key()
    per_question = (
        answers.values(**key)
        .annotate(
            position=Min("position"),
            sample_item=Max("item_id"),
            total=Count("id"),
            correct=Count("id", filter=Q(outcome=Answer.Outcome.CORRECT)),
            wrong=Count("id", filter=Q(outcome=Answer.Outcome.WRONG)),
            skipped=Count("id", filter=Q(outcome=Answer.Outcome.SKIPPED)),
            timed_out=Count("id", filter=Q(outcome=Answer.Outcome.TIMED_OUT)),
            upper_correct=Count(
                "id", filter=Q(outcome=Answer.Outcome.CORRECT, attempt_id__in=upper)
            ),
            lower_correct=Count(
                "id", filter=Q(outcome=Answer.Outcome.CORRECT, attempt_id__in=lower)
            ),
        )
        .order_by("position", "qid")
    )
    chosen: dict[tuple, dict[int, int]] = {}
    for row in (
        answers.filter(choice_id__isnull=False)
        .values(**key, choice=F("choice_id"))
        .annotate(n=Count("id"))
        .order_by()
    ):
        chosen.setdefault((row["qid"], row["orphan_stem"]), {})[row["choice"]] = row["n"]
    medians = _median_times(answers)
    rows = list(per_question)
    samples = AttemptItem.objects.only("stem", "options", "correct_choice_id").in_bulk(
        [row["sample_item"] for row in rows]
    )
    items = []
    for number, row in enumerate(rows, start=1):
        group = (row["qid"], row["orphan_stem"])
        sample = samples[row["sample_item"]]
        counts = chosen.get(group, {})
        options = [
            OptionStats(
                text=option["text"],
                count=counts.get(option["id"], 0),
                share=counts.get(option["id"], 0) / row["total"],
                is_correct=option["id"] == sample.correct_choice_id,
            )
            for option in sample.options
        ]
        distractors = [o for o in options if not o.is_correct and o.count]
        items.append(
            ItemStats(
                number=number,
                question_id=row["qid"],
                stem=sample.stem,
                total=row["total"],
                correct=row["correct"],
                wrong=row["wrong"],
                skipped=row["skipped"],
                timed_out=row["timed_out"],
                facility=row["correct"] / row["total"],
                discrimination=(row["upper_correct"] - row["lower_correct"]) / n,
                median_time=medians.get(group),
                options=options,
                top_distractor=max(distractors, key=lambda o: o.count) if distractors else None,
            )
        )
    return ItemAnalysis(
        attempts=total,
        group_size=n,
        items=items,
        topics=topic_accuracy(answers),
        facts=fact_accuracy(counted),
    )


def _median_times(answers: QuerySet[Answer]) -> dict[tuple, float]:
    """Median time per question: the database keeps only the one or two middle answers."""
    key = _question_key()
    partition = list(key.values())
    middle = (
        answers.annotate(
            **key,
            rank=Window(RowNumber(), partition_by=partition, order_by=F("time_taken").asc()),
            size=Window(Count("id"), partition_by=partition),
        )
        # rank in [size/2, size/2 + 1] is the middle answer, or the middle two.
        .filter(rank__gte=F("size") / 2.0, rank__lte=F("size") / 2.0 + 1)
        .values_list("qid", "orphan_stem", "time_taken")
    )
    found: dict[tuple, list[float]] = {}
    for qid, orphan_stem, taken in middle:
        found.setdefault((qid, orphan_stem), []).append(taken)
    return {group: sum(times) / len(times) for group, times in found.items()}


def _accuracy(rows, key: str) -> list[dict]:
    result = [
        {
            **row,
            "name": row[key],
            "percent": round(100 * row["correct"] / row["total"]) if row["total"] else 0,
        }
        for row in rows
    ]
    result.sort(key=lambda r: (r["percent"], -r["total"], r["name"]))
    return result


def topic_accuracy(answers: QuerySet[Answer]) -> list[dict]:
    """The class's accuracy per topic, weakest first."""
    rows = (
        answers.values(topic=F("item__topic_name"))
        .annotate(total=Count("id"), correct=Count("id", filter=Q(outcome="correct")))
        .order_by()
    )
    return _accuracy(rows, "topic")


def fact_accuracy(counted: QuerySet[Attempt]) -> list[dict]:
    """The class's accuracy per fact label, weakest first, with the source to revise from."""
    rows = (
        ItemFact.objects.filter(item__attempt__in=counted)
        .values("label")
        .annotate(
            total=Count("id"),
            correct=Count("id", filter=Q(item__answer__outcome="correct")),
            fact_id=Max("fact_id"),
            source_slug=Max("fact__source__slug"),
        )
        .order_by()
    )
    return _accuracy(rows, "label")
