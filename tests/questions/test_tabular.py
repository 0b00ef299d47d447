"""The CSV and Excel reader and the cell writer (questions.formats.tabular)."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import Workbook

from questions.formats import Candidate, FileProblem, tabular

HEADER = "stem,option_a,option_b,option_c,correct,explanation,topic,difficulty,facts,status"


def csv_bytes(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def problems(parsed) -> list[str]:
    found = [str(p) for p in parsed.errors]
    for candidate in parsed.candidates:
        found += [str(p) for p in candidate.problems]
    return found


def test_rows_are_read_column_by_column():
    parsed = tabular.parse_csv(
        csv_bytes(
            HEADER, "When?,2008,2011,2014,B,Because.,economy,1,CEPA 2011; SGSP 2014,published"
        )
    )
    (question,) = parsed.candidates
    assert question.stem == "When?"
    assert question.options == ["2008", "2011", "2014"]
    assert question.correct == [1]
    assert question.explanation == "Because."
    assert (question.topic, question.difficulty, question.status) == ("economy", "1", "published")
    assert question.facts == ["CEPA 2011", "SGSP 2014"]
    assert question.where == "row 2"
    assert parsed.errors == parsed.warnings == []


def test_rows_are_numbered_as_a_spreadsheet_shows_them_even_with_line_breaks_in_cells():
    parsed = tabular.parse_csv(
        csv_bytes(HEADER, '"Consider:\n1. One\n2. Two",a,b,,A', "", "Second?,a,b,,b")
    )
    first, second = parsed.candidates
    assert first.stem == "Consider:\n1. One\n2. Two"
    assert (first.where, second.where) == ("row 2", "row 4")
    assert second.correct == [1]


def test_only_the_required_columns_are_needed_and_headers_are_forgiving():
    parsed = tabular.parse_csv(csv_bytes("Question, Option A ,option-b,Answer", "Q?,yes,no,a"))
    (question,) = parsed.candidates
    assert (question.stem, question.options, question.correct) == ("Q?", ["yes", "no"], [0])


def test_semicolon_separated_files_are_read():
    parsed = tabular.parse_csv(csv_bytes("stem;option_a;option_b;correct", "Q?;yes;no;A"))
    assert parsed.candidates[0].options == ["yes", "no"]


def test_missing_columns_are_an_error_on_the_header_row():
    parsed = tabular.parse_csv(csv_bytes("stem,option_a", "Q?,yes"))
    assert problems(parsed) == [
        "row 1: missing columns option_b, correct; the header row needs at least stem, "
        "option_a, option_b, correct"
    ]


def test_a_column_twice_is_an_error_and_an_unknown_one_a_warning():
    parsed = tabular.parse_csv(csv_bytes("stem,option_a,option_b,correct,stem", "Q?,a,b,A,Q?"))
    assert problems(parsed) == ["row 1: column “stem” appears twice"]
    parsed = tabular.parse_csv(csv_bytes("stem,option_a,option_b,correct,notes", "Q?,a,b,A,x"))
    assert [str(w) for w in parsed.warnings] == ["row 1: column “notes” is not used"]
    assert len(parsed.candidates) == 1


def test_empty_rows_are_skipped():
    parsed = tabular.parse_csv(csv_bytes("", HEADER, ",,,,,,,,,", "Q?,a,b,,A"))
    assert [c.where for c in parsed.candidates] == ["row 4"]


def test_a_gap_in_the_options_is_kept_for_the_check_to_name():
    parsed = tabular.parse_csv(csv_bytes("stem,option_a,option_b,option_c,correct", "Q?,a,,c,A"))
    assert parsed.candidates[0].options == ["a", "", "c"]


@pytest.mark.parametrize(
    ("letter", "correct", "message"),
    [
        ("b", [1], None),
        ("A;B", [0, 1], None),
        ("", [], None),
        ("X", [], "row 2: the correct letter “X” is not one of A to F"),
        ("D", [], "row 2: the correct letter is D but there is no option D"),
    ],
)
def test_the_correct_letter(letter, correct, message):
    parsed = tabular.parse_csv(
        csv_bytes("stem,option_a,option_b,option_c,correct", f"Q?,a,b,c,{letter}")
    )
    assert parsed.candidates[0].correct == correct
    assert problems(parsed) == ([message] if message else [])


@pytest.mark.parametrize(
    "cell",
    [
        '"=HYPERLINK(""http://evil.example"",""click"")"',
        "=1+1",
        "+SUM(A1:A2)",
        "-cmd|' /C calc'!A0",
        "@SUM(A1)",
    ],
)
def test_a_cell_that_would_run_as_a_formula_is_refused(cell):
    parsed = tabular.parse_csv(csv_bytes("stem,option_a,option_b,correct", f"Q?,{cell},b,A"))
    (message,) = problems(parsed)
    assert message.startswith("row 2: column option_a: “")
    assert "would run as a spreadsheet formula, so it is refused" in message
    assert "start the cell with an apostrophe (')" in message


@pytest.mark.parametrize("cell", ["-5 °C", "+91 phone code", "@handle", "1 + 1 = 2"])
def test_text_that_only_looks_a_little_like_a_formula_is_kept(cell):
    parsed = tabular.parse_csv(csv_bytes("stem,option_a,option_b,correct", f"Q?,{cell},b,A"))
    assert problems(parsed) == []
    assert parsed.candidates[0].options[0] == cell


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("-5 °C", "'-5 °C"),
        ("+91", "'+91"),
        ("@handle", "'@handle"),
        ("'quoted'", "''quoted'"),
        ("plain", "plain"),
    ],
)
def test_export_neutralises_formula_cells_and_import_reads_them_back_exactly(value, written):
    assert tabular.neutralise(value) == written
    assert tabular.read_cell(written) == (value, None)


def test_an_apostrophe_before_ordinary_text_is_kept():
    assert tabular.read_cell("'tis the season") == ("'tis the season", None)


def test_cells_then_rows_give_the_same_question():
    question = Candidate(
        number=1,
        unit="question",
        stem="=Is this\na formula?",
        options=["-1", "+1", "@one", "'two'"],
        correct=[3],
        explanation="Because; really.",
        topic="economy",
        difficulty="3",
        facts=["CEPA 2011", "SGSP 2014"],
        status="published",
    )
    row = tabular.cells(question)
    parsed = tabular.parse_rows([(1, list(row)), (2, list(row.values()))])
    (read,) = parsed.candidates
    fields = ("stem", "options", "correct", "explanation", "topic", "difficulty", "facts", "status")
    assert {f: getattr(read, f) for f in fields} == {f: getattr(question, f) for f in fields}
    assert problems(parsed) == []


def test_malformed_csv_is_an_error_on_its_row():
    parsed = tabular.parse_csv(csv_bytes("stem,option_a,option_b,correct", 'Q?,"a"b,c,A'))
    assert problems(parsed) == ["row 2: the CSV is malformed: ',' expected after '\"'"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("stem,option_a\nCafé".encode("latin-1"), "not UTF-8 text (line 2 has the byte 0xe9)"),
        ("stem,option_a".encode("utf-16"), "the file is UTF-16 text; save it as UTF-8"),
        (b"\x00\x01\x02binary", "the file is binary, not text"),
    ],
)
def test_csv_that_is_not_utf8_text_is_refused(data, message):
    with pytest.raises(FileProblem, match=message.replace("(", r"\(").replace(")", r"\)")):
        tabular.parse_csv(data)


def test_csv_from_excel_with_a_byte_order_mark_is_read():
    parsed = tabular.parse_csv("\ufeffstem,option_a,option_b,correct\r\nQ?,a,b,A\r\n".encode())
    assert parsed.candidates[0].stem == "Q?"


def test_xlsx_rows_are_read_with_numbers_as_text():
    data = xlsx_bytes(
        [["stem", "option_a", "option_b", "correct", "difficulty"], ["When?", 2011, 2014.5, "A", 2]]
    )
    (question,) = tabular.parse_xlsx(data).candidates
    assert question.options == ["2011", "2014.5"]
    assert question.difficulty == "2"


def test_xlsx_formula_cell_is_refused():
    data = xlsx_bytes(
        [
            ["stem", "option_a", "option_b", "correct"],
            ["Q?", '=HYPERLINK("http://x", "x")', "b", "A"],
        ]
    )
    (message,) = problems(tabular.parse_xlsx(data))
    assert "would run as a spreadsheet formula" in message


def test_xlsx_that_is_truncated_is_refused():
    data = xlsx_bytes([["stem", "option_a", "option_b", "correct"], ["Q?", "a", "b", "A"]])
    with pytest.raises(FileProblem, match="not a readable Excel"):
        tabular.parse_xlsx(data[: len(data) // 2])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"stem,option_a,option_b,correct\n", "not an Excel \\(.xlsx\\) workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old .xls workbooks"),
    ],
)
def test_other_files_given_as_xlsx_are_refused(data, message):
    with pytest.raises(FileProblem, match=message):
        tabular.parse_xlsx(data)


def test_exported_cells_survive_a_real_csv_writer():
    question = Candidate(
        number=1, unit="question", stem='He said "yes",\nthen left', options=["a", "b"], correct=[0]
    )
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=tabular.COLUMNS)
    writer.writeheader()
    writer.writerow(tabular.cells(question))
    (read,) = tabular.parse_csv(out.getvalue().encode()).candidates
    assert read.stem == question.stem
