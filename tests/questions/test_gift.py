"""The GIFT reader and writer (questions.formats.gift)."""

from __future__ import annotations

import pytest

from questions.formats import Candidate, FileProblem, gift


def one(text: str) -> Candidate:
    parsed = gift.parse_text(text)
    assert parsed.errors == [], parsed.errors
    assert len(parsed.candidates) == 1
    return parsed.candidates[0]


def errors(text: str) -> list[str]:
    return [str(problem) for problem in gift.parse_text(text).errors]


def test_multiple_choice_reads_options_in_order_with_the_right_one_marked():
    question = one("When did CEPA come into effect? {\n~2008\n=2011\n~2014\n}\n")
    assert question.stem == "When did CEPA come into effect?"
    assert question.options == ["2008", "2011", "2014"]
    assert question.correct == [1]
    assert question.where == "line 1"


def test_answers_on_one_line_and_title_ignored():
    question = one("::CEPA year::When did CEPA come into effect? {~2008 =2011 ~2014}")
    assert question.stem == "When did CEPA come into effect?"
    assert question.options == ["2008", "2011", "2014"]
    assert question.correct == [1]


def test_question_text_over_several_lines_keeps_its_line_breaks():
    question = one("Consider:\n1. One\n2. Two\nWhich is right? {\n=1 only\n~2 only\n}")
    assert question.stem == "Consider:\n1. One\n2. Two\nWhich is right?"


def test_general_feedback_is_the_explanation():
    question = one("Q? {\n=yes\n~no\n####Because **yes**.\n}")
    assert question.explanation == "Because **yes**."


def test_option_feedback_is_appended_to_the_explanation_as_a_list():
    question = one("Q? {\n=yes#Right: it is.\n~no#No: it is not.\n####Because.\n}")
    assert question.options == ["yes", "no"]
    assert question.explanation == "Because.\n\n- A. yes: Right: it is.\n- B. no: No: it is not."


def test_option_feedback_without_general_feedback_is_the_whole_explanation():
    question = one("Q? {=yes ~no#Not this one.}")
    assert question.explanation == "- B. no: Not this one."


def test_category_sets_the_topic_of_the_questions_below_it():
    parsed = gift.parse_text(
        "$CATEGORY: $course$/top/Economy\n\nA? {=a ~b}\n\nB? {=a ~b}\n\n"
        "$CATEGORY: defence-security\n\nC? {=a ~b}\n"
    )
    assert [c.topic for c in parsed.candidates] == ["Economy", "Economy", "defence-security"]


def test_questions_before_any_category_have_no_topic():
    assert one("A? {=a ~b}").topic == ""


def test_escaped_characters_are_the_characters_themselves():
    question = one(
        "::t::Is 1 \\= 1 \\~ \\# \\{ok\\} \\: yes? {\n=a \\= b\n~c\\#d\n~e\\~f\n~back\\\\slash\n}"
    )
    assert question.stem == "Is 1 = 1 ~ # {ok} : yes?"
    assert question.options == ["a = b", "c#d", "e~f", "back\\slash"]


def test_backslash_n_is_a_line_break():
    question = one("Intro\\n\\n1. One\\nWhich? {=a ~b}")
    assert question.stem == "Intro\n\n1. One\nWhich?"


def test_markdown_and_plain_prefixes_keep_the_text():
    assert one("[markdown]Is **this** bold? {=yes ~no}").stem == "Is **this** bold?"
    assert one("::t::[plain]Plain? {=yes ~no}").stem == "Plain?"


def test_html_prefix_turns_the_question_and_options_into_text():
    question = one("[html]<p>Is <b>this</b> &amp; that<br>true?</p> {=<i>yes</i> ~no}")
    assert question.stem == "Is this & that\ntrue?"
    assert question.options == ["yes", "no"]


def test_comments_are_ignored():
    question = one("// a comment\nQ? {\n// between options\n=yes\n~no\n}")
    assert question.options == ["yes", "no"]
    assert question.where == "line 2"


def test_fact_difficulty_and_status_comments_belong_to_the_next_question():
    parsed = gift.parse_text(
        "// facts: CEPA 2011; SGSP 2014\n// difficulty: hard\n// status: published\n"
        "Q1? {=a ~b}\n\nQ2? {=a ~b}\n"
    )
    first, second = parsed.candidates
    assert first.facts == ["CEPA 2011", "SGSP 2014"]
    assert (first.difficulty, first.status) == ("hard", "published")
    assert (second.facts, second.difficulty, second.status) == ([], "", "")


def test_fact_comment_in_its_own_block_applies_to_the_next_question():
    question = one("// facts: LUPEX\n\nQ? {=a ~b}")
    assert question.facts == ["LUPEX"]


def test_fact_comment_with_no_question_after_it_is_a_warning():
    parsed = gift.parse_text("Q? {=a ~b}\n\n// facts: LUPEX\n")
    assert [str(w) for w in parsed.warnings] == [
        "line 3: “// facts:” is not followed by a question"
    ]


def test_two_right_options_are_both_kept_for_the_check_to_refuse():
    assert one("Q? {=a =b ~c}").correct == [0, 1]


