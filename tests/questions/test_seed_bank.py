"""The seeded question bank, as ``load_seed_bank`` puts it in the database."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from questions.models import Choice, Fact, Question, Quiz, QuizQuestion, Source, Topic
from questions.seed import bank

SEED_DIR = Path(bank.__file__).resolve().parent
COMMAND = SEED_DIR.parent / "management" / "commands" / "load_seed_bank.py"


def load() -> str:
    out = StringIO()
    call_command("load_seed_bank", stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded(db) -> str:
    return load()


def snapshot() -> dict[str, object]:
    """Every seeded row's id and content, so two loads can be compared exactly."""
    return {
        "sources": sorted(Source.objects.values_list("pk", "slug", "text")),
        "topics": sorted(Topic.objects.values_list("pk", "slug", "name")),
        "facts": sorted(Fact.objects.values_list("pk", "label", "quote", "source_id")),
        "questions": sorted(Question.objects.values_list("pk", "stem", "updated_at", "status")),
        "choices": sorted(Choice.objects.values_list("pk", "question_id", "order", "is_correct")),
        "facts_cited": sorted(Question.facts.through.objects.values_list("pk", "question_id")),
        "quizzes": sorted(Quiz.objects.values_list("pk", "slug", "negative_mark")),
        "quiz_questions": sorted(QuizQuestion.objects.values_list("pk", "quiz_id", "order")),
    }


def test_bank_structure_has_no_problems():
    assert bank.problems() == []


def test_load_creates_the_bank(seeded):
    assert Source.objects.count() >= 2
    assert Fact.objects.count() >= 40
    assert Question.objects.published().count() >= 45
    assert Quiz.objects.published().count() >= 4
    assert "nothing changed" not in seeded
    assert f"{len(bank.QUESTIONS)} questions" in seeded


def test_every_fact_quote_is_in_its_source(seeded):
    misquoted = [
        f.label for f in Fact.objects.select_related("source") if not f.source.contains(f.quote)
    ]
    assert misquoted == []


def test_sources_keep_the_article_body_without_page_furniture(seeded):
    geg = Source.objects.get(slug="geg365-india-japan-2025")
    vision = Source.objects.get(slug="visionias-india-japan-partnership")
    assert geg.published_on is None and geg.dates == "2025"
    assert str(vision.published_on) == "2025-10-04"
    assert "In conclusion, the India-Japan relationship" in geg.text
    assert "Share this article" not in geg.text
    assert "Related Resources" not in geg.text
    assert 'under Indiaʼs "Act East Policy"' in vision.text
    for furniture in ("Monthly Magazine Logo", "Download Current Article", "Quick Start"):
        assert furniture not in vision.text


def test_every_published_question_is_well_formed(seeded):
    for question in Question.objects.published().prefetch_related("choices", "facts"):
        choices = list(question.choices.all())
        assert len(choices) == 4, question
        assert sum(c.is_correct for c in choices) == 1, question
        assert [c.order for c in choices] == [0, 1, 2, 3], question
        assert len({c.text for c in choices}) == 4, question
        assert question.explanation.strip(), question
        assert question.facts.exists(), question
        assert question.publish_problems() == [], question


def test_correct_options_are_spread_over_all_four_letters(seeded):
    letters = Counter(
        "ABCD"[choice.order]
        for choice in Choice.objects.filter(question__status="published", is_correct=True)
    )
    assert set(letters) == set("ABCD")
    assert min(letters.values()) >= 5, letters


def test_every_topic_in_the_brief_has_questions(seeded):
    for slug in (
        "economy",
        "defence-security",
        "science-space",
        "multilateral-order",
        "connectivity-development",
    ):
        assert Question.objects.published().filter(topic__slug=slug).count() >= 3, slug


def test_every_published_quiz_is_playable_at_19_seconds(seeded):
    for quiz in Quiz.objects.published():
        assert quiz.seconds_per_question == 19, quiz
        assert quiz.questions.published().exists(), quiz
        assert quiz.publish_problems() == [], quiz
        assert quiz.description.strip(), quiz


def test_themed_quizzes_have_ten_to_fifteen_questions_and_no_penalty(seeded):
    themed = Quiz.objects.exclude(slug__in=["india-japan-relations", "quick-five"])
    assert themed.count() >= 3
    for quiz in themed:
        assert 10 <= quiz.questions.count() <= 15, quiz
        assert quiz.penalty == 0
        assert quiz.feedback_mode == Quiz.Feedback.EACH
    assert themed.filter(shuffle_options=True).exists()


def test_mixed_quiz_is_upsc_style(seeded):
    quiz = Quiz.objects.get(slug="india-japan-relations")
    assert 18 <= quiz.questions.count() <= 22
    assert quiz.penalty == Fraction(1, 3)
    assert quiz.feedback_mode == Quiz.Feedback.END
    orders = list(quiz.quiz_questions.values_list("order", flat=True))
    assert orders == sorted(orders) and len(set(orders)) == len(orders)


def test_quick_five_has_five_questions(seeded):
    quiz = Quiz.objects.get(slug="quick-five")
    assert quiz.questions.published().count() == 5
    assert quiz.feedback_mode == Quiz.Feedback.EACH


@pytest.mark.parametrize(
    "label", ["CEPA 2011", "SGSP 2014", "SSGP 2014 (Vision IAS naming)", "AAGC 2017", "LUPEX"]
)
def test_anchor_facts_exist(seeded, label):
    assert Fact.objects.filter(label=label).exists()


def test_partnership_naming_disagreement_is_a_question(seeded):
    question = Question.objects.get(facts__label="SGSP 2014 (summary)")
    assert question.facts.filter(label="SSGP 2014 (Vision IAS naming)").exists()
    correct = question.choices.get(is_correct=True).text
    assert correct.index("Special Global and Strategic") < correct.index("Vision IAS")


def test_second_load_changes_nothing(seeded):
    before = snapshot()
    second = load()
    assert snapshot() == before
    assert "nothing changed" in second


def test_load_restores_an_edited_question_in_place(seeded):
    spec = next(spec for spec in bank.QUESTIONS if spec.key == "ijicp")
    question = Question.objects.get(stem=spec.stem)
    correct = question.choices.get(is_correct=True)
    choice_ids = set(question.choices.values_list("pk", flat=True))
    wrong = question.choices.filter(is_correct=False).first()
    Choice.objects.filter(pk=correct.pk).update(is_correct=False)
    Choice.objects.filter(pk=wrong.pk).update(is_correct=True, text="Tampered")
    question.facts.clear()

    out = load()

    assert "nothing changed" not in out
    assert set(question.choices.values_list("pk", flat=True)) == choice_ids
    assert question.choices.get(is_correct=True).pk == correct.pk
    assert not question.choices.filter(text="Tampered").exists()
    assert question.facts.filter(label="IJICP 2021").exists()
    assert Question.objects.count() == len(bank.QUESTIONS)


def test_bad_quote_fails_loudly_and_loads_nothing(db, monkeypatch):
    broken = bank.FactSpec("Broken", bank.GEG, "Not in the text.", "Japan signed CEPA in 1999.")
    monkeypatch.setattr(bank, "FACTS", (*bank.FACTS, broken))
    with pytest.raises(CommandError, match="Broken"):
        load()
    assert not Fact.objects.exists()
    assert not Source.objects.exists()


def test_seed_code_does_not_read_the_shared_folder():
    for path in [*SEED_DIR.glob("*.py"), COMMAND]:
        assert "shared/seeds" not in path.read_text(encoding="utf-8"), path
