"""How fast question import is: 5,000 questions from CSV and from GIFT into a fresh SQLite bank.

Run on demand (not part of the test suite)::

    .venv/bin/python bench/import_bench.py [--questions 5000] [--no-docs]

It makes a throwaway SQLite database in a temporary folder, writes a CSV and a GIFT file of
generated questions (four options, two facts, an explanation each), and times, on the same
database and in the same run:

- the baseline: a bare ``bulk_create`` of the same questions, options and fact links, with no
  parsing or checking, i.e. the least any import could cost;
- ``import_file`` for the CSV and for the GIFT file (parse, check, write, all or nothing);
- a dry run of the CSV, and importing the CSV a second time (everything skipped as duplicates).

It prints seconds and questions per second, with each figure's ratio to the baseline, and
writes them into the "Import" section of docs/performance.md (other sections are kept).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import platform
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import DOC, write_section  # noqa: E402
from bench.common import setup_sqlite_django as setup_django  # noqa: E402

SECTION = "## Import"
TARGET_SECONDS = 60


def make_bank():
    from questions.models import Fact, Source, Topic

    sentences = [f"Fact number {n} is stated in this sentence of the source." for n in range(20)]
    source = Source.objects.create(
        title="Benchmark source", slug="bench", publisher="Bench", text="\n".join(sentences)
    )
    topics = [Topic.objects.create(name=f"Topic {n}", slug=f"topic-{n}") for n in range(7)]
    facts = [
        Fact.objects.create(label=f"Fact {n}", statement=sentence, source=source, quote=sentence)
        for n, sentence in enumerate(sentences)
    ]
    return topics, facts


def make_candidates(count: int, topics, facts):
    from questions.formats import Candidate

    rng = random.Random(2025)
    candidates = []
    for n in range(count):
        year = 1990 + n % 30
        options = [f"{year + offset} (variant {n})" for offset in (0, 3, 6, 9)]
        rng.shuffle(options)
        candidates.append(
            Candidate(
                number=n,
                unit="question",
                stem=f"Question {n}: in which year did agreement number {n} come into effect?\n\n"
                "1. It was signed first.\n2. It came into effect later.\n\nPick one.",
                options=options,
                correct=[rng.randrange(4)],
                explanation=f"Agreement {n} came into effect in **{year}**; the other years are "
                "those of later reviews.",
                topic=topics[n % len(topics)].slug,
                difficulty=str(1 + n % 3),
                facts=sorted({facts[n % len(facts)].label, facts[(n * 7) % len(facts)].label}),
                status="published",
            )
        )
    return candidates


def as_csv(candidates) -> bytes:
    from questions.formats import tabular

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=tabular.COLUMNS)
    writer.writeheader()
    writer.writerows(tabular.cells(candidate) for candidate in candidates)
    return out.getvalue().encode()


def as_gift(candidates) -> bytes:
    from questions.formats import gift

    return gift.dump(candidates).encode()


def clear() -> None:
    from questions.models import Choice, Question

    Question.facts.through.objects.all().delete()
    Choice.objects.all().delete()
    Question.objects.all().delete()


def baseline(candidates, topics, facts) -> None:
    """The same rows written with bulk_create and nothing else."""
    from django.db import transaction

    from questions.models import Choice, Question

    topic_by_slug = {topic.slug: topic for topic in topics}
    fact_by_label = {fact.label: fact for fact in facts}
    with transaction.atomic():
        questions = Question.objects.bulk_create(
            Question(
                stem=c.stem,
                explanation=c.explanation,
                topic=topic_by_slug[c.topic],
                difficulty=int(c.difficulty),
                status=c.status,
            )
            for c in candidates
        )
        Choice.objects.bulk_create(
            Choice(question=q, text=text, is_correct=i in c.correct, order=i)
            for q, c in zip(questions, candidates, strict=True)
            for i, text in enumerate(c.options)
        )
        links = Question.facts.through
        links.objects.bulk_create(
            links(question_id=q.pk, fact_id=fact_by_label[label].pk)
            for q, c in zip(questions, candidates, strict=True)
            for label in c.facts
        )


def timed(label: str, action, results: list) -> float:
    start = time.perf_counter()
    outcome = action()
    seconds = time.perf_counter() - start
    results.append((label, seconds, outcome))
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=5000)
    parser.add_argument("--no-docs", action="store_true", help="print only")
    args = parser.parse_args()
    count = args.questions

    with tempfile.TemporaryDirectory(prefix="import-bench-") as folder:
        setup_django(folder)
        from questions.importing import import_file
        from questions.models import Choice, Question

        topics, facts = make_bank()
        candidates = make_candidates(count, topics, facts)
        files = {"csv": as_csv(candidates), "gift": as_gift(candidates)}
        results: list[tuple[str, float, object]] = []

        def run(fmt: str, dry_run: bool = False):
            report = import_file(files[fmt], fmt=fmt, dry_run=dry_run)
            assert not report.errors, report.errors[:5]
            return report

        base = timed(
            "baseline: bare bulk_create", lambda: baseline(candidates, topics, facts), results
        )
        assert Question.objects.count() == count and Choice.objects.count() == 4 * count
        clear()
        timed("CSV dry run (parse and check)", lambda: run("csv", dry_run=True), results)
        timed("CSV import", lambda: run("csv"), results)
        assert Question.objects.count() == count and Choice.objects.count() == 4 * count
        timed("CSV again (all skipped)", lambda: run("csv"), results)
        assert Question.objects.count() == count
        clear()
        timed("GIFT import", lambda: run("gift"), results)
        assert Question.objects.count() == count

    rows = [
        (label, seconds, count / seconds, seconds / base) for label, seconds, _outcome in results
    ]
    sizes = {fmt: len(data) / (1024 * 1024) for fmt, data in files.items()}
    lines = table(rows, count, sizes)
    print("\n".join(lines))
    slowest = max(seconds for label, seconds, *_ in rows if "import" in label)
    verdict = "under" if slowest < TARGET_SECONDS else "OVER"
    print(f"\nSlowest import: {slowest:.2f} s for {count:,} questions ({verdict} the 60 s target).")
    if not args.no_docs:
        write_docs(lines, slowest)
        print(f"Written to {DOC.relative_to(ROOT)} ({SECTION}).")


def table(rows, count: int, sizes: dict[str, float]) -> list[str]:
    machine = (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )
    lines = [
        f"{count:,} generated questions (4 options, 2 facts, an explanation each); CSV "
        f"{sizes['csv']:.1f} MB, GIFT {sizes['gift']:.1f} MB; fresh SQLite database; {machine}; "
        f"measured {time.strftime('%Y-%m-%d')}.",
        "",
        "| run | seconds | questions/s | × baseline |",
        "| --- | ---: | ---: | ---: |",
    ]
    for label, seconds, rate, ratio in rows:
        lines.append(f"| {label} | {seconds:.2f} | {rate:,.0f} | {ratio:.1f} |")
    return lines


def write_docs(lines: list[str], slowest: float) -> None:
    section = [
        SECTION,
        "",
        "`bench/import_bench.py` (run on demand) imports the same questions from CSV and GIFT "
        "through `questions.importing.import_file`, the code the admin and `import_questions` "
        "use, and compares each run with a bare `bulk_create` of the same rows in the same "
        "run. The target is 5,000 questions in under a minute.",
        "",
        *lines,
        "",
        f"Slowest import: {slowest:.1f} s. The import reads the existing bank once (topics, "
        "facts, every stem and option for the duplicate check) and writes in batches of 500 "
        "with `bulk_create`, so its cost over the baseline is parsing and checking.",
        "",
    ]
    write_section(section)


if __name__ == "__main__":
    main()
