"""The import_questions and export_questions management commands."""

from __future__ import annotations

import csv
import io
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from questions.formats import tabular
from questions.management.commands.import_questions import ProgressBar
from questions.models import Question, Quiz, QuizQuestion
from tests.factories import FactFactory, QuestionFactory, QuizFactory, TopicFactory

pytestmark = pytest.mark.django_db

HEADER = "stem,option_a,option_b,correct,topic,facts,status,explanation"


@pytest.fixture(autouse=True)
def bank():
    TopicFactory(slug="economy", name="Economy")
    FactFactory(label="CEPA 2011")


def write(path, *lines: str):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def import_questions(*args, **options) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_questions", *[str(a) for a in args], stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_import_csv_creates_the_questions_and_says_so(tmp_path):
    path = write(
        tmp_path / "bank.csv",
        HEADER,
        "When?,2008,2011,B,economy,CEPA 2011,published,Because.",
        "Where?,Delhi,Tokyo,B,economy,,draft,",
    )
    out, err = import_questions(path)
    assert Question.objects.count() == 2
    assert "2 questions read; 2 were created; 0 skipped as duplicates." in out
    assert err == ""


def test_dry_run_lists_what_would_be_created_and_skipped_and_writes_nothing(tmp_path):
    QuestionFactory(stem="Where?", correct__text="Tokyo", wrong=None)
    Question.objects.get().choices.create(text="Delhi", order=1)
    path = write(
        tmp_path / "bank.csv", HEADER, "When?,2008,2011,B,,,,", "Where?,Delhi,Tokyo,B,economy,,,"
    )
    out, _err = import_questions(path, dry_run=True)
    assert "would create: row 2: When?" in out
    assert "would create topic “Imported”" in out
    assert "skipped: row 3: Where? (already in the bank as question #" in out
    assert "Dry run: nothing was written." in out
    assert Question.objects.count() == 1


def test_errors_are_all_listed_and_nothing_is_written(tmp_path):
    path = write(
        tmp_path / "bank.csv",
        HEADER,
        "Fine?,a,b,A,economy,,,",
        "Bad?,a,b,C,economy,CEPA 2012,,",
    )
    with pytest.raises(CommandError, match="2 errors in .*bank.csv; nothing was imported."):
        import_questions(path)
    assert not Question.objects.exists()


def test_errors_go_to_stderr_with_their_row(tmp_path):
    path = write(tmp_path / "bank.csv", HEADER, "Bad?,a,b,A,economy,CEPA 2012,,")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_questions", str(path), stdout=StringIO(), stderr=err)
    assert "row 2: unknown fact label “CEPA 2012” (did you mean “CEPA 2011”?)" in err.getvalue()


def test_gift_and_aiken_are_recognised_by_extension(tmp_path):
    gift = write(tmp_path / "a.gift", "$CATEGORY: economy", "", "When? {~2008 =2011}")
    aiken = write(tmp_path / "b.aiken", "Where?", "A. Delhi", "B. Tokyo", "ANSWER: B")
    import_questions(gift)
    import_questions(aiken, topic="economy")
    assert list(Question.objects.values_list("stem", "topic__slug")) == [
        ("When?", "economy"),
        ("Where?", "economy"),
    ]


def test_format_option_overrides_the_extension(tmp_path):
    path = write(tmp_path / "questions.txt", "Where?", "A. Delhi", "B. Tokyo", "ANSWER: B")
    with pytest.raises(CommandError, match="cannot tell the format of “questions.txt”"):
        import_questions(path)
    import_questions(path, format="aiken")
    assert Question.objects.get().topic.name == "Imported"


def test_unknown_topic_option_is_refused(tmp_path):
    path = write(tmp_path / "b.aiken", "Where?", "A. Delhi", "B. Tokyo", "ANSWER: B")
    with pytest.raises(CommandError, match="No topic with slug “nope”. Topics: economy."):
        import_questions(path, topic="nope")


def test_missing_and_oversized_files_are_refused(tmp_path, settings):
    with pytest.raises(CommandError, match="cannot read .*missing.csv"):
        import_questions(tmp_path / "missing.csv")
    settings.QUESTION_IMPORT_MAX_BYTES = 10
    path = write(tmp_path / "bank.csv", HEADER, "When?,2008,2011,B,economy,,,")
    with pytest.raises(CommandError, match="files larger than 0.0 MB are refused"):
        import_questions(path)


def test_wrong_encoding_is_a_clear_error(tmp_path):
    path = tmp_path / "bank.csv"
    path.write_bytes(f"{HEADER}\nCafé?,a,b,A,economy,,,\n".encode("latin-1"))
    with pytest.raises(CommandError):
        import_questions(path)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_questions", str(path), stdout=StringIO(), stderr=err)
    assert "not UTF-8 text (line 2 has the byte 0xe9)" in err.getvalue()


