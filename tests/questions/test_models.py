from __future__ import annotations

from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from questions.models import Fact, Question, Quiz, normalise, validate_negative_mark
from tests.factories import (
    ChoiceFactory,
    FactFactory,
    QuestionFactory,
    QuizFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


# Choice ---------------------------------------------------------------------------------------


def test_choice_second_correct_option_is_refused_by_the_database():
    question = QuestionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ChoiceFactory(question=question, is_correct=True)
    assert question.choices.filter(is_correct=True).count() == 1


def test_choice_wrong_options_are_unlimited_and_other_questions_have_their_own_correct():
    question = QuestionFactory()
    ChoiceFactory(question=question, is_correct=False)
    ChoiceFactory(question=question, is_correct=False)
    other = QuestionFactory()
    assert question.choices.count() == 6
    assert other.choices.filter(is_correct=True).count() == 1


def test_choice_constraint_is_checked_by_validate_constraints():
    question = QuestionFactory()
    second = ChoiceFactory.build(question=question, is_correct=True, text="Another")
    with pytest.raises(ValidationError) as excinfo:
        second.validate_constraints()
    assert "only one correct option" in str(excinfo.value)


# Quiz seconds ---------------------------------------------------------------------------------


@pytest.mark.parametrize("seconds", [4, 601, 0])
def test_quiz_seconds_outside_5_to_600_are_refused_by_the_database(seconds):
    with pytest.raises(IntegrityError), transaction.atomic():
        QuizFactory(seconds_per_question=seconds, questions=[])
    assert not Quiz.objects.exists()


@pytest.mark.parametrize("seconds", [5, 600])
def test_quiz_seconds_at_the_limits_are_accepted(seconds):
    quiz = QuizFactory(seconds_per_question=seconds, questions=[])
    quiz.refresh_from_db()
    assert quiz.seconds_per_question == seconds


@pytest.mark.parametrize("seconds", [4, 601])
def test_quiz_seconds_outside_limits_fail_validation_on_the_field(seconds):
    quiz = QuizFactory.build(seconds_per_question=seconds)
    with pytest.raises(ValidationError) as excinfo:
        quiz.full_clean()
    assert "seconds_per_question" in excinfo.value.message_dict


# Fact quotes ----------------------------------------------------------------------------------


def test_fact_quote_not_in_source_is_refused_on_save():
    source = SourceFactory()
    fact = Fact(label="Bad", statement="Wrong.", source=source, quote="implemented in 1999")
    with pytest.raises(ValidationError) as excinfo:
        fact.save()
    assert "quote" in excinfo.value.message_dict
    assert not Fact.objects.exists()


def test_fact_quote_not_in_source_is_refused_by_full_clean():
    fact = FactFactory.build(source=SourceFactory(), quote="JAXA and NASA")
    with pytest.raises(ValidationError) as excinfo:
        fact.full_clean()
    assert excinfo.value.error_dict["quote"][0].code == "quote_not_in_source"
    assert fact.source.title in excinfo.value.message_dict["quote"][0]


def test_fact_quote_with_other_white_space_and_line_breaks_matches():
    source = SourceFactory()
    quote = "Comprehensive   Economic\nPartnership\r\n\tAgreement (CEPA),  implemented in 2011"
    fact = FactFactory(source=source, quote=quote)
    fact.full_clean()
    assert Fact.objects.filter(pk=fact.pk).exists()


def test_fact_quote_may_run_across_a_paragraph_break():
    fact = FactFactory(quote="India and Japan. The Lunar Polar Exploration Mission")
    fact.full_clean()


def test_fact_quote_matches_typographic_quotes_and_dashes():
    source = SourceFactory(text="The minister said “India’s partner” — Japan — was ready.")
    FactFactory(source=source, quote='said "India\'s partner" - Japan - was ready').full_clean()


def test_fact_empty_or_blank_quote_is_not_in_any_source():
    source = SourceFactory()
    assert not source.contains("   ")
    fact = FactFactory.build(source=source, quote="")
    with pytest.raises(ValidationError) as excinfo:
        fact.full_clean()
    assert "quote" in excinfo.value.message_dict


def test_normalise_collapses_white_space():
    assert normalise("  a\n\n b\t c ") == "a b c"


# Negative mark --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mark", "expected"),
    [("1/3", Fraction(1, 3)), ("1/4", Fraction(1, 4)), ("0.25", Fraction(1, 4)), ("0", 0)],
)
def test_quiz_negative_mark_is_an_exact_fraction(mark, expected):
    quiz = QuizFactory(negative_mark=mark, is_published=False, questions=[])
    quiz.full_clean()
    assert quiz.penalty == expected
    assert isinstance(quiz.penalty, Fraction)


