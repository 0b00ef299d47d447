"""Import questions from a file: check every question, then write all of them or none.

The admin's import pages and the ``import_questions`` command both call ``import_file``; a dry
run checks exactly as an import does and writes nothing. A question whose text (white space,
case and typographic quotes aside) and options match one already in the bank, or an earlier
one in the same file, is skipped as a duplicate; the same text with different options is an
error, because the importer never rewrites a question aspirants may have answered.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import DatabaseError, transaction
from django.utils.text import slugify

from .formats import (
    LETTERS,
    Candidate,
    FileProblem,
    Parsed,
    Problem,
    aiken,
    count_words,
    gift,
    tabular,
)
from .models import Choice, Fact, Question, Topic, normalise

FORMATS = {
    "csv": tabular.parse_csv,
    "xlsx": tabular.parse_xlsx,
    "gift": gift.parse,
    "aiken": aiken.parse,
}
EXTENSIONS = {".csv": "csv", ".xlsx": "xlsx", ".gift": "gift", ".aiken": "aiken"}
DEFAULT_TOPIC = "Imported"
# Files are written in English whatever the admin's language: names, not translated labels.
DIFFICULTIES = {str(level.value): level.value for level in Question.Difficulty}
DIFFICULTIES |= {level.name.lower(): level.value for level in Question.Difficulty}
STATUSES = {status.value: status.value for status in Question.Status}
CHOICE_MAX = Choice._meta.get_field("text").max_length
BATCH = 500

Progress = Callable[[str, int, int], None]


@dataclass
class Entry:
    """One question of the file in the report: where it is, its text, and what happens to it."""

    where: str
    stem: str
    note: str = ""
    topic: str = ""
    answer: str = ""
    facts: list[str] = field(default_factory=list)
    status: str = ""

    @property
    def short_stem(self) -> str:
        text = normalise(self.stem)
        return text if len(text) <= 90 else text[:89] + "…"


@dataclass
class ImportReport:
    """What an import did, or what a dry run would do."""

    format: str
    dry_run: bool
    found: int = 0
    created: list[Entry] = field(default_factory=list)
    skipped: list[Entry] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    new_topics: list[str] = field(default_factory=list)
    created_ids: list[int] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        verb = "would be" if self.dry_run else ("were" if self.written else "would have been")
        parts = [
            f"{self.found} question{'s' if self.found != 1 else ''} read",
            f"{len(self.created)} {verb} created",
            f"{len(self.skipped)} skipped as duplicates",
        ]
        if self.errors:
            parts.append(f"{len(self.errors)} error{'s' if len(self.errors) != 1 else ''}")
        text = "; ".join(parts) + "."
        if self.errors:
            text += " Nothing was imported."
        elif self.dry_run:
            text += " Dry run: nothing was written."
        return text


def guess_format(name: str) -> str:
    """The format a file name's extension says, or FileProblem saying what to do."""
    suffix = Path(name).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    choices = ", ".join(FORMATS)
    raise FileProblem(
        f"cannot tell the format of “{Path(name).name}” from its extension; choose one of {choices}"
    )


def max_bytes() -> int:
    return settings.QUESTION_IMPORT_MAX_BYTES


def too_large(size: int) -> str | None:
    """Why a file of ``size`` bytes is refused, or None when it is small enough."""
    limit = max_bytes()
    if size <= limit:
        return None
    return f"the file is {_megabytes(size)}; files larger than {_megabytes(limit)} are refused"


def read_path(path: Path) -> bytes:
    """The bytes of the file at ``path``, after checking its size without reading it."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise FileProblem(f"cannot read {path}: {error.strerror}") from None
    if reason := too_large(size):
        raise FileProblem(reason)
    return path.read_bytes()


def parse(data: bytes, fmt: str) -> Parsed:
    """What ``data`` holds in format ``fmt``; a file that cannot be read is one error."""
    if reason := too_large(len(data)):
        return Parsed(errors=[Problem(0, reason)])
    if not data.strip():
        return Parsed(errors=[Problem(0, "the file is empty")])
    try:
        return FORMATS[fmt](data)
    except FileProblem as problem:
        return Parsed(errors=[Problem(0, str(problem))])


def import_file(
    data: bytes,
    *,
    fmt: str,
    dry_run: bool,
    default_topic: Topic | None = None,
    author: AbstractBaseUser | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Check every question of ``data`` and, unless a dry run or anything is wrong, write them all.

    Questions without a topic go to ``default_topic``, or to a topic “Imported” made when needed.
    """
    parsed = parse(data, fmt)
    report = ImportReport(format=fmt, dry_run=dry_run, found=len(parsed.candidates))
    report.errors.extend(parsed.errors)
    report.warnings.extend(parsed.warnings)
    if dry_run:
        _check(parsed.candidates, report, default_topic, progress)
        report.errors.sort()
        return report
    try:
        # The check runs inside the transaction too, so nothing changes between it and the write.
        with transaction.atomic():
            planned = _check(parsed.candidates, report, default_topic, progress)
            report.errors.sort()
            if report.errors:
                return report
            _write(planned, report, author, progress)
    except DatabaseError as error:
        report.created_ids = []
        report.errors.append(Problem(0, f"the database refused the import: {error}"))
        return report
    report.written = True
    return report


