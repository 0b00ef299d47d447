"""The Aiken reader (questions.formats.aiken)."""

from __future__ import annotations

import pytest

from questions.formats import FileProblem, aiken

TWO = """\
In which year did CEPA come into effect?
A. 2008
B. 2011
C. 2014
ANSWER: B

Which agencies run LUPEX?
A) ISRO and JAXA
B) NASA and ESA
ANSWER: A
"""


def errors(text: str) -> list[str]:
    return [str(problem) for problem in aiken.parse_text(text).errors]


def test_questions_options_and_answers_are_read():
    first, second = aiken.parse_text(TWO).candidates
    assert first.stem == "In which year did CEPA come into effect?"
    assert first.options == ["2008", "2011", "2014"]
    assert first.correct == [1]
    assert second.options == ["ISRO and JAXA", "NASA and ESA"]
    assert second.correct == [0]
    assert [first.where, second.where] == ["line 1", "line 7"]


def test_questions_arrive_as_drafts_without_explanation_topic_or_facts():
    question = aiken.parse_text(TWO).candidates[0]
    assert question.status == "draft"
    assert (question.explanation, question.topic, question.facts) == ("", "", [])


def test_a_question_may_run_over_several_lines_with_blank_ones():
    question = aiken.parse_text(
        "Consider:\n\n1. One\n2. Two\n\nWhich is right?\nA. 1 only\nB. 2 only\nANSWER: A"
    ).candidates[0]
    assert question.stem == "Consider:\n\n1. One\n2. Two\n\nWhich is right?"


def test_no_blank_line_is_needed_between_questions_and_answer_case_does_not_matter():
    parsed = aiken.parse_text("Q1?\nA. a\nB. b\nanswer: b\nQ2?\nA. a\nB. b\nANSWER:a\n")
    assert [c.correct for c in parsed.candidates] == [[1], [0]]


def test_two_letters_in_the_answer_are_kept_for_the_check_to_refuse():
    assert aiken.parse_text("Q?\nA. a\nB. b\nC. c\nANSWER: A, C").candidates[0].correct == [0, 2]


def test_answer_that_is_not_an_option_is_a_problem_on_its_line():
    question = aiken.parse_text("Q?\nA. a\nB. b\nANSWER: D").candidates[0]
    assert [str(p) for p in question.problems] == [
        "line 4: ANSWER: D is not one of the options A–B"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Q?\nA. a\nB. b\n", "line 1: the question has no ANSWER: line"),
        ("Q?\nA. a\nC. c\nANSWER: A", "line 3: option C is out of order; expected B"),
        (
            "Q?\nA. a\nB. b\nSecond question?\nA. x\n",
            "line 4: expected option C. or the ANSWER: line, found “Second question?”",
        ),
        ("ANSWER: A", "line 1: ANSWER: comes before any question text"),
        ("Q?\nANSWER: A", "line 2: ANSWER: comes before any options"),
        (
            "Q?\nA. a\nB. b\nC. c\nD. d\nE. e\nF. f\nG. g\nANSWER: A",
            "line 8: more than six options (A to F)",
        ),
    ],
)
def test_broken_questions_are_errors_with_their_line(text, message):
    assert errors(text) == [message]


def test_reading_goes_on_after_a_broken_question():
    parsed = aiken.parse_text("Bad?\nA. a\nC. c\nANSWER: A\n\nGood?\nA. a\nB. b\nANSWER: B\n")
    assert [c.stem for c in parsed.candidates] == ["Good?"]
    assert errors("Bad?\nA. a\nC. c\nANSWER: A\n\nGood?\nA. a\nB. b\nANSWER: B\n") == [
        "line 3: option C is out of order; expected B"
    ]


def test_text_that_is_not_utf8_is_refused():
    with pytest.raises(FileProblem, match="not UTF-8 text"):
        aiken.parse("Caf\xe9?\nA. a\nB. b\nANSWER: A".encode("cp1252"))
