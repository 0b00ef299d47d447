"""factory-boy factories for every model."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from questions.models import Choice, Fact, Question, Quiz, QuizQuestion, Source, Topic

SOURCE_TEXT = (
    "The Comprehensive Economic Partnership Agreement (CEPA), implemented in 2011, has been "
    "a significant driver of economic cooperation between India and Japan.\n"
    "The Lunar Polar Exploration Mission (LUPEX) is a joint project between ISRO and JAXA."
)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"aspirant{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = Source

    title = factory.Sequence(lambda n: f"Source {n}")
    slug = factory.Sequence(lambda n: f"source-{n}")
    publisher = "Test Publisher"
    text = SOURCE_TEXT


class FactFactory(DjangoModelFactory):
    class Meta:
        model = Fact

    label = factory.Sequence(lambda n: f"Fact {n}")
    statement = "CEPA was implemented in 2011."
    source = factory.SubFactory(SourceFactory)
    quote = "The Comprehensive Economic Partnership Agreement (CEPA), implemented in 2011"


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class ChoiceFactory(DjangoModelFactory):
    class Meta:
        model = Choice

    # Ids far from the small numbers a page shows anyway, so tests can look for leaks.
    id = factory.Sequence(lambda n: 100_000 + n)
    question = None
    text = factory.Sequence(lambda n: f"Option {n}")
    is_correct = False
    order = factory.Sequence(lambda n: n)


class QuestionFactory(DjangoModelFactory):
    """A published question with one correct and three wrong options and one fact."""

    class Meta:
        model = Question
        skip_postgeneration_save = True

    stem = factory.Sequence(lambda n: f"Question {n}: when did CEPA come into force?")
    explanation = "CEPA was **implemented in 2011**."
    topic = factory.SubFactory(TopicFactory)
    difficulty = Question.Difficulty.MEDIUM
    status = Question.Status.PUBLISHED
    correct = factory.RelatedFactory(
        ChoiceFactory, "question", is_correct=True, text="2011", order=0
    )
    wrong = factory.RelatedFactoryList(
        ChoiceFactory, "question", size=3, text=factory.Iterator(["2008", "2014", "2017"])
    )

    @factory.post_generation
    def facts(obj, create, extracted, **kwargs):  # noqa: N805
        if not create:
            return
        obj.facts.set(extracted if extracted is not None else [FactFactory()])


class QuizFactory(DjangoModelFactory):
    """A published quiz; pass ``questions=n`` (a count) or a list of questions."""

    class Meta:
        model = Quiz
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Quiz {n}")
    slug = factory.Sequence(lambda n: f"quiz-{n}")
    description = "A test quiz."
    seconds_per_question = 19
    is_published = True

    @factory.post_generation
    def questions(obj, create, extracted, **kwargs):  # noqa: N805
        if not create:
            return
        if extracted is None:
            extracted = 3
        if isinstance(extracted, int):
            fact = FactFactory()
            topic = TopicFactory()
            extracted = [QuestionFactory(facts=[fact], topic=topic) for _ in range(extracted)]
        QuizQuestion.objects.bulk_create(
            QuizQuestion(quiz=obj, question=q, order=i) for i, q in enumerate(extracted)
        )
