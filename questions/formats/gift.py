"""GIFT (Moodle's question text format), its multiple-choice part, read and written.

What is read::

    $CATEGORY: $course$/top/economy          the topic of the questions below (last part)

    // facts: CEPA 2011; CEPA coverage       fact labels of the next question (our convention)
    // difficulty: 2                         likewise 1-3 or easy/medium/hard
    // status: published                     likewise draft or published
    ::Title::[markdown]Question text {       title is ignored; [markdown] [html] [plain] [moodle]
        ~wrong option#feedback for it
        =right option#feedback for it
        ####general feedback, imported as the explanation
    }

Questions are separated by a blank line; other ``//`` lines are comments. ``\\~ \\= \\# \\{ \\}
\\:`` and ``\\\\`` are the characters themselves and ``\\n`` is a line break. Per-option feedback
has no place in the bank, so it is appended to the explanation as a list, one item per option.
True/false, short-answer, numeric, matching, missing-word, essay and weighted (``%50%``)
questions are refused with the line they are on.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from html import unescape
from html.parser import HTMLParser

from . import LETTERS, Candidate, Parsed, Problem, decode_text, split_facts

# Escapes become private-use characters while the syntax is read, then the characters again.
_ESCAPES = {"\\\\": "\ue000", "\\~": "\ue001", "\\=": "\ue002", "\\#": "\ue003"}
_ESCAPES |= {"\\{": "\ue004", "\\}": "\ue005", "\\:": "\ue006"}
_RESTORE = {held: escape[1] for escape, held in _ESCAPES.items()}
_ESCAPE_RE = re.compile("|".join(re.escape(escape) for escape in _ESCAPES))
_META = re.compile(r"//\s*(facts|difficulty|status)\s*:\s*(.*)$", re.IGNORECASE)
_TITLE = re.compile(r"\s*::(.*?)::", re.DOTALL)
_FORMAT = re.compile(r"\s*\[(markdown|html|plain|moodle)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"\s*%(-?\d+(?:\.\d+)?)%")
_TRUE_FALSE = re.compile(r"(T|F|TRUE|FALSE)\s*(#|$)", re.IGNORECASE)


def parse(data: bytes) -> Parsed:
    return parse_text(decode_text(data))


def parse_text(text: str) -> Parsed:
    parsed = Parsed()
    category = ""
    pending: dict[str, tuple[str, int]] = {}
    for block in _blocks(text.split("\n")):
        meta: dict[str, tuple[str, int]] = {}
        body: list[tuple[int, str]] = []
        for number, line in block:
            stripped = line.strip()
            if stripped.startswith("//"):
                if found := _META.match(stripped):
                    meta[found[1].lower()] = (found[2].strip(), number)
                continue
            if not body and stripped.upper().startswith("$CATEGORY:"):
                category = _category(stripped[len("$CATEGORY:") :])
                continue
            body.append((number, line))
        if not body:
            pending |= meta
            continue
        _question(body, {**pending, **meta}, category, parsed)
        pending = {}
    for key, (_value, number) in pending.items():
        parsed.warnings.append(Problem(number, f"“// {key}:” is not followed by a question"))
    return parsed


def _blocks(lines: list[str]) -> Iterable[list[tuple[int, str]]]:
    block: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            block.append((number, line))
        elif block:
            yield block
            block = []
    if block:
        yield block


def _category(path: str) -> str:
    parts = [part.strip() for part in path.replace("//", "\ue007").split("/")]
    parts = [part.replace("\ue007", "/") for part in parts if part and not part.startswith("$")]
    return parts[-1] if parts else ""


def _protect(text: str) -> str:
    return _ESCAPE_RE.sub(lambda found: _ESCAPES[found[0]], text)


def _restore(text: str) -> str:
    text = text.replace("\\n", "\n")
    return "".join(_RESTORE.get(char, char) for char in text)


class _Lines:
    """Maps an offset in a question's joined text back to its line in the file."""

    def __init__(self, body: list[tuple[int, str]]):
        self.numbers = [number for number, _line in body]
        self.starts = []
        offset = 0
        for _number, line in body:
            self.starts.append(offset)
            offset += len(line) + 1

    def at(self, offset: int) -> int:
        return self.numbers[bisect_right(self.starts, offset) - 1]


