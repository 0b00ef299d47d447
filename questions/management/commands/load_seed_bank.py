"""Load the seeded India–Japan question bank from ``questions/seed``.

Idempotent: everything is looked up by a natural key (source slug, topic slug, fact label,
question stem, quiz slug) and saved only when it differs from the bank, so a second run
changes nothing, not even ``updated_at``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction

from questions.models import Choice, Fact, Question, Quiz, QuizQuestion, Source, Topic
from questions.seed import bank, source_text

M = TypeVar("M", bound=models.Model)


@dataclass
class Tally:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


class Command(BaseCommand):
    help = (
        "Load the seeded India–Japan question bank (sources, facts, questions, quizzes). "
        "Safe to run again: only what differs from the bank is written."
    )

    def handle(self, *args, **options) -> None:
        if found := bank.problems():
            raise CommandError("The seed bank is inconsistent:\n" + "\n".join(found))
        tally = Tally()
        with transaction.atomic():
            load(tally)
        verbosity = options["verbosity"]
        if verbosity >= 2:
            for line in tally.created:
                self.stdout.write(f"created {line}")
            for line in tally.updated:
                self.stdout.write(f"updated {line}")
        outcome = (
            f"{len(tally.created)} created, {len(tally.updated)} updated"
            if tally.changed
            else "nothing changed"
        )
        self.stdout.write(
            f"Seed bank: {len(bank.SOURCES)} sources, {len(bank.FACTS)} facts, "
            f"{len(bank.QUESTIONS)} questions, {len(bank.QUIZZES)} quizzes; {outcome}."
        )


def load(tally: Tally) -> None:
    """Bring the database in line with the bank; the caller holds the transaction."""
    sources = {
        spec.slug: sync(
            tally,
            Source,
            {"slug": spec.slug},
            {
                "title": spec.title,
                "publisher": spec.publisher,
                "published_on": spec.published_on,
                "dates": spec.dates,
                "text": source_text(spec.slug),
            },
        )[0]
        for spec in bank.SOURCES
    }
    topics = {
        spec.slug: sync(tally, Topic, {"slug": spec.slug}, {"name": spec.name})[0]
        for spec in bank.TOPICS
    }
    facts = {
        spec.label: sync(
            tally,
            Fact,
            {"label": spec.label},
            {"statement": spec.statement, "source": sources[spec.source], "quote": spec.quote},
        )[0]
        for spec in bank.FACTS
    }
    questions = {spec.key: load_question(tally, spec, topics, facts) for spec in bank.QUESTIONS}
    for spec in bank.QUIZZES:
        load_quiz(tally, spec, questions)


def sync(tally: Tally, model: type[M], lookup: dict, values: dict) -> tuple[M, bool]:
    """Create or update one row, validating it first; leave it untouched if it already matches.

    Returns the row and whether it was created.
    """
    obj = model.objects.filter(**lookup).order_by("pk").first()
    if obj is None:
        obj = model(**lookup, **values)
        validate_and_save(obj)
        tally.created.append(f"{model._meta.verbose_name} “{obj}”")
        return obj, True
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        validate_and_save(obj)
        tally.updated.append(f"{model._meta.verbose_name} “{obj}” ({', '.join(changed)})")
    return obj, False


def validate_and_save(obj: models.Model) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        raise CommandError(f"{obj._meta.verbose_name} “{obj}”: {error}") from error
    obj.save()


def load_question(
    tally: Tally, spec: bank.QuestionSpec, topics: dict[str, Topic], facts: dict[str, Fact]
) -> Question:
    question, created = sync(
        tally,
        Question,
        {"stem": spec.stem},
        {
            "explanation": spec.explanation,
            "topic": topics[spec.topic],
            "difficulty": spec.difficulty,
            "status": Question.Status.PUBLISHED,
        },
    )
    wanted_facts = {facts[label].pk for label in spec.facts}
    if set(question.facts.values_list("pk", flat=True)) != wanted_facts:
        question.facts.set(wanted_facts)
        if not created:
            tally.updated.append(f"facts of question “{question}”")
    if sync_choices(question, spec) and not created:
        tally.updated.append(f"options of question “{question}”")
    if found := question.publish_problems():
        raise CommandError(f"question “{question}” cannot be published: {'; '.join(found)}")
    return question


def sync_choices(question: Question, spec: bank.QuestionSpec) -> bool:
    """Make the options match the bank, reusing existing rows so their ids (and answers) stay."""
    wanted = [(text, index == spec.correct_index, index) for index, text in enumerate(spec.options)]
    current = list(question.choices.order_by("order", "pk"))
    if [(c.text, c.is_correct, c.order) for c in current] == wanted:
        return False
    for extra in current[len(wanted) :]:
        extra.delete()
    kept = current[: len(wanted)]
    # Clear the old correct option first: the database allows only one per question.
    for choice, (_text, is_correct, _order) in zip(kept, wanted, strict=False):
        if choice.is_correct and not is_correct:
            choice.is_correct = False
            choice.save(update_fields=["is_correct"])
    for choice, (text, is_correct, order) in zip(kept, wanted, strict=False):
        choice.text, choice.is_correct, choice.order = text, is_correct, order
        validate_and_save(choice)
    for text, is_correct, order in wanted[len(kept) :]:
        validate_and_save(Choice(question=question, text=text, is_correct=is_correct, order=order))
    return True


def load_quiz(tally: Tally, spec: bank.QuizSpec, questions: dict[str, Question]) -> Quiz:
    quiz, created = sync(
        tally,
        Quiz,
        {"slug": spec.slug},
        {
            "title": spec.title,
            "description": spec.description,
            "seconds_per_question": spec.seconds_per_question,
            "negative_mark": spec.negative_mark,
            "feedback_mode": spec.feedback_mode,
            "shuffle_questions": spec.shuffle_questions,
            "shuffle_options": spec.shuffle_options,
            "is_published": True,
        },
    )
    wanted = [(questions[key].pk, order) for order, key in enumerate(spec.questions, start=1)]
    current = list(quiz.quiz_questions.order_by("order", "pk").values_list("question_id", "order"))
    if current != wanted:
        quiz.quiz_questions.exclude(question_id__in=[pk for pk, _order in wanted]).delete()
        for question_id, order in wanted:
            QuizQuestion.objects.update_or_create(
                quiz=quiz, question_id=question_id, defaults={"order": order}
            )
        if not created:
            tally.updated.append(f"questions of quiz “{quiz}”")
    return quiz