# Checking -------------------------------------------------------------------------------------


@dataclass
class _Planned:
    candidate: Candidate
    topic: Topic | None  # None: the default topic, made when the import is written
    difficulty: int
    status: str
    facts: list[Fact]


class _Bank:
    """Everything the check looks up, each read once: topics, facts and existing questions."""

    def __init__(self) -> None:
        topics = list(Topic.objects.all())
        self.topics = {topic.slug: topic for topic in topics}
        self.topics |= {_key(topic.name): topic for topic in topics if _key(topic.name)}
        self.facts = {normalise(fact.label): fact for fact in Fact.objects.all()}
        self.fact_keys = {_key(label): fact for label, fact in self.facts.items()}
        self.questions: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        options: dict[int, list[str]] = {}
        for question_id, text in Choice.objects.order_by().values_list("question_id", "text"):
            options.setdefault(question_id, []).append(_key(text))
        for pk, stem in Question.objects.order_by("pk").values_list("pk", "stem"):
            entry = (pk, tuple(sorted(options.get(pk, []))))
            self.questions.setdefault(_key(stem), []).append(entry)

    def topic(self, name: str) -> Topic | None:
        return self.topics.get(name.strip()) or self.topics.get(_key(name))

    def fact(self, label: str) -> Fact | None:
        return self.facts.get(normalise(label)) or self.fact_keys.get(_key(label))


def _key(text: str) -> str:
    return normalise(text).casefold()


def _check(
    candidates: list[Candidate],
    report: ImportReport,
    default_topic: Topic | None,
    progress: Progress | None,
) -> list[_Planned]:
    bank = _Bank()
    default = default_topic or bank.topic(DEFAULT_TOPIC)
    seen: dict[str, list[tuple[Candidate, tuple[str, ...]]]] = {}
    planned = []
    for done, candidate in enumerate(candidates, start=1):
        if progress and (done % BATCH == 0 or done == len(candidates)):
            progress("checking", done, len(candidates))
        problems = list(candidate.problems)
        problems += [candidate.problem(message) for message in _option_problems(candidate)]
        topic = default
        if candidate.topic:
            topic = bank.topic(candidate.topic)
            if topic is None:
                problems.append(candidate.problem(_unknown_topic(candidate.topic, bank)))
        facts, unknown = [], []
        for label in dict.fromkeys(candidate.facts):
            fact = bank.fact(label)
            if fact is None:
                unknown.append(label)
            elif fact not in facts:
                facts.append(fact)
        problems += [candidate.problem(_unknown_fact(label, bank)) for label in unknown]
        difficulty = DIFFICULTIES.get(candidate.difficulty.strip().lower() or "2")
        if difficulty is None:
            problems.append(
                candidate.problem(
                    f"difficulty “{candidate.difficulty}” is not 1, 2, 3, easy, medium or hard"
                )
            )
        status = STATUSES.get(candidate.status.strip().lower() or Question.Status.DRAFT)
        if status is None:
            problems.append(
                candidate.problem(f"status “{candidate.status}” is not draft or published")
            )
        elif status == Question.Status.PUBLISHED and not problems:
            problems += _publish_problems(candidate, facts)

        key = _key(candidate.stem)
        options_key = tuple(sorted(_key(option) for option in candidate.options))
        duplicate = None
        if key and not problems:
            duplicate, conflict = _duplicate(candidate, key, options_key, bank, seen)
            if conflict:
                problems.append(candidate.problem(conflict))
        if key:
            seen.setdefault(key, []).append((candidate, options_key))

        if problems:
            report.errors.extend(problems)
        elif duplicate:
            report.skipped.append(Entry(candidate.where, candidate.stem, duplicate))
        else:
            correct = candidate.correct[0]
            report.created.append(
                Entry(
                    candidate.where,
                    candidate.stem,
                    topic=topic.name if topic else DEFAULT_TOPIC,
                    answer=f"{LETTERS[correct]}. {candidate.options[correct]}",
                    facts=[fact.label for fact in facts],
                    status=status,
                )
            )
            planned.append(_Planned(candidate, topic, difficulty, status, facts))
    if any(item.topic is None for item in planned):
        report.new_topics.append(DEFAULT_TOPIC)
    return planned


