"""The score report as CSV (streamed) and as Excel (constant memory), with flat memory use.

Both read the rows with ``.iterator()``, so a class of any size costs the same memory.
The CSV starts with a byte-order mark so that Excel reads it as UTF-8. Text cells that
a spreadsheet would run as a formula (starting with ``= + - @``, tab or carriage return)
get a leading apostrophe; numbers are written as numbers and need none. In the .xlsx
every text cell is written with ``write_string``, which Excel never evaluates.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import IO

import xlsxwriter
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .queries import ROW_FIELDS, ItemAnalysis

COLUMNS = (
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
)
# The queryset values behind COLUMNS, in the same order (the report's rows, less the pk).
EXPORT_FIELDS = ROW_FIELDS[1:]
TEXT_COLUMNS = 4
BOM = "\ufeff"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CHUNK_SIZE = 2000


def neutralise(text: str) -> str:
    """Text a spreadsheet would take for a formula, made inert with a leading apostrophe."""
    if text and text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def iso(moment: datetime | None) -> str:
    """ISO 8601 in the site's time zone, with its offset (2026-05-01T14:30:00+05:30)."""
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else ""


def number(value: Decimal | None) -> str:
    """2.0000 → 2, 0.6667 stays, None → empty."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def export_rows(rows: QuerySet) -> Iterator[tuple]:
    """The report's rows as tuples in COLUMNS order, fetched in chunks."""
    return rows.values_list(*EXPORT_FIELDS).iterator(chunk_size=CHUNK_SIZE)


def csv_cells(row: tuple) -> list[str]:
    (student, email, classroom, quiz, started, finished, score, max_score, percent) = row[:9]
    correct, wrong, skipped, timed_out, taken = row[9:]
    return [
        neutralise(student),
        neutralise(email),
        neutralise(classroom),
        neutralise(quiz),
        iso(started),
        iso(finished),
        number(score),
        str(max_score),
        number(percent),
        str(correct),
        str(wrong),
        str(skipped),
        str(timed_out),
        f"{taken:.1f}",
    ]


class _Line:
    """A file-like sink for csv.writer that hands back what it was given."""

    def write(self, value: str) -> str:
        return value


def csv_stream(rows: Iterable[tuple]) -> Iterator[str]:
    """The header then one CSV line per row; the first chunk starts with the BOM."""
    writer = csv.writer(_Line())
    yield BOM + writer.writerow(COLUMNS)
    for row in rows:
        yield writer.writerow(csv_cells(row))


def write_xlsx(
    target: IO[bytes], rows: Iterable[tuple], analyses: Iterable[tuple[str, ItemAnalysis]]
) -> None:
    """Scores on the first sheet, item analysis per quiz on the second, in constant memory."""
    workbook = xlsxwriter.Workbook(
        target,
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
    )
    bold = workbook.add_format({"bold": True})
    when = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    two = workbook.add_format({"num_format": "0.00"})
    share = workbook.add_format({"num_format": "0%"})

    sheet = workbook.add_worksheet(_("Scores"))
    sheet.freeze_panes(1, 0)
    sheet.set_column(0, 3, 22)
    sheet.set_column(4, 5, 20)
    sheet.set_column(6, 13, 10)
    for col, title in enumerate(COLUMNS):
        sheet.write_string(0, col, title, bold)
    row_number = 0
    for row_number, row in enumerate(rows, start=1):
        for col in range(TEXT_COLUMNS):
            sheet.write_string(row_number, col, row[col] or "")
        for col in (4, 5):
            if row[col] is not None:
                # Excel has no time zones: local wall-clock time, as the site shows it.
                local = timezone.localtime(row[col]).replace(tzinfo=None)
                sheet.write_datetime(row_number, col, local, when)
        sheet.write_number(row_number, 6, float(row[6] or 0))
        sheet.write_number(row_number, 7, row[7])
        sheet.write_number(row_number, 8, float(row[8] or 0), two)
        for col in range(9, 13):
            sheet.write_number(row_number, col, row[col])
        sheet.write_number(row_number, 13, round(row[13], 1))
    if row_number:
        sheet.autofilter(0, 0, row_number, len(COLUMNS) - 1)

    items = workbook.add_worksheet(_("Item analysis"))
    items.set_column(0, 0, 6)
    items.set_column(1, 1, 60)
    items.set_column(2, 10, 14)
    line = 0
    for title, analysis in analyses:
        items.write_string(line, 0, title, bold)
        items.write_string(
            line + 1,
            0,
            _(
                "Each student's first finished attempt counts: %(n)s attempts, "
                "upper and lower groups of %(g)s."
            )
            % {"n": analysis.attempts, "g": analysis.group_size},
        )
        line += 2
        headers = (
            _("No."),
            _("Question"),
            _("Answers"),
            _("Correct"),
            _("Facility"),
            _("Discrimination"),
            _("Most chosen wrong option"),
            _("Chosen by"),
            _("Median time (s)"),
            _("Skipped"),
            _("Timed out"),
            _("Flag"),
        )
        for col, header in enumerate(headers):
            items.write_string(line, col, header, bold)
        for item in analysis.items:
            line += 1
            items.write_number(line, 0, item.number)
            items.write_string(line, 1, item.stem)
            items.write_number(line, 2, item.total)
            items.write_number(line, 3, item.correct)
            items.write_number(line, 4, item.facility, two)
            items.write_number(line, 5, item.discrimination, two)
            if item.top_distractor:
                items.write_string(line, 6, item.top_distractor.text)
                items.write_number(line, 7, item.top_distractor.count)
            if item.median_time is not None:
                items.write_number(line, 8, round(item.median_time, 1))
            items.write_number(line, 9, item.skip_rate, share)
            items.write_number(line, 10, item.timeout_rate, share)
            if item.flagged:
                items.write_string(line, 11, _("Negative discrimination: review"))
        line += 2
        for heading, rows_ in ((_("Fact"), analysis.facts), (_("Topic"), analysis.topics)):
            for col, header in enumerate((heading, _("Correct"), _("Answers"), _("Accuracy"))):
                items.write_string(line, col, header, bold)
            for accuracy in rows_:
                line += 1
                items.write_string(line, 0, accuracy["name"])
                items.write_number(line, 1, accuracy["correct"])
                items.write_number(line, 2, accuracy["total"])
                items.write_number(line, 3, accuracy["correct"] / accuracy["total"], share)
            line += 2
    workbook.close()


def _slug(text: str) -> str:
    """Slugify, treating every dash and punctuation mark as a word break ("India–Japan")."""
    return slugify(re.sub(r"[^\w]+", " ", text))


def filename(
    *, classroom, quiz, start: date | None, end: date | None, extension: str, kind: str = "scores"
) -> str:
    """What the file holds: scores-class-quiz-dates.ext, slugified."""
    if start and end:
        dates = f"{start.isoformat()}-to-{end.isoformat()}"
    elif start:
        dates = f"from-{start.isoformat()}"
    elif end:
        dates = f"until-{end.isoformat()}"
    else:
        dates = "all-dates"
    parts = [
        kind,
        (_slug(classroom.name) or f"class-{classroom.pk}") if classroom else "all-classes",
        (_slug(quiz.title) or f"quiz-{quiz.pk}") if quiz else "all-quizzes",
        dates,
    ]
    return "_".join(parts) + f".{extension}"
