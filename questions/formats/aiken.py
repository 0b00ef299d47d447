"""Aiken, the plainest multiple-choice format (import only)::

    In which year did CEPA come into effect?
    A. 2008
    B) 2011
    C. 2014
    ANSWER: B

The question may run over several lines (blank ones too); options are lettered from A in
order, with ``A.`` or ``A)``; ``ANSWER:`` ends the question. Aiken has no explanation, fact,
topic or difficulty, so its questions arrive as drafts in the topic the importer chooses.
"""

from __future__ import annotations

import re

from . import LETTERS, Candidate, Parsed, Problem, decode_text

_OPTION = re.compile(r"([A-Za-z])[.)]\s+(.*\S)")
_ANSWER = re.compile(r"ANSWER\s*:\s*(.*)", re.IGNORECASE)


def parse(data: bytes) -> Parsed:
    return parse_text(decode_text(data))


def parse_text(text: str) -> Parsed:
    parsed = Parsed()
    stem: list[str] = []
    start = 0
    options: list[str] = []
    skipping = False  # after an error, until the next blank line

    def reset() -> None:
        nonlocal stem, options, start
        stem, options, start = [], [], 0

    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if skipping:
            skipping = bool(stripped)
            continue
        if not stripped and (options or not stem):
            continue
        if not start:
            start = number
        option = _OPTION.fullmatch(stripped)
        answer = _ANSWER.fullmatch(stripped)
        if answer:
            if not stem or not options:
                what = "question text" if not stem else "options"
                parsed.errors.append(Problem(number, f"ANSWER: comes before any {what}"))
            else:
                parsed.candidates.append(_candidate(start, number, stem, options, answer[1]))
            reset()
        elif option and (options or stem):
            letter = option[1].upper()
            expected = LETTERS[len(options)] if len(options) < len(LETTERS) else None
            if letter != expected:
                message = (
                    f"option {letter} is out of order; expected {expected}"
                    if expected
                    else "more than six options (A to F)"
                )
                parsed.errors.append(Problem(number, message))
                reset()
                skipping = True
            else:
                options.append(option[2])
        elif options:
            following = LETTERS[len(options)] if len(options) < len(LETTERS) else ""
            expect = f"option {following}. or " if following else ""
            parsed.errors.append(
                Problem(number, f"expected {expect}the ANSWER: line, found “{_short(stripped)}”")
            )
            reset()
            skipping = True
        else:
            stem.append(line.rstrip())
    if stem or options:
        parsed.errors.append(Problem(start, "the question has no ANSWER: line"))
    return parsed


def _candidate(
    start: int, number: int, stem: list[str], options: list[str], answer: str
) -> Candidate:
    problems = []
    correct = []
    for letter in filter(None, re.split(r"[\s,;]+", answer.strip().upper())):
        if len(letter) != 1 or letter not in LETTERS[: len(options)]:
            last = LETTERS[len(options) - 1]
            message = f"ANSWER: {letter} is not one of the options A–{last}"
            problems.append(Problem(number, message, code="answer"))
        elif LETTERS.index(letter) not in correct:
            correct.append(LETTERS.index(letter))
    return Candidate(
        number=start,
        unit="line",
        stem="\n".join(stem).strip(),
        options=options,
        correct=correct,
        status="draft",
        problems=problems,
    )


def _short(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