def _option_problems(candidate: Candidate) -> list[str]:
    problems = []
    if not normalise(candidate.stem):
        problems.append("the question text is empty")
    options = candidate.options
    if len(options) < Choice.MIN_PER_QUESTION:
        problems.append(
            f"it has {count_words(len(options))} option{'s' if len(options) != 1 else ''}; "
            f"give {Choice.MIN_PER_QUESTION} to {Choice.MAX_PER_QUESTION}"
        )
    elif len(options) > Choice.MAX_PER_QUESTION:
        problems.append(f"it has {len(options)} options; give at most {Choice.MAX_PER_QUESTION}")
    first_seen: dict[str, int] = {}
    for index, option in enumerate(options):
        name = _option_name(index)
        if not option.strip():
            problems.append(f"option {name} is empty")
            continue
        if len(option) > CHOICE_MAX:
            problems.append(f"option {name} is longer than {CHOICE_MAX} characters")
        key = _key(option)
        if key in first_seen:
            problems.append(
                f"options {_option_name(first_seen[key])} and {name} are the same "
                f"(“{normalise(option)[:40]}”)"
            )
        else:
            first_seen[key] = index
    if not candidate.correct:
        # A parser that could not read the answer has said so already, more precisely.
        if not any(problem.code == "answer" for problem in candidate.problems):
            problems.append("no option is marked correct")
    elif len(candidate.correct) > 1:
        problems.append(f"{count_words(len(candidate.correct))} options marked correct")
    return problems


def _option_name(index: int) -> str:
    return LETTERS[index] if index < len(LETTERS) else str(index + 1)


def _publish_problems(candidate: Candidate, facts: list[Fact]) -> list[Problem]:
    draft = Question(explanation=candidate.explanation)
    choices = [(text, index in candidate.correct) for index, text in enumerate(candidate.options)]
    found = draft.publish_problems(facts=facts, choices=choices)
    if not found:
        return []
    return [
        candidate.problem(
            f"it cannot be published: {'; '.join(found)}; add what is missing or make it a draft"
        )
    ]


def _duplicate(
    candidate: Candidate,
    key: str,
    options_key: tuple[str, ...],
    bank: _Bank,
    seen: dict[str, list[tuple[Candidate, tuple[str, ...]]]],
) -> tuple[str | None, str | None]:
    """(why it is a duplicate, why it conflicts), at most one of them set."""
    existing = bank.questions.get(key, [])
    for pk, their_options in existing:
        if their_options == options_key:
            return f"already in the bank as question #{pk}", None
    for earlier, their_options in seen.get(key, []):
        if their_options == options_key:
            return f"the same question as {earlier.where}", None
    if existing:
        return None, (
            f"question #{existing[0][0]} has the same text but different options; the importer "
            "never changes a question, so edit it in the admin or reword this one"
        )
    earlier = seen.get(key, [])
    if earlier:
        return None, f"the same text as {earlier[0][0].where} but different options"
    return None, None


def _unknown_topic(name: str, bank: _Bank) -> str:
    known = sorted({name for topic in bank.topics.values() for name in (topic.slug, topic.name)})
    return f"unknown topic “{name}”" + _suggest(name, known, "create it in the admin first")


def _unknown_fact(label: str, bank: _Bank) -> str:
    known = sorted(fact.label for fact in bank.facts.values())
    return f"unknown fact label “{label}”" + _suggest(label, known, "add the fact first")


def _suggest(text: str, known: list[str], otherwise: str) -> str:
    close = difflib.get_close_matches(text, known, n=1, cutoff=0.75)
    return f" (did you mean “{close[0]}”?)" if close else f" ({otherwise})"


# Writing -------------------------------------------------------------------------------------


def _write(
    planned: list[_Planned],
    report: ImportReport,
    author: AbstractBaseUser | None,
    progress: Progress | None,
) -> None:
    if not planned:
        return
    if any(item.topic is None for item in planned):
        default, _created = Topic.objects.get_or_create(
            slug=slugify(DEFAULT_TOPIC), defaults={"name": DEFAULT_TOPIC}
        )
        for item in planned:
            item.topic = item.topic or default
    total = len(planned)
    author_id = author.pk if author is not None and author.pk else None
    for start in range(0, total, BATCH):
        batch = planned[start : start + BATCH]
        questions = Question.objects.bulk_create(
            Question(
                stem=item.candidate.stem,
                explanation=item.candidate.explanation,
                topic=item.topic,
                difficulty=item.difficulty,
                status=item.status,
                author_id=author_id,
            )
            for item in batch
        )
        Choice.objects.bulk_create(
            Choice(
                question=question,
                text=text,
                is_correct=index in item.candidate.correct,
                order=index,
            )
            for question, item in zip(questions, batch, strict=True)
            for index, text in enumerate(item.candidate.options)
        )
        links = Question.facts.through
        links.objects.bulk_create(
            links(question_id=question.pk, fact_id=fact.pk)
            for question, item in zip(questions, batch, strict=True)
            for fact in item.facts
        )
        report.created_ids += [question.pk for question in questions]
        if progress:
            progress("writing", min(start + BATCH, total), total)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
