"""Checking and importing questions (questions.importing), whatever the file's format."""

from __future__ import annotations

import csv
import io
from io import StringIO

import pytest
from django.core.management import call_command

from questions import exporting
from questions.formats import tabular
from questions.importing import ImportReport, guess_format, import_file
from questions.models import Choice, Fact, Question, Quiz, QuizQuestion, Topic
from tests.factories import FactFactory, QuestionFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def economy():
    return TopicFactory(slug="economy", name="Economy")


@pytest.fixture
def cepa():
    return FactFactory(label="CEPA 2011")


def row(**values: str) -> dict[str, str]:
    return {
        "stem": "In which year did CEPA come into effect?",
        "option_a": "2008",
        "option_b": "2011",
        "option_c": "2014",
        "correct": "B",
        "explanation": "CEPA was **implemented in 2011**.",
        "topic": "economy",
        "difficulty": "1",
        "facts": "CEPA 2011",
        "status": "published",
        **values,
    }


def csv_file(*rows: dict[str, str]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=tabular.COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def run(data: bytes, fmt: str = "csv", **kwargs) -> ImportReport:
    kwargs.setdefault("dry_run", False)
    return import_file(data, fmt=fmt, **kwargs)


def messages(report: ImportReport) -> list[str]:
    return [str(problem) for problem in report.errors]


def test_import_creates_questions_with_options_in_order_and_facts(economy, cepa):
    author = UserFactory()
    report = run(csv_file(row()), author=author)
    assert report.written and report.errors == []
    question = Question.objects.get()
    assert question.stem == "In which year did CEPA come into effect?"
    assert [(c.text, c.is_correct, c.order) for c in question.choices.all()] == [
        ("2008", False, 0),
        ("2011", True, 1),
        ("2014", False, 2),
    ]
    assert question.explanation == "CEPA was **implemented in 2011**."
    assert (question.topic, question.difficulty, question.status) == (economy, 1, "published")
    assert list(question.facts.all()) == [cepa]
    assert question.author == author
    assert question.publish_problems() == []
    assert report.created_ids == [question.pk]
    assert [(e.where, e.answer, e.topic, e.facts) for e in report.created] == [
        ("row 2", "B. 2011", "Economy", ["CEPA 2011"])
    ]


def test_topic_may_be_given_by_name_and_difficulty_and_status_by_word(economy, cepa):
    run(csv_file(row(topic="economy ", difficulty="Hard", status="Published")))
    run(csv_file(row(stem="Another?", topic="ECONOMY", difficulty="easy", status="draft")))
    assert list(Question.objects.values_list("topic__slug", "difficulty", "status")) == [
        ("economy", 3, "published"),
        ("economy", 1, "draft"),
    ]


def test_blank_difficulty_and_status_mean_medium_and_draft(economy):
    run(csv_file(row(difficulty="", status="", facts="", explanation="")))
    assert Question.objects.values_list("difficulty", "status").get() == (2, "draft")


def test_dry_run_reports_what_would_be_created_and_writes_nothing(cepa):
    report = run(csv_file(row(topic=""), row(stem="Second?", topic="")), dry_run=True)
    assert report.dry_run and not report.written
    assert [entry.where for entry in report.created] == ["row 2", "row 3"]
    assert report.new_topics == ["Imported"]
    assert "2 would be created" in report.summary()
    assert "Dry run: nothing was written." in report.summary()
    assert not Question.objects.exists()
    assert not Topic.objects.exists()


def test_questions_without_a_topic_go_to_imported_made_when_needed(cepa):
    report = run(csv_file(row(topic="")))
    assert report.new_topics == ["Imported"]
    assert Question.objects.get().topic.name == "Imported"
    run(csv_file(row(stem="Second?", topic="")))
    assert Topic.objects.filter(name="Imported").count() == 1


def test_default_topic_is_used_only_where_the_file_gives_none(economy, cepa):
    energy = TopicFactory(slug="energy", name="Energy")
    run(csv_file(row(topic=""), row(stem="Second?")), default_topic=energy)
    assert list(Question.objects.values_list("topic__slug", flat=True)) == ["energy", "economy"]


def test_one_bad_question_and_nothing_is_written_with_every_error_listed(economy, cepa):
    report = run(
        csv_file(
            row(stem="Fine?"),
            row(stem="Bad facts?", facts="CEPA 2012; Nonsense"),
            row(stem="Bad topic?", topic="economyy", difficulty="9"),
            row(stem="Fine too?"),
        )
    )
    assert not report.written
    assert messages(report) == [
        "row 3: unknown fact label “CEPA 2012” (did you mean “CEPA 2011”?)",
        "row 3: unknown fact label “Nonsense” (add the fact first)",
        "row 4: difficulty “9” is not 1, 2, 3, easy, medium or hard",
        "row 4: unknown topic “economyy” (did you mean “economy”?)",
    ]
    assert "Nothing was imported." in report.summary()
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"stem": " "}, "the question text is empty"),
        ({"option_b": "", "option_c": "", "correct": "A"}, "it has one option; give 2 to 6"),
        ({"option_b": "", "correct": "A"}, "option B is empty"),
        ({"option_c": " 2011 "}, "options B and C are the same (“2011”)"),
        ({"option_c": "x" * 501}, "option C is longer than 500 characters"),
        ({"correct": ""}, "no option is marked correct"),
        ({"correct": "A, B"}, "two options marked correct"),
        ({"status": "live"}, "status “live” is not draft or published"),
        (
            {"explanation": " ", "facts": ""},
            "it cannot be published: it has no explanation; it cites no fact; add what is "
            "missing or make it a draft",
        ),
    ],
)
def test_each_problem_is_reported_in_plain_words(economy, cepa, values, message):
    report = run(csv_file(row(), row(**{"stem": "Bad?", **values})), dry_run=True)
    assert messages(report) == [f"row 3: {message}"]
    assert [entry.where for entry in report.created] == ["row 2"]