def test_weighted_options_are_refused_on_their_line():
    question = gift.parse_text("Q? {\n=a\n~%50%b\n~c\n}").candidates[0]
    assert [str(p) for p in question.problems] == [
        "line 3: weighted options (%50%) are not supported; mark the right option with = and "
        "the others with ~"
    ]


def test_full_weights_are_the_same_as_none():
    question = one("Q? {=%100%a ~%0%b}")
    assert (question.options, question.problems) == (["a", "b"], [])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("\n\nNo answers here", "line 3: no answer block: put the options between { and }"),
        ("Q?\n{\n=a\n~b", "line 2: the answer block opened here is never closed with }"),
        ("Q? {=a {~b}", "line 1: a { inside the answer block; write \\{ for the character itself"),
        (
            "Q? {=a ~b} more text",
            "line 1: text after the answer block (“more text”): leave a blank line before the "
            "next question; missing-word questions are not supported",
        ),
        (
            "Essay? {}",
            "line 1: an empty answer block {} is an essay question; only multiple choice",
        ),
        (
            "How many? {#3:1}",
            "line 1: {# …} is a numeric question; only multiple choice is supported",
        ),
        ("True? {T}", "line 1: {T} and {F} are true/false questions; only multiple choice"),
        ("True? {FALSE#No.}", "line 1: {T} and {F} are true/false questions; only multiple choice"),
        ("Q? {\nyes\n=no}", "line 2: each option starts with = (the right one) or ~ (a wrong one)"),
        (
            "Q? {=a =b}",
            "line 1: only = options make a short-answer question; mark wrong options with ~",
        ),
        (
            "Match {=a -> 1 =b -> 2}",
            "line 1: only = options make a matching question; mark wrong options with ~",
        ),
    ],
)
def test_unsupported_or_broken_questions_are_errors_with_their_line(text, message):
    assert errors(text) == [message]


def test_errors_do_not_stop_the_other_questions_being_read():
    parsed = gift.parse_text("Good? {=a ~b}\n\nBad? {T}\n\nAlso good? {=a ~b}")
    assert [c.stem for c in parsed.candidates] == ["Good?", "Also good?"]
    assert [str(p) for p in parsed.errors] == [
        "line 3: {T} and {F} are true/false questions; only multiple choice"
    ]


def test_line_numbers_count_every_line_of_the_file():
    parsed = gift.parse_text(
        "// header\n\n$CATEGORY: economy\n\nFirst? {=a ~b}\n\n\nSecond? {\n=a\n~b}"
    )
    assert [c.where for c in parsed.candidates] == ["line 5", "line 8"]


def test_windows_line_endings_and_a_byte_order_mark_are_read():
    parsed = gift.parse("\ufeffQ1? {=a ~b}\r\n\r\nQ2? {=a ~b}\r\n".encode())
    assert [c.stem for c in parsed.candidates] == ["Q1?", "Q2?"]


def test_text_that_is_not_utf8_is_refused():
    with pytest.raises(FileProblem, match="not UTF-8 text"):
        gift.parse("Caf\xe9? {=a ~b}".encode("latin-1"))


def test_binary_data_is_refused():
    with pytest.raises(FileProblem, match="binary"):
        gift.parse(b"PK\x03\x04\x00\x00binary")


def test_dump_then_parse_gives_the_same_questions():
    questions = [
        Candidate(
            number=1,
            unit="question",
            stem="Consider:\n\n1. A = B\n2. {braces} ~tilde #hash\n\nWhich is right?",
            options=["1 only", "2 only", "back\\slash", "colon: here"],
            correct=[2],
            explanation="Because **1**:\n\n- a list item\n- # not a heading",
            topic="economy",
            difficulty="3",
            facts=["CEPA 2011", "SGSP 2014"],
            status="published",
        ),
        Candidate(
            number=2,
            unit="question",
            stem=":: not a title :: [html] not a prefix",
            options=["yes", "no"],
            correct=[0],
            topic="economy",
        ),
        Candidate(
            number=3, unit="question", stem="T", options=["x", "y"], correct=[1], topic="energy"
        ),
    ]
    parsed = gift.parse_text(gift.dump(questions))
    assert parsed.errors == []
    fields = ("stem", "options", "correct", "explanation", "topic", "difficulty", "facts", "status")
    for read, written in zip(parsed.candidates, questions, strict=True):
        assert {f: getattr(read, f) for f in fields} == {f: getattr(written, f) for f in fields}


def test_dump_writes_a_category_only_when_the_topic_changes():
    questions = [
        Candidate(
            number=n, unit="question", stem=f"Q{n}?", options=["a", "b"], correct=[0], topic=t
        )
        for n, t in enumerate(["economy", "economy", "energy"])
    ]
    text = gift.dump(questions)
    assert text.count("$CATEGORY:") == 2


def test_line_numbers_stay_right_after_escapes_on_earlier_lines():
    question = gift.parse_text("Q \\= \\~ \\# \\{ \\}? {\n=a \\= b \\= c\n~%50%b\n}").candidates[0]
    assert [str(p) for p in question.problems][0].startswith("line 3: weighted options")
