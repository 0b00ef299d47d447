"""Export questions: as the rows and GIFT text that ``questions.importing`` reads back."""

from __future__ import annotations

from django.db.models import QuerySet

from .formats import Candidate, gift
from .models import Question, Quiz, Topic

EXPORT_FORMATS = ("csv", "xlsx", "gift")


def export_queryset(*, quiz: Quiz | None = None, topic: Topic | None = None) -> QuerySet[Question]:
    """Questions to export, with what an export reads: a quiz's in its order, else by id."""
    questions = Question.objects.all()
    if quiz is not None:
        questions = questions.filter(quiz_questions__quiz=quiz).order_by(
            "quiz_questions__order", "quiz_questions__id"
        )
    elif topic is not None:
        questions = questions.filter(topic=topic)
    return with_related(questions)


def with_related(questions: QuerySet[Question]) -> QuerySet[Question]:
    """``questions`` with their topic, options and facts fetched in three queries in all."""
    if not questions.query.order_by:
        questions = questions.order_by("pk")
    return questions.select_related("topic").prefetch_related("choices", "facts")


def as_candidate(question: Question) -> Candidate:
    """``question`` as the importer reads it, so an export imports back to the same question."""
    choices = list(question.choices.all())
    return Candidate(
        number=question.pk,
        unit="question",
        stem=question.stem,
        options=[choice.text for choice in choices],
        correct=[index for index, choice in enumerate(choices) if choice.is_correct],
        explanation=question.explanation,
        topic=question.topic.slug,
        difficulty=str(question.difficulty),
        facts=sorted(fact.label for fact in question.facts.all()),
        status=question.status,
    )


def to_gift(questions: QuerySet[Question]) -> str:
    return gift.dump(as_candidate(question) for question in with_related(questions))


def to_tabular(questions: QuerySet[Question], fmt: str) -> bytes:
    """CSV or XLSX bytes, written by the same django-import-export resource as the admin's."""
    from import_export.formats.base_formats import CSV, XLSX

    from .resources import QuestionResource

    dataset = QuestionResource().export(queryset=questions)
    data = (CSV if fmt == "csv" else XLSX)().export_data(dataset)
    return data.encode("utf-8") if isinstance(data, str) else data
