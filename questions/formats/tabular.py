"""Questions as spreadsheet rows (CSV and Excel .xlsx): one row per question.

Columns: ``stem``, ``option_a`` … ``option_f``, ``correct`` (a letter), ``explanation``,
``topic`` (slug or name), ``difficulty`` (1–3 or easy/medium/hard), ``facts`` (labels separated
by ``;``) and ``status`` (draft or published). Rows are numbered as a spreadsheet shows them:
the header is row 1.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, so export
writes such a cell (and one starting with ``'``) with a leading apostrophe, and import removes
exactly that apostrophe again. A cell that would run as a formula is refused on import.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator

from . import LETTERS, Candidate, FileProblem, Parsed, Problem, decode_text, split_facts

OPTION_COLUMNS = [f"option_{letter.lower()}" for letter in LETTERS]
COLUMNS = [
    "stem", *OPTION_COLUMNS, "correct", "explanation", "topic", "difficulty", "facts", "status",
]  # fmt: skip
REQUIRED = ["stem", "option_a", "option_b", "correct"]
ALIASES = {
    "question": "stem",
    "answer": "correct",
    "correct_option": "correct",
    "fact_labels": "facts",
    **{letter.lower(): f"option_{letter.lower()}" for letter in LETTERS},
    **{f"option{letter.lower()}": f"option_{letter.lower()}" for letter in LETTERS},
}

TRIGGERS = ("=", "+", "-", "@")
# "=" always starts a formula; "+", "-" and "@" only when a function call or a DDE pipe follows,
# so "-5 °C" and "+91" stay ordinary text.
FORMULA = re.compile(r"=|[+\-@]\s*[A-Za-z_][\w.]*\s*\(|[+\-@].*\|", re.DOTALL)
_LETTER_SPLIT = re.compile(r"[\s,;/&]+")


def neutralise(value: str) -> str:
    """``value`` as safe to put in a spreadsheet cell: formula-like text gets a leading ``'``."""
    stripped = value.lstrip()
    if stripped.startswith((*TRIGGERS, "'")):
        return "'" + stripped
    return value


def read_cell(value: object) -> tuple[str, str | None]:
    """A cell's text and, when it would run as a formula, why it is refused."""
    if value is None:
        return "", None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.startswith("'") and text[1:2] in (*TRIGGERS, "'"):
        return text[1:], None
    if FORMULA.match(text):
        shown = text if len(text) <= 40 else text[:39] + "…"
        return text, (
            f"“{shown}” would run as a spreadsheet formula, so it is refused; if it is meant "
            "as text, start the cell with an apostrophe (')"
        )
    return text, None


def cells(candidate: Candidate) -> dict[str, str]:
    """The row for ``candidate``, column by column, neutralised for a spreadsheet."""
    options = candidate.options + [""] * (len(LETTERS) - len(candidate.options))
    row = {
        "stem": candidate.stem,
        **dict(zip(OPTION_COLUMNS, options, strict=True)),
        "correct": "".join(LETTERS[index] for index in candidate.correct),
        "explanation": candidate.explanation,
        "topic": candidate.topic,
        "difficulty": candidate.difficulty,
        "facts": "; ".join(candidate.facts),
        "status": candidate.status,
    }
    return {column: neutralise(value) for column, value in row.items()}


def parse_csv(data: bytes) -> Parsed:
    text = decode_text(data)
    first_line = text.split("\n", 1)[0]
    try:
        dialect = csv.Sniffer().sniff(first_line, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[object]]] = []
    try:
        for number, row in enumerate(reader, start=1):
            rows.append((number, row))
    except csv.Error as error:
        return Parsed(errors=[Problem(len(rows) + 1, f"the CSV is malformed: {error}", "row")])
    return parse_rows(rows)


def parse_xlsx(data: bytes) -> Parsed:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileProblem("old .xls workbooks are not supported: save it as .xlsx or CSV UTF-8")
    if not data.startswith(b"PK"):
        raise FileProblem("not an Excel (.xlsx) workbook; is it a CSV or text file?")
    from openpyxl import load_workbook

    # Anything can go wrong inside a damaged workbook (zip, XML, styles), and each is a
    # problem with the file, not with this code: report it instead of failing.
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            sheet = workbook.worksheets[0]
            rows = [
                (number, list(row))
                for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
            ]
        finally:
            workbook.close()
    except Exception as error:  # noqa: BLE001
        raise FileProblem(
            "not a readable Excel (.xlsx) workbook: it may be truncated or damaged "
            f"({type(error).__name__})"
        ) from None
    return parse_rows(rows)


def parse_rows(rows: Iterable[tuple[int, list[object]]]) -> Parsed:
    """Candidates from numbered rows; the first row that is not empty is the header."""
    parsed = Parsed()
    rows = iter(rows)
    header = _first_filled(rows)
    if header is None:
        parsed.errors.append(Problem(0, "the file has no rows", "row"))
        return parsed
    header_number, header_cells = header
    columns = _columns(header_number, header_cells, parsed)
    if parsed.errors:
        return parsed
    for number, row in rows:
        values: dict[str, str] = {}
        problems = []
        for index, column in columns.items():
            text, refused = read_cell(row[index] if index < len(row) else None)
            values[column] = text
            if refused:
                problems.append(Problem(number, f"column {column}: {refused}", "row"))
        if not any(values.values()):
            continue
        parsed.candidates.append(_candidate(number, values, problems))
    return parsed


def _first_filled(rows: Iterator[tuple[int, list[object]]]) -> tuple[int, list[object]] | None:
    for number, row in rows:
        if any(value is not None and str(value).strip() for value in row):
            return number, row
    return None


def _columns(number: int, header: list[object], parsed: Parsed) -> dict[int, str]:
    columns: dict[int, str] = {}
    for index, value in enumerate(header):
        name = re.sub(r"[\s\-]+", "_", str(value or "").strip().lower())
        name = ALIASES.get(name, name)
        if not name:
            continue
        if name not in COLUMNS:
            parsed.warnings.append(Problem(number, f"column “{value}” is not used", "row"))
        elif name in columns.values():
            parsed.errors.append(Problem(number, f"column “{name}” appears twice", "row"))
        else:
            columns[index] = name
    missing = [name for name in REQUIRED if name not in columns.values()]
    if missing:
        parsed.errors.append(
            Problem(
                number,
                f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; "
                f"the header row needs at least {', '.join(REQUIRED)}",
                "row",
            )
        )
    return columns


def _candidate(number: int, values: dict[str, str], problems: list[Problem]) -> Candidate:
    options = [values.get(column, "") for column in OPTION_COLUMNS]
    while options and not options[-1]:
        options.pop()
    correct = []
    written = values.get("correct", "")
    for letter in filter(None, _LETTER_SPLIT.split(written.upper())):
        if len(letter) != 1 or letter not in LETTERS:
            message = f"the correct letter “{letter}” is not one of A to F"
            problems.append(Problem(number, message, "row", code="answer"))
        elif LETTERS.index(letter) >= len(options):
            message = f"the correct letter is {letter} but there is no option {letter}"
            problems.append(Problem(number, message, "row", code="answer"))
        elif LETTERS.index(letter) not in correct:
            correct.append(LETTERS.index(letter))
    return Candidate(
        number=number,
        unit="row",
        stem=values.get("stem", ""),
        options=options,
        correct=correct,
        explanation=values.get("explanation", ""),
        topic=values.get("topic", ""),
        difficulty=values.get("difficulty", ""),
        facts=split_facts(values.get("facts", "")),
        status=values.get("status", ""),
        problems=problems,
    )