def test_gift_errors_name_the_line(economy, cepa):
    gift = (
        "$CATEGORY: economy\n\n"
        "// facts: CEPA 2011\nGood? {=a ~b}\n\n"
        "// facts: CEPA 2012\nTwo right? {\n=a\n=b\n~c\n}\n\n"
        "Seven? {=1 ~2 ~3 ~4 ~5 ~6 ~7}\n"
    )
    report = run(gift.encode(), fmt="gift")
    assert messages(report) == [
        "line 7: two options marked correct",
        "line 7: unknown fact label “CEPA 2012” (did you mean “CEPA 2011”?)",
        "line 13: it has 7 options; give at most 6",
    ]
    assert not Question.objects.exists()


def test_importing_the_same_file_twice_creates_nothing_the_second_time(economy, cepa):
    data = csv_file(row(), row(stem="Second?"))
    first = run(data)
    second = run(data)
    assert len(first.created) == 2
    assert second.created == [] and second.errors == []
    ids = Question.objects.order_by("pk").values_list("pk", flat=True)
    assert [(e.where, e.note) for e in second.skipped] == [
        ("row 2", f"already in the bank as question #{ids[0]}"),
        ("row 3", f"already in the bank as question #{ids[1]}"),
    ]
    assert Question.objects.count() == 2 and Choice.objects.count() == 6


def test_duplicates_ignore_white_space_case_quotes_and_option_order(economy, cepa):
    run(csv_file(row(stem="Which country’s agency built the rover?")))
    report = run(
        csv_file(
            row(
                stem="  which COUNTRY's agency\nbuilt the   rover? ",
                option_a="2014",
                option_b="2011",
                option_c="2008 ",
            )
        )
    )
    assert report.created == [] and len(report.skipped) == 1


def test_same_text_with_different_options_is_an_error(economy, cepa):
    existing = QuestionFactory(stem="In which year did CEPA come into effect?", topic=economy)
    report = run(csv_file(row(option_c="2017")))
    assert messages(report) == [
        f"row 2: question #{existing.pk} has the same text but different options; the importer "
        "never changes a question, so edit it in the admin or reword this one"
    ]


def test_duplicates_within_the_file_are_skipped_or_refused(economy, cepa):
    report = run(csv_file(row(), row(stem="In which year did CEPA come into effect?  ")))
    assert [(e.where, e.note) for e in report.skipped] == [("row 3", "the same question as row 2")]
    assert Question.objects.count() == 1
    Question.objects.all().delete()
    report = run(csv_file(row(), row(option_c="2017")))
    assert messages(report) == ["row 3: the same text as row 2 but different options"]


