"""Question file formats: what a parser finds in a file, before it is checked against the bank.

Each format module (``tabular``, ``gift``, ``aiken``) turns bytes or text into a ``Parsed``: the
questions it could read, as ``Candidate``s, and the ``Problem``s it met, each with the row or
line it is on. ``questions.importing`` checks candidates against the bank and writes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LETTERS = "ABCDEF"
NUMBER_WORDS = {0: "no", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong (or worth a warning) at one row or line of a file; number 0 is the file.

    ``code`` names the kind of problem where another check depends on it.
    """

    number: int
    message: str
    unit: str = "line"
    code: str = field(default="", compare=False)

    def __str__(self) -> str:
        return f"{self.unit} {self.number}: {self.message}" if self.number else self.message


@dataclass
class Candidate:
    """One question as a file gives it, with values still as written (checked later).

    ``correct`` holds the indexes of every option the file marks correct, so the check can say
    "two options marked correct" rather than the parser guessing which one was meant.
    ``problems`` are what the parser already found wrong with this question; the check adds its
    own, so every error of a question is reported at once.
    """

    number: int
    unit: str
    stem: str
    options: list[str]
    correct: list[int]
    explanation: str = ""
    topic: str = ""
    difficulty: str = ""
    facts: list[str] = field(default_factory=list)
    status: str = ""
    problems: list[Problem] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"{self.unit} {self.number}"

    def problem(self, message: str) -> Problem:
        return Problem(self.number, message, self.unit)


@dataclass
class Parsed:
    """What a parser read from a file."""

    candidates: list[Candidate] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


class FileProblem(Exception):
    """The file as a whole cannot be read (encoding, size, not the format it claims)."""


def split_facts(text: str) -> list[str]:
    """Fact labels from ``text``, where they are separated by ``;``."""
    return [label.strip() for label in text.split(";") if label.strip()]


def count_words(count: int) -> str:
    return NUMBER_WORDS.get(count, str(count))


def decode_text(data: bytes) -> str:
    """UTF-8 text from ``data`` (a byte-order mark is dropped), or a FileProblem saying why not."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem("the file is UTF-16 text; save it as UTF-8 (in Excel: “CSV UTF-8”)")
    if b"\x00" in data[:8192]:
        raise FileProblem("the file is binary, not text; is it a workbook (use the xlsx format)?")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FileProblem(
            f"not UTF-8 text (line {line} has the byte 0x{data[error.start]:02x}); "
            "save the file as UTF-8 (in Excel: “CSV UTF-8”)"
        ) from None
    # Line numbers count \n, \r\n and lone \r alike.
    return text.replace("\r\n", "\n").replace("\r", "\n")
