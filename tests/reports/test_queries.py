"""Report numbers against the hand-computed class in conftest.py."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from quizapp.reports import queries
from quizapp.reports.queries import Scope
from tests.factories import QuizFactory, UserFactory
from tests.reports.conftest import T0
from tests.reports.factories import (
    AssignmentFactory,
    ClassroomFactory,
    MembershipFactory,
    take,
)


def scope(cohort, **kwargs) -> Scope:
    return Scope(user=cohort.teacher, **kwargs)


def usernames(rows) -> list[str]:
    return sorted(rows.values_list("user__username", flat=True))


def test_report_has_the_members_finished_attempts_at_assigned_quizzes_only(cohort):
    rows = queries.report_attempts(scope(cohort))
    # Ten first attempts and s9's retake; not the outsider, the private quiz or the
    # unfinished attempt.
    assert usernames(rows) == sorted([f"s{i}" for i in range(10)] + ["s9"])
    assert set(rows.values_list("classroom_name", flat=True)) == {"Prelims A"}


def test_summary_of_every_attempt_matches_the_hand_computed_numbers(cohort):
    summary = queries.summarise(queries.report_attempts(scope(cohort)))
    assert summary.count == 11
    assert summary.mean == Decimal("52.73")  # 580 / 11
    assert summary.median == Decimal("60.00")
    assert summary.highest == Decimal("100")
    assert summary.lowest == Decimal("0")
    assert summary.bins == [1, 0, 2, 0, 2, 0, 2, 0, 3, 1]
    assert summary.below_zero == 0


def test_first_attempt_only_counts_each_students_first(cohort):
    rows = queries.report_attempts(scope(cohort, only="first"))
    summary = queries.summarise(rows)
    assert summary.count == 10
    assert summary.mean == Decimal("48.00")
    assert summary.median == Decimal("50.00")
    assert cohort.retake.pk not in set(rows.values_list("pk", flat=True))


def test_best_attempt_only_keeps_the_retake_that_beat_the_first(cohort):
    rows = queries.report_attempts(scope(cohort, only="best"))
    summary = queries.summarise(rows)
    assert summary.count == 10
    assert summary.mean == Decimal("58.00")
    assert summary.median == Decimal("60.00")
    assert cohort.retake.pk in set(rows.values_list("pk", flat=True))


def test_date_range_is_in_local_dates_and_inclusive(cohort):
    next_day = (T0 + timedelta(days=1)).date()
    rows = queries.report_attempts(scope(cohort, start=next_day, end=next_day))
    assert list(rows.values_list("pk", flat=True)) == [cohort.retake.pk]
    rows = queries.report_attempts(scope(cohort, end=T0.date()))
    assert rows.count() == 10


def test_best_and_first_respect_the_date_range(cohort):
    next_day = (T0 + timedelta(days=1)).date()
    rows = queries.report_attempts(scope(cohort, start=next_day, only="first"))
    assert list(rows.values_list("pk", flat=True)) == [cohort.retake.pk]


def test_a_teacher_sees_only_their_own_classes_and_a_superuser_sees_all(cohort):
    other = Scope(user=cohort.other_class.teacher)
    assert usernames(queries.report_attempts(other)) == ["outsider"]
    admin = UserFactory(is_superuser=True)
    assert queries.report_attempts(Scope(user=admin)).count() == 12


def test_a_student_in_two_classes_is_reported_once_per_class(cohort):
    second = ClassroomFactory(name="Mains B", teacher=cohort.teacher)
    AssignmentFactory(classroom=second, quiz=cohort.quiz)
    MembershipFactory(classroom=second, student=cohort.students[0])
    rows = queries.report_attempts(scope(cohort)).filter(user=cohort.students[0])
    assert sorted(rows.values_list("classroom_name", flat=True)) == ["Mains B", "Prelims A"]
    only_b = queries.report_attempts(scope(cohort, classroom=second))
    assert usernames(only_b) == ["s0"]


def test_leaving_or_unassigning_hides_the_attempts(cohort):
    cohort.classroom.memberships.filter(student=cohort.students[0]).delete()
    assert "s0" not in usernames(queries.report_attempts(scope(cohort)))
    cohort.classroom.assignments.all().delete()
    assert not queries.report_attempts(scope(cohort)).exists()


@pytest.mark.parametrize(
    ("sort", "first"),
    [
        ("percent", "s9"),
        ("-percent", "s9"),  # the 100% retake
        ("student", "s0"),
        ("-student", "s9"),
        ("time", "s0"),
        ("nonsense", "s9"),  # falls back to the newest first: the retake
    ],
)
def test_rows_sort_by_whitelisted_columns(cohort, sort, first):
    rows = list(queries.sorted_rows(queries.report_attempts(scope(cohort)), sort))
    assert rows[0]["user__username"] == first
    assert set(rows[0]) == set(queries.ROW_FIELDS)


def test_histogram_bars_scale_to_the_tallest(cohort):
    summary = queries.summarise(queries.report_attempts(scope(cohort)))
    chart = queries.histogram_chart(summary)
    assert [bar["count"] for bar in chart["bars"]] == summary.bins
    tallest = max(chart["bars"], key=lambda bar: bar["count"])
    assert tallest["y"] == queries.PAD_TOP
    assert chart["bars"][0]["label"] == "0–9" and chart["bars"][-1]["label"] == "90–100"
    assert queries.histogram_chart(queries.Summary(0, None, None, None, None)) is None


def test_histogram_adds_a_band_below_zero_for_negative_marking():
    summary = queries.Summary(3, None, None, None, None, bins=[1] + [0] * 9, below_zero=2)
    chart = queries.histogram_chart(summary)
    assert chart["bars"][0]["label"] == "<0" and chart["bars"][0]["count"] == 2
    assert len(chart["bars"]) == 11


@pytest.mark.parametrize(
    ("count", "size"), [(1, 1), (2, 1), (4, 1), (6, 2), (10, 3), (50, 14), (100, 27)]
)
def test_group_size_is_27_percent_rounded_half_up(count, size):
    assert queries.group_size(count) == size


def test_item_analysis_matches_the_hand_computed_indices(cohort):
    analysis = queries.item_analysis(scope(cohort, quiz=cohort.quiz))
    assert analysis.attempts == 10  # s9's retake does not count
    assert analysis.group_size == 3
    facility = [item.facility for item in analysis.items]
    discrimination = [item.discrimination for item in analysis.items]
    assert facility == [0.7, 0.4, 0.3, 0.3, 0.7]
    assert discrimination == [1.0, 1.0, 2 / 3, 1.0, -1 / 3]
    assert [item.flagged for item in analysis.items] == [False] * 4 + [True]
    assert analysis.flagged == [analysis.items[4]]


def test_item_analysis_counts_outcomes_options_and_times(cohort):
    q1, _q2, _q3, q4, q5 = queries.item_analysis(scope(cohort, quiz=cohort.quiz)).items
    assert (q4.correct, q4.wrong, q4.skipped, q4.timed_out, q4.total) == (3, 0, 3, 4, 10)
    assert (q4.skip_rate, q4.timeout_rate) == (0.3, 0.4)
    assert q4.top_distractor is None
    assert q1.median_time == 5.5  # 1..10 s
    assert q4.median_time == 7.0  # 1 2 3 4 6 8 19 19 19 19
    assert (q1.top_distractor.text, q1.top_distractor.count) == ("2014", 2)
    assert (q5.top_distractor.text, q5.top_distractor.count) == ("2017", 2)
    assert {o.text: o.count for o in q5.options} == {"2011": 7, "2008": 1, "2014": 0, "2017": 2}
    assert [o.is_correct for o in q5.options] == [True, False, False, False]
    assert q1.stem.startswith("Question")


def test_item_analysis_by_fact_and_topic_is_weakest_first(cohort):
    analysis = queries.item_analysis(scope(cohort, quiz=cohort.quiz))
    assert [(f["name"], f["correct"], f["total"], f["percent"]) for f in analysis.facts] == [
        ("LUPEX", 13, 30, 43),
        ("CEPA 2011", 11, 20, 55),
    ]
    assert analysis.facts[0]["source_slug"]
    assert [(t["name"], t["percent"]) for t in analysis.topics] == [("Space", 43), ("Economy", 55)]


def test_item_analysis_reads_the_snapshots_not_the_edited_questions(cohort):
    question = cohort.quiz.questions.order_by("quiz_questions__order").first()
    before = queries.item_analysis(scope(cohort, quiz=cohort.quiz)).items[0]
    question.stem = "Rewritten after the class took it"
    question.save()
    question.choices.filter(is_correct=False).update(text="changed")
    after = queries.item_analysis(scope(cohort, quiz=cohort.quiz)).items[0]
    assert after.stem == before.stem != question.stem
    assert [o.text for o in after.options] == [o.text for o in before.options]
    assert after.facility == before.facility


def test_item_analysis_first_attempt_is_the_first_in_the_date_range(cohort):
    next_day = (T0 + timedelta(days=1)).date()
    analysis = queries.item_analysis(scope(cohort, quiz=cohort.quiz, start=next_day))
    assert analysis.attempts == 1  # s9's retake is their first attempt in that range
    assert [item.facility for item in analysis.items] == [1.0] * 5
    assert [item.discrimination for item in analysis.items] == [0.0] * 5


def test_item_analysis_of_nobody_is_empty(cohort):
    empty = queries.item_analysis(scope(cohort, quiz=cohort.quiz, start=date(2030, 1, 1)))
    assert (empty.attempts, empty.items, empty.facts) == (0, [], [])


def test_item_analysis_is_a_constant_number_of_queries(cohort, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        queries.item_analysis(scope(cohort, quiz=cohort.quiz))


def test_summary_takes_two_queries(cohort, django_assert_num_queries):
    rows = queries.report_attempts(scope(cohort))
    with django_assert_num_queries(2):
        queries.summarise(rows)


def test_teacher_quizzes_are_those_assigned_to_their_classes(cohort):
    assert list(queries.teacher_quizzes(cohort.teacher)) == [cohort.quiz]
    assert list(queries.teacher_quizzes(UserFactory())) == []


def test_assigned_quizzes_take_the_earliest_due_date(db):
    student = UserFactory()
    quiz = QuizFactory()
    for due in (date(2026, 6, 1), date(2026, 5, 20), None):
        classroom = ClassroomFactory()
        MembershipFactory(classroom=classroom, student=student)
        AssignmentFactory(classroom=classroom, quiz=quiz, due_on=due)
    assigned = queries.assigned_quizzes(student)
    assert assigned[quiz.pk]["due_on"] == date(2026, 5, 20)
    assert len(assigned[quiz.pk]["classes"]) == 3


def test_retake_with_negative_marking_lands_below_zero(db):
    classroom = ClassroomFactory()
    quiz = QuizFactory(questions=2, negative_mark="1/2", feedback_mode="end")
    AssignmentFactory(classroom=classroom, quiz=quiz)
    student = UserFactory()
    MembershipFactory(classroom=classroom, student=student)
    take(student, quiz, "2008 2014", start=T0)
    summary = queries.summarise(queries.report_attempts(Scope(user=classroom.teacher)))
    assert (summary.below_zero, summary.lowest) == (1, Decimal("-50"))