def _question(
    body: list[tuple[int, str]],
    meta: dict[str, tuple[str, int]],
    category: str,
    parsed: Parsed,
) -> None:
    # Escapes are protected line by line, so offsets in ``text`` map back to lines exactly.
    body = [(number, _protect(line)) for number, line in body]
    lines = _Lines(body)
    text = "\n".join(line for _number, line in body)
    first = body[0][0]

    def fail(offset: int, message: str) -> None:
        parsed.errors.append(Problem(lines.at(offset), message))

    position = 0
    if title := _TITLE.match(text):
        position = title.end()
    is_html = False
    if text_format := _FORMAT.match(text, position):
        is_html = text_format[1].lower() == "html"
        position = text_format.end()
    opening = text.find("{", position)
    if opening == -1:
        return fail(0, "no answer block: put the options between { and }")
    closing = text.find("}", opening)
    if closing == -1:
        return fail(opening, "the answer block opened here is never closed with }")
    if (inner := text.find("{", opening + 1, closing)) != -1:
        return fail(inner, "a { inside the answer block; write \\{ for the character itself")
    if trailing := text[closing + 1 :].strip():
        return fail(
            closing,
            f"text after the answer block (“{_short(_restore(trailing))}”): leave a blank line "
            "before the next question; missing-word questions are not supported",
        )
    answers = text[opening + 1 : closing]
    explanation = ""
    if (general := answers.find("####")) != -1:
        explanation = _restore(answers[general + 4 :]).strip()
        answers = answers[:general]
    start = opening + 1 + len(answers) - len(answers.lstrip())
    answers = answers.strip()
    if not answers:
        return fail(opening, "an empty answer block {} is an essay question; only multiple choice")
    if answers[0] == "#":
        return fail(start, "{# …} is a numeric question; only multiple choice is supported")
    if _TRUE_FALSE.match(answers):
        return fail(start, "{T} and {F} are true/false questions; only multiple choice")
    if answers[0] not in "=~":
        return fail(start, "each option starts with = (the right one) or ~ (a wrong one)")

    options: list[str] = []
    correct: list[int] = []
    feedback: list[tuple[int, str]] = []
    problems: list[Problem] = []
    for found in re.finditer(r"([=~])([^=~]*)", answers):
        mark, answer = found[1], found[2]
        if weight := _WEIGHT.match(answer):
            if float(weight[1]) != (100 if mark == "=" else 0):
                message = (
                    f"weighted options (%{weight[1]}%) are not supported; "
                    "mark the right option with = and the others with ~"
                )
                problems.append(Problem(lines.at(start + found.start()), message))
            answer = answer[weight.end() :]
        option, _hash, remark = answer.partition("#")
        if mark == "=":
            correct.append(len(options))
        if remark.strip():
            feedback.append((len(options), _restore(remark).strip()))
        options.append(_restore(option).strip())
    if options and "~" not in answers:
        kind = "matching" if any("->" in option for option in options) else "short-answer"
        return fail(start, f"only = options make a {kind} question; mark wrong options with ~")

    stem = _restore(text[position:opening]).strip()
    if is_html:
        stem, options = _text(stem), [_text(option) for option in options]
    if feedback:
        notes = "\n".join(
            f"- {LETTERS[index] if index < len(LETTERS) else index + 1}. {options[index]}: {remark}"
            for index, remark in feedback
        )
        explanation = f"{explanation}\n\n{notes}" if explanation else notes
    parsed.candidates.append(
        Candidate(
            number=first,
            unit="line",
            stem=stem,
            options=options,
            correct=correct,
            explanation=explanation,
            topic=category,
            difficulty=meta.get("difficulty", ("", 0))[0],
            facts=split_facts(meta.get("facts", ("", 0))[0]),
            status=meta.get("status", ("", 0))[0],
            problems=problems,
        )
    )


def _short(text: str, size: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


class _TextOnly(HTMLParser):
    BREAKS = {"br", "p", "div", "li", "tr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def _text(html: str) -> str:
    """Plain text from a little HTML: tags dropped, breaks kept, entities decoded."""
    reader = _TextOnly()
    reader.feed(html)
    reader.close()
    text = unescape("".join(reader.parts))
    return "\n".join(" ".join(line.split()) for line in text.strip().split("\n")).strip()


# Writing -------------------------------------------------------------------------------------


def escape(text: str) -> str:
    """``text`` with GIFT's special characters escaped and line breaks as ``\\n``."""
    text = text.replace("\\", "\\\\")
    for char in "~=#{}":
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def dump(candidates: Iterable[Candidate]) -> str:
    """GIFT for ``candidates``, with a ``$CATEGORY`` line whenever the topic changes."""
    out = [
        "// Multiple-choice questions in GIFT. Fact labels, difficulty and status travel in the",
        "// comment lines before each question; the explanation is the #### general feedback.",
        "",
    ]
    category = None
    for candidate in candidates:
        if candidate.topic != category:
            category = candidate.topic
            out += [f"$CATEGORY: {category}", ""]
        if candidate.facts:
            out.append(f"// facts: {'; '.join(candidate.facts)}")
        if candidate.difficulty:
            out.append(f"// difficulty: {candidate.difficulty}")
        if candidate.status:
            out.append(f"// status: {candidate.status}")
        stem = escape(candidate.stem)
        if stem.startswith(":"):
            stem = "\\" + stem
        out.append(f"[markdown]{stem} {{")
        for index, option in enumerate(candidate.options):
            out.append(f"\t{'=' if index in candidate.correct else '~'}{escape(option)}")
        if candidate.explanation:
            out.append(f"\t####{escape(candidate.explanation)}")
        out += ["}", ""]
    return "\n".join(out)