def test_file_over_the_size_limit_is_refused(economy, cepa, settings):
    settings.QUESTION_IMPORT_MAX_BYTES = 100
    report = run(csv_file(row()))
    assert messages(report) == ["the file is 0.0 MB; files larger than 0.0 MB are refused"]
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    ("data", "fmt", "message"),
    [
        (b"", "csv", "the file is empty"),
        (b" \n \n", "gift", "the file is empty"),
        ("stem,option_a\nCafé".encode("latin-1"), "csv", "not UTF-8 text (line 2 has the byte"),
        (b"PK\x03\x04 truncated", "xlsx", "not a readable Excel (.xlsx) workbook"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "gift", "the file is binary, not text"),
    ],
)
def test_malformed_files_are_one_clear_error_and_nothing_is_written(data, fmt, message):
    report = run(data, fmt=fmt)
    assert len(report.errors) == 1
    assert str(report.errors[0]).startswith(message)
    assert not Question.objects.exists()


def test_formula_cells_are_refused_with_the_row_and_column(economy, cepa):
    report = run(csv_file(row(option_a='=HYPERLINK("http://evil.example","2008")')))
    (message,) = messages(report)
    assert message.startswith("row 2: column option_a: “=HYPERLINK(")
    assert not Question.objects.exists()


def test_aiken_questions_arrive_as_drafts_that_cannot_be_published_yet(economy):
    report = run(b"When?\nA. 2008\nB. 2011\nANSWER: B\n", fmt="aiken", default_topic=economy)
    assert report.written
    question = Question.objects.get()
    assert (question.status, question.topic) == ("draft", economy)
    assert question.publish_problems() == ["it has no explanation", "it cites no fact"]


def test_progress_is_reported_while_checking_and_writing(economy, cepa):
    seen = []
    run(
        csv_file(*(row(stem=f"Question {n}?") for n in range(3))),
        progress=lambda *a: seen.append(a),
    )
    assert seen == [("checking", 3, 3), ("writing", 3, 3)]


def test_import_writes_in_bulk(economy, cepa, django_assert_max_num_queries):
    data = csv_file(*(row(stem=f"Question {n}?") for n in range(200)))
    with django_assert_max_num_queries(12):
        report = run(data)
    assert len(report.created) == 200
    assert Choice.objects.count() == 600


def test_format_is_guessed_from_the_extension():
    assert [guess_format(name) for name in ("a.CSV", "b.xlsx", "c.gift", "d.aiken")] == [
        "csv",
        "xlsx",
        "gift",
        "aiken",
    ]
    with pytest.raises(Exception, match="cannot tell the format of “e.txt”"):
        guess_format("e.txt")


# The seeded bank, exported and imported back ----------------------------------------------------


def bank() -> list[tuple]:
    """Every question with everything an export carries, comparable across databases."""
    return sorted(
        (
            question.stem,
            tuple((choice.text, choice.is_correct) for choice in question.choices.all()),
            question.explanation,
            question.topic.slug,
            tuple(sorted(fact.label for fact in question.facts.all())),
            question.difficulty,
            question.status,
        )
        for question in Question.objects.select_related("topic").prefetch_related(
            "choices", "facts"
        )
    )


@pytest.mark.parametrize("fmt", ["gift", "csv", "xlsx"])
def test_seeded_bank_exported_and_imported_into_an_empty_bank_is_the_same(fmt):
    call_command("load_seed_bank", stdout=StringIO())
    before = bank()
    topics, facts = Topic.objects.count(), Fact.objects.count()
    questions = exporting.export_queryset()
    if fmt == "gift":
        data = exporting.to_gift(questions).encode()
    else:
        data = exporting.to_tabular(questions, fmt)
    QuizQuestion.objects.all().delete()
    Quiz.objects.all().delete()
    Question.objects.all().delete()

    report = run(data, fmt=fmt)

    assert report.errors == [] and report.warnings == []
    assert len(report.created) == len(before) >= 45
    assert bank() == before
    assert (Topic.objects.count(), Fact.objects.count()) == (topics, facts)
    assert run(data, fmt=fmt).created == []