def test_quiz_negative_mark_one_third_is_not_a_float():
    quiz = QuizFactory.build(negative_mark="1/3")
    assert quiz.penalty * 3 == 1
    assert quiz.penalty_display == "1/3"


@pytest.mark.parametrize("mark", ["abc", "2", "-1/3", "1/0", "", "1/3/4", "1.5"])
def test_quiz_negative_mark_invalid_fails_validation(mark):
    with pytest.raises(ValidationError):
        validate_negative_mark(mark)
    quiz = QuizFactory.build(negative_mark=mark)
    with pytest.raises(ValidationError) as excinfo:
        quiz.full_clean()
    assert "negative_mark" in excinfo.value.message_dict


# Question.publish_problems --------------------------------------------------------------------


def test_question_publish_problems_none_for_a_complete_question():
    assert QuestionFactory().publish_problems() == []


def test_question_publish_problems_without_explanation():
    question = QuestionFactory(explanation=" \n ")
    assert question.publish_problems() == ["it has no explanation"]


def test_question_publish_problems_without_fact():
    question = QuestionFactory(facts=[])
    assert question.publish_problems() == ["it cites no fact"]


def test_question_publish_problems_without_correct_option():
    question = QuestionFactory()
    question.choices.update(is_correct=False)
    assert question.publish_problems() == ["it needs exactly one correct option"]


def test_question_publish_problems_with_one_option():
    question = QuestionFactory()
    question.choices.filter(is_correct=False).delete()
    assert question.publish_problems() == ["it has fewer than two options"]


def test_question_publish_problems_for_unsaved_question_lists_everything():
    question = Question(stem="Which?", topic=TopicFactory())
    assert question.publish_problems() == [
        "it has no explanation",
        "it cites no fact",
        "it has fewer than two options",
        "it needs exactly one correct option",
    ]


def test_question_publish_problems_judges_values_passed_by_a_form():
    question = Question(stem="Which?", explanation="Because.", topic=TopicFactory())
    fact = FactFactory()
    assert question.publish_problems(facts=[fact], choices=[("A", True), ("B", False)]) == []
    assert question.publish_problems(facts=[fact], choices=[("A", True), ("B", True)]) == [
        "it needs exactly one correct option"
    ]


def test_question_str_is_short_and_explanation_html_is_rendered():
    question = QuestionFactory(stem="Why " * 40, explanation="**Because**")
    assert len(str(question)) == 80
    assert question.explanation_html == "<p><strong>Because</strong></p>"


def test_question_published_queryset():
    published = QuestionFactory()
    QuestionFactory(status=Question.Status.DRAFT)
    assert list(Question.objects.published()) == [published]


# Quiz.clean -----------------------------------------------------------------------------------


def test_quiz_clean_refuses_publishing_without_published_questions():
    quiz = QuizFactory(is_published=False, questions=[QuestionFactory(status="draft")])
    quiz.is_published = True
    with pytest.raises(ValidationError) as excinfo:
        quiz.full_clean()
    assert "is_published" in excinfo.value.message_dict


def test_quiz_clean_refuses_publishing_an_empty_quiz():
    quiz = QuizFactory(is_published=True, questions=[])
    with pytest.raises(ValidationError) as excinfo:
        quiz.clean()
    assert list(excinfo.value.message_dict) == ["is_published"]


def test_quiz_clean_accepts_publishing_with_a_published_question():
    quiz = QuizFactory(questions=[QuestionFactory(status="draft"), QuestionFactory()])
    quiz.full_clean()


def test_quiz_clean_accepts_an_unpublished_quiz_without_questions():
    QuizFactory(is_published=False, questions=[]).full_clean()


def test_quiz_publish_problems_judges_statuses_passed_by_a_form():
    quiz = Quiz(title="New", slug="new")
    assert quiz.publish_problems(question_statuses=["draft"]) == ["it has no published question"]
    assert quiz.publish_problems(question_statuses=["draft", "published"]) == []


def test_quiz_published_queryset():
    published = QuizFactory(questions=[])
    QuizFactory(is_published=False, questions=[])
    assert list(Quiz.objects.published()) == [published]