class FakeTerminal(StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_shows_percentages_on_a_terminal_only(tmp_path):
    lines = [f"Question {n}?,a,b,A,economy,,," for n in range(3)]
    path = write(tmp_path / "bank.csv", HEADER, *lines)
    terminal = FakeTerminal()
    call_command("import_questions", str(path), stdout=StringIO(), stderr=terminal)
    assert "\rchecking [##############################] 100% 3/3" in terminal.getvalue()
    assert "\rwriting  [##############################] 100% 3/3" in terminal.getvalue()
    _out, err = import_questions(write(tmp_path / "two.csv", HEADER, "Other?,a,b,A,economy,,,"))
    assert "\r" not in err and "%" not in err


def test_progress_bar_only_redraws_when_the_percentage_changes():
    terminal = FakeTerminal()
    from django.core.management.base import OutputWrapper

    bar = ProgressBar(OutputWrapper(terminal))
    for done in range(1, 1001):
        bar("checking", done, 1000)
    bar.finish()
    assert terminal.getvalue().count("\r") == 101  # 0% to 100%
    assert terminal.getvalue().endswith("100% 1000/1000\n")


# Export --------------------------------------------------------------------------------------


def export(*args, **options) -> str:
    out = StringIO()
    call_command("export_questions", *[str(a) for a in args], stdout=out, **options)
    return out.getvalue()


def test_export_then_import_gives_back_the_same_questions(tmp_path):
    QuestionFactory(stem="When?", explanation="Because **2011**.")
    for fmt in ("csv", "xlsx", "gift"):
        path = tmp_path / f"bank.{fmt}"
        assert export(path) == f"Exported 1 question to {path}.\n"
        out, _err = import_questions(path, dry_run=True)
        assert "0 would be created; 1 skipped as duplicates" in out


def test_export_of_a_quiz_keeps_its_order(tmp_path):
    first, second = QuestionFactory(stem="First?"), QuestionFactory(stem="Second?")
    QuestionFactory(stem="Not in the quiz?")
    quiz = QuizFactory(slug="two", questions=[])
    QuizQuestion.objects.create(quiz=quiz, question=second, order=0)
    QuizQuestion.objects.create(quiz=quiz, question=first, order=1)
    path = tmp_path / "quiz.csv"
    export(path, quiz="two")
    stems = [r["stem"] for r in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))]
    assert stems == ["Second?", "First?"]


def test_export_of_a_topic(tmp_path):
    QuestionFactory(stem="Economy?", topic=TopicFactory(slug="economy"))
    QuestionFactory(stem="Energy?", topic=TopicFactory(slug="energy", name="Energy"))
    path = tmp_path / "energy.gift"
    export(path, topic="energy")
    text = path.read_text(encoding="utf-8")
    assert "Energy?" in text and "Economy?" not in text
    assert "$CATEGORY: energy" in text


def test_export_neutralises_formulas_in_csv_and_xlsx(tmp_path):
    question = QuestionFactory(stem="=1+1 is?")
    question.choices.filter(is_correct=True).update(text="@two")
    export(tmp_path / "bank.csv")
    (record,) = csv.DictReader(io.StringIO((tmp_path / "bank.csv").read_text(encoding="utf-8")))
    assert (record["stem"], record["option_a"]) == ("'=1+1 is?", "'@two")
    export(tmp_path / "bank.xlsx")
    sheet = load_workbook(tmp_path / "bank.xlsx").active
    assert sheet["A2"].value == "'=1+1 is?"
    assert sheet["A2"].data_type == "s"


def test_export_refuses_unknown_formats_quizzes_and_topics(tmp_path):
    with pytest.raises(CommandError, match="Cannot tell the format of “bank.txt”"):
        export(tmp_path / "bank.txt")
    with pytest.raises(CommandError, match="No quiz with slug “nope”"):
        export(tmp_path / "bank.csv", quiz="nope")
    with pytest.raises(CommandError, match="No topic with slug “nope”"):
        export(tmp_path / "bank.csv", topic="nope")


def test_export_columns_are_the_ones_import_reads(tmp_path):
    QuestionFactory()
    export(tmp_path / "bank.csv")
    header = (tmp_path / "bank.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == tabular.COLUMNS
    assert Quiz.objects.count() == 0


# The samples in docs/ -------------------------------------------------------------------------

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples"


@pytest.mark.parametrize("name", ["questions.csv", "questions.gift", "questions.aiken"])
def test_sample_files_import_into_the_seeded_bank(name):
    Question.objects.all().delete()
    call_command("load_seed_bank", stdout=StringIO())
    before = Question.objects.count()
    out, err = import_questions(SAMPLES / name)
    assert err == ""
    assert Question.objects.count() > before
    assert " 0 skipped as duplicates." in out
