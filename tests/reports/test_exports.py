"""CSV and Excel exports, read back with csv and openpyxl and checked cell by cell."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from quizapp.reports import exports
from tests.factories import QuizFactory, UserFactory
from tests.reports.conftest import T0
from tests.reports.factories import AssignmentFactory, ClassroomFactory, MembershipFactory, take

HEADER = [
    "student",
    "email",
    "class",
    "quiz",
    "started_at",
    "finished_at",
    "score",
    "max_score",
    "percent",
    "correct",
    "wrong",
    "skipped",
    "timed_out",
    "time_taken_s",
]


@pytest.fixture
def teacher_client(client, cohort):
    client.force_login(cohort.teacher)
    return client


def download(response) -> bytes:
    """The body; reading it to the end closes the response, as a WSGI server would."""
    return b"".join(response.streaming_content)


def read_csv(response) -> list[list[str]]:
    body = download(response)
    assert body.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_csv_has_a_bom_the_columns_in_order_and_one_row_per_attempt(teacher_client, cohort):
    response = teacher_client.get(reverse("reports:export_csv"), {"sort": "student"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.streaming
    rows = read_csv(response)
    assert rows[0] == HEADER
    assert len(rows) == 12  # header + 11 attempts
    first = rows[1]
    assert first == [
        "s0",
        "s0@example.com",
        "Prelims A",
        "India–Japan",
        "2026-05-04T10:00:00+05:30",
        # s0 took 1 s per question: five questions, finished 5 s after starting.
        "2026-05-04T10:00:05+05:30",
        "4",
        "5",
        "80",
        "4",
        "1",
        "0",
        "0",
        "5.0",
    ]
    s9 = [row for row in rows if row[0] == "s9"]
    assert [row[8] for row in s9] == ["0", "100"]
    # s9's first attempt: one skip, one timeout (19 s) and four steps of 10 s.
    assert s9[0][11:] == ["1", "1", "59.0"]


def test_csv_times_parse_back_as_aware_iso_8601(teacher_client, cohort):
    rows = read_csv(teacher_client.get(reverse("reports:export_csv")))
    for row in rows[1:]:
        started = datetime.fromisoformat(row[4])
        assert started.utcoffset() == timedelta(hours=5, minutes=30)
        assert datetime.fromisoformat(row[5]) >= started


def test_csv_follows_the_filters(teacher_client, cohort):
    response = teacher_client.get(
        reverse("reports:export_csv"), {"only": "first", "quiz": cohort.quiz.pk}
    )
    rows = read_csv(response)
    assert len(rows) == 11
    assert "100" not in [row[8] for row in rows[1:]]


def test_csv_neutralises_formula_cells(client, db):
    teacher = ClassroomFactory(name='=HYPERLINK("http://evil")').teacher
    classroom = teacher.classrooms_taught.get()
    quiz = QuizFactory(title="+SUM(A1)", questions=1, feedback_mode="end")
    AssignmentFactory(classroom=classroom, quiz=quiz)
    student = UserFactory(username="@evil", email="-x@example.com")
    MembershipFactory(classroom=classroom, student=student)
    take(student, quiz, "2008", start=T0)
    client.force_login(teacher)
    row = read_csv(client.get(reverse("reports:export_csv")))[1]
    assert row[:4] == ["'@evil", "'-x@example.com", '\'=HYPERLINK("http://evil")', "'+SUM(A1)"]


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("plain", "plain"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_neutralise(text, safe):
    assert exports.neutralise(text) == safe


def test_numbers_are_written_without_trailing_zeros():
    from decimal import Decimal

    assert exports.number(Decimal("2.0000")) == "2"
    assert exports.number(Decimal("0.6667")) == "0.6667"
    assert exports.number(Decimal("-0.3333")) == "-0.3333"
    assert exports.number(Decimal("0E-4")) == "0"
    assert exports.number(None) == ""


def test_file_names_say_class_quiz_and_dates(teacher_client, cohort):
    response = teacher_client.get(
        reverse("reports:export_csv"),
        {
            "classroom": cohort.classroom.pk,
            "quiz": cohort.quiz.pk,
            "start": "2026-05-01",
            "end": "2026-05-31",
        },
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="scores_prelims-a_india-japan_2026-05-01-to-2026-05-31.csv"'
    )
    response = teacher_client.get(reverse("reports:export_xlsx"))
    download(response)
    assert response["Content-Disposition"] == (
        'attachment; filename="scores_all-classes_all-quizzes_all-dates.xlsx"'
    )


def test_file_name_for_open_ranges():
    assert exports.filename(
        classroom=None, quiz=None, start=date(2026, 5, 1), end=None, extension="csv"
    ).endswith("from-2026-05-01.csv")
    assert exports.filename(
        classroom=None, quiz=None, start=None, end=date(2026, 5, 1), extension="csv"
    ).endswith("until-2026-05-01.csv")


def test_xlsx_has_the_scores_and_the_item_analysis(teacher_client, cohort):
    response = teacher_client.get(
        reverse("reports:export_xlsx"), {"sort": "student", "quiz": cohort.quiz.pk}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    book = openpyxl.load_workbook(io.BytesIO(download(response)))
    assert book.sheetnames == ["Scores", "Item analysis"]
    scores = book["Scores"]
    assert [cell.value for cell in scores[1]] == HEADER
    assert scores.max_row == 12
    row = [cell.value for cell in scores[2]]
    local_start = timezone.localtime(T0).replace(tzinfo=None)
    assert row == [
        "s0",
        "s0@example.com",
        "Prelims A",
        "India–Japan",
        local_start,
        local_start + timedelta(seconds=5),
        4,
        5,
        80,
        4,
        1,
        0,
        0,
        5,
    ]
    items = book["Item analysis"]
    assert items["A1"].value == "India–Japan"
    assert "10 attempts" in items["A2"].value
    assert [c.value for c in items[3]][:6] == [
        "No.",
        "Question",
        "Answers",
        "Correct",
        "Facility",
        "Discrimination",
    ]
    question_rows = [[c.value for c in items[n]] for n in range(4, 9)]
    assert [r[4] for r in question_rows] == [0.7, 0.4, 0.3, 0.3, 0.7]
    assert [round(r[5], 4) for r in question_rows] == [1, 1, 0.6667, 1, -0.3333]
    assert question_rows[0][6:8] == ["2014", 2]
    assert question_rows[3][8:11] == [7, 0.3, 0.4]
    assert question_rows[4][11] == "Negative discrimination: review"
    assert question_rows[0][11] is None
    fact_header = 10
    assert items.cell(fact_header, 1).value == "Fact"
    assert [items.cell(fact_header + 1, col).value for col in (1, 2, 3)] == ["LUPEX", 13, 30]


def test_xlsx_text_cells_are_never_formulas(client, db):
    classroom = ClassroomFactory(name="=1+1")
    quiz = QuizFactory(title="@cmd", questions=1, feedback_mode="end")
    AssignmentFactory(classroom=classroom, quiz=quiz)
    student = UserFactory(username="+student")
    MembershipFactory(classroom=classroom, student=student)
    take(student, quiz, "C", start=T0)
    client.force_login(classroom.teacher)
    book = openpyxl.load_workbook(io.BytesIO(download(client.get(reverse("reports:export_xlsx")))))
    cells = [book["Scores"].cell(2, col) for col in (1, 3, 4)]
    assert [cell.value for cell in cells] == ["+student", "=1+1", "@cmd"]
    assert {cell.data_type for cell in cells} == {"s"}


def test_xlsx_without_a_quiz_analyses_every_quiz_in_the_report(teacher_client, cohort):
    second = QuizFactory(title="Second quiz", questions=1, feedback_mode="end")
    AssignmentFactory(classroom=cohort.classroom, quiz=second)
    take(cohort.students[0], second, "C", start=T0)
    book = openpyxl.load_workbook(
        io.BytesIO(download(teacher_client.get(reverse("reports:export_xlsx"))))
    )
    titles = [row[0].value for row in book["Item analysis"].iter_rows() if row[0].value]
    assert "India–Japan" in titles and "Second quiz" in titles


def test_csv_streams_from_an_iterator_not_a_list(cohort):
    from quizapp.reports import queries

    rows = queries.sorted_rows(
        queries.report_attempts(queries.Scope(user=cohort.teacher)), "student"
    )
    stream = exports.csv_stream(exports.export_rows(rows))
    assert next(stream).startswith(exports.BOM + "student,email,class,quiz")
    assert next(stream).startswith("s0,")
