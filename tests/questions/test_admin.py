from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from questions.models import Choice, Fact, Question, Quiz, Source
from tests.factories import (
    FactFactory,
    QuestionFactory,
    QuizFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

FOUR_OPTIONS = [("2011", True), ("2008", False), ("2014", False), ("2017", False)]


def admin_url(model: str, view: str, *args) -> str:
    return reverse(f"admin:questions_{model}_{view}", args=args)


def inline_management(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def question_data(
    *,
    topic,
    choices=FOUR_OPTIONS,
    facts=(),
    status="published",
    explanation="CEPA was **implemented in 2011**.",
    stem="When did CEPA come into force?",
    question=None,
) -> dict:
    """The POST data of the question add form, or the change form when ``question`` is given.

    ``choices`` are (text, is_correct) pairs, or (Choice, text, is_correct, delete) for the
    options ``question`` already has, which must come first.
    """
    existing = [c for c in choices if isinstance(c[0], Choice)]
    data = {
        "stem": stem,
        "topic": str(topic.pk),
        "difficulty": "2",
        "status": status,
        "explanation": explanation,
        "facts": [str(f.pk) for f in facts],
        "author": "",
        **inline_management("choices", len(choices), len(existing)),
    }
    data["choices-MIN_NUM_FORMS"] = "2"
    data["choices-MAX_NUM_FORMS"] = "6"
    for i, choice in enumerate(choices):
        if isinstance(choice[0], Choice):
            instance, text, correct, delete = choice
            data[f"choices-{i}-id"] = str(instance.pk)
            data[f"choices-{i}-question"] = str(question.pk)
            if delete:
                data[f"choices-{i}-DELETE"] = "on"
        else:
            text, correct = choice
            data[f"choices-{i}-question"] = str(question.pk) if question else ""
        data[f"choices-{i}-text"] = text
        data[f"choices-{i}-order"] = str(i)
        if correct:
            data[f"choices-{i}-is_correct"] = "on"
    return data


def quiz_data(*, questions=(), deleted=(), is_published=True, quiz=None, **fields) -> dict:
    """The POST data of the quiz add or change form; ``deleted`` are existing rows to delete."""
    existing = list(quiz.quiz_questions.order_by("order", "id")) if quiz else []
    data = {
        "title": "Polity basics",
        "slug": "polity-basics",
        "description": "",
        "seconds_per_question": "19",
        "negative_mark": "1/3",
        "feedback_mode": "each",
        **inline_management("quiz_questions", len(existing) + len(questions), len(existing)),
        **fields,
    }
    if is_published:
        data["is_published"] = "on"
    for i, row in enumerate(existing):
        data[f"quiz_questions-{i}-id"] = str(row.pk)
        data[f"quiz_questions-{i}-quiz"] = str(quiz.pk)
        data[f"quiz_questions-{i}-question"] = str(row.question_id)
        data[f"quiz_questions-{i}-order"] = str(row.order)
        if row.question in deleted:
            data[f"quiz_questions-{i}-DELETE"] = "on"
    for i, question in enumerate(questions, start=len(existing)):
        data[f"quiz_questions-{i}-question"] = str(question.pk)
        data[f"quiz_questions-{i}-order"] = str(i)
    return data


def form_errors(response) -> dict:
    return response.context["adminform"].form.errors


def inline_errors(response) -> list[str]:
    return list(response.context["inline_admin_formsets"][0].formset.non_form_errors())


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# Question: the form and its options -----------------------------------------------------------


def test_question_add_with_four_options_saves_with_author(staff_client):
    topic, fact = TopicFactory(), FactFactory()
    data = question_data(topic=topic, facts=[fact])
    response = staff_client.post(admin_url("question", "add"), data)
    assert response.status_code == 302, form_errors(response) or inline_errors(response)
    question = Question.objects.get()
    assert question.status == Question.Status.PUBLISHED
    assert question.author == staff_client.user
    assert list(question.facts.all()) == [fact]
    assert [(c.text, c.is_correct) for c in question.choices.all()] == FOUR_OPTIONS


def test_question_add_page_offers_four_blank_options(staff_client):
    response = staff_client.get(admin_url("question", "add"))
    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.total_form_count() == 4


def test_question_add_without_correct_option_is_refused(staff_client):
    choices = [(text, False) for text, _correct in FOUR_OPTIONS]
    data = question_data(topic=TopicFactory(), facts=[FactFactory()], choices=choices)
    response = staff_client.post(admin_url("question", "add"), data)
    assert response.status_code == 200
    assert inline_errors(response) == ["Mark exactly one option as correct: none is marked yet."]
    assert "Mark exactly one option as correct" in response.content.decode()
    assert not Question.objects.exists()
    assert not Choice.objects.exists()


def test_question_add_with_two_correct_options_is_refused(staff_client):
    choices = [("2011", True), ("2008", True), ("2014", False)]
    data = question_data(topic=TopicFactory(), facts=[FactFactory()], choices=choices)
    response = staff_client.post(admin_url("question", "add"), data)
    assert response.status_code == 200
    assert inline_errors(response) == ["Mark exactly one option as correct: 2 are marked."]
    assert not Question.objects.exists()


def test_question_add_with_one_option_is_refused(staff_client):
    data = question_data(topic=TopicFactory(), facts=[FactFactory()], choices=[("2011", True)])
    response = staff_client.post(admin_url("question", "add"), data)
    assert response.status_code == 200
    assert inline_errors(response) == ["Give at least 2 options."]
    assert not Question.objects.exists()


def test_question_add_with_seven_options_is_refused(staff_client):
    choices = [("A", True)] + [(str(n), False) for n in range(6)]
    data = question_data(topic=TopicFactory(), facts=[FactFactory()], choices=choices)
    response = staff_client.post(admin_url("question", "add"), data)
    assert response.status_code == 200
    assert "Give at most 6 options." in inline_errors(response)
    assert not Question.objects.exists()


def test_question_publish_without_explanation_is_refused_on_explanation(staff_client):
    data = question_data(topic=TopicFactory(), facts=[FactFactory()], explanation="  ")
    response = staff_client.post(admin_url("question", "add"), data)
    assert response.status_code == 200
    assert list(form_errors(response)) == ["explanation"]
    assert "Write an explanation before publishing" in form_errors(response)["explanation"][0]
    assert not Question.objects.exists()


def test_question_publish_without_fact_is_refused_on_facts(staff_client):
    data = question_data(topic=TopicFactory(), facts=[])
    response = staff_client.post(admin_url("question", "add"), data)
    assert response.status_code == 200
    assert list(form_errors(response)) == ["facts"]
    assert "Cite at least one fact" in form_errors(response)["facts"][0]
    assert not Question.objects.exists()


def test_question_draft_without_explanation_or_fact_saves(staff_client):
    data = question_data(topic=TopicFactory(), status="draft", explanation="")
    response = staff_client.post(admin_url("question", "add"), data)
    assert response.status_code == 302
    assert Question.objects.get().status == Question.Status.DRAFT


def test_question_draft_still_needs_exactly_one_correct_option(staff_client):
    choices = [("2011", False), ("2008", False)]
    data = question_data(topic=TopicFactory(), status="draft", choices=choices)
    response = staff_client.post(admin_url("question", "add"), data)
    assert response.status_code == 200
    assert not Question.objects.exists()


def test_question_change_moves_the_correct_mark_to_an_earlier_option(staff_client):
    question = QuestionFactory()
    # The correct option is listed last, so it is saved after the option that becomes correct.
    options = list(question.choices.order_by("is_correct", "id"))
    for order, choice in enumerate(options):
        Choice.objects.filter(pk=choice.pk).update(order=order)
    old_correct = options[-1]
    assert old_correct.is_correct
    choices = [(c, c.text, i == 0, False) for i, c in enumerate(options)]
    data = question_data(
        topic=question.topic, facts=question.facts.all(), choices=choices, question=question
    )
    response = staff_client.post(admin_url("question", "change", question.pk), data)
    assert response.status_code == 302, form_errors(response) or inline_errors(response)
    assert question.choices.get(is_correct=True) == options[0]


def test_question_change_deletes_the_correct_option_and_marks_another(staff_client):
    question = QuestionFactory()
    options = list(question.choices.order_by("-is_correct", "id"))
    old_correct = options[0]
    choices = [(c, c.text, i == 3, i == 0) for i, c in enumerate(options)]
    data = question_data(
        topic=question.topic, facts=question.facts.all(), choices=choices, question=question
    )
    response = staff_client.post(admin_url("question", "change", question.pk), data)
    assert response.status_code == 302, form_errors(response) or inline_errors(response)
    assert not Choice.objects.filter(pk=old_correct.pk).exists()
    assert question.choices.get(is_correct=True) == options[3]
    assert question.choices.count() == 3


def test_question_change_keeps_its_author(staff_client, user):
    question = QuestionFactory(author=user)
    options = list(question.choices.all())
    choices = [(c, c.text, c.is_correct, False) for c in options]
    data = question_data(
        topic=question.topic, facts=question.facts.all(), choices=choices, question=question
    )
    data["author"] = str(user.pk)
    response = staff_client.post(admin_url("question", "change", question.pk), data)
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.author == user


def test_question_change_page_links_to_preview_and_renders_explanation(staff_client):
    question = QuestionFactory(explanation="Because **2011**.")
    response = staff_client.get(admin_url("question", "change", question.pk))
    content = response.content.decode()
    assert response.status_code == 200
    assert admin_url("question", "preview", question.pk) in content
    assert '<div class="explanation"><p>Because <strong>2011</strong>.</p></div>' in content


# Question: preview ----------------------------------------------------------------------------


def test_question_preview_shows_options_explanation_and_facts_without_script(staff_client):
    fact = FactFactory(statement="CEPA came into force in 2011.")
    question = QuestionFactory(
        facts=[fact],
        explanation='**Bold** <script>alert("boom")</script><img src=x onerror="steal()">',
    )
    response = staff_client.get(admin_url("question", "preview", question.pk))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Bold</strong>" in content
    assert "boom" not in content
    assert "steal()" not in content
    assert question.stem in content
    assert "<strong>A. 2011</strong>" in content
    assert "correct answer" in content
    for letter, text in [("B", "2008"), ("C", "2014"), ("D", "2017")]:
        assert f"{letter}. {text}" in content
    assert fact.statement in content
    assert fact.quote in content
    assert fact.get_absolute_url() in content


def test_question_preview_lists_what_keeps_a_draft_from_publishing(staff_client):
    question = QuestionFactory(status="draft", facts=[])
    response = staff_client.get(admin_url("question", "preview", question.pk))
    assert "Not ready to publish: it cites no fact." in response.content.decode()


def test_question_preview_of_missing_question_is_404(staff_client):
    assert staff_client.get(admin_url("question", "preview", 999)).status_code == 404


def test_question_preview_needs_staff(client, user):
    question = QuestionFactory()
    client.force_login(user)
    response = client.get(admin_url("question", "preview", question.pk))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


# Question: actions ----------------------------------------------------------------------------


def test_publish_action_publishes_only_qualifying_questions_and_says_why(staff_client):
    ready = QuestionFactory(status="draft")
    unready = QuestionFactory(status="draft", facts=[], explanation="")
    response = staff_client.post(
        admin_url("question", "changelist"),
        {"action": "publish", "_selected_action": [ready.pk, unready.pk]},
        follow=True,
    )
    assert response.status_code == 200
    ready.refresh_from_db()
    unready.refresh_from_db()
    assert ready.status == Question.Status.PUBLISHED
    assert unready.status == Question.Status.DRAFT
    assert messages_of(response) == [
        f"Not published: “{unready}” — it has no explanation; it cites no fact.",
        "Published 1 question.",
    ]


def test_publish_action_refuses_a_question_without_a_correct_option(staff_client):
    question = QuestionFactory(status="draft")
    question.choices.update(is_correct=False)
    response = staff_client.post(
        admin_url("question", "changelist"),
        {"action": "publish", "_selected_action": [question.pk]},
        follow=True,
    )
    question.refresh_from_db()
    assert question.status == Question.Status.DRAFT
    assert messages_of(response) == [
        f"Not published: “{question}” — it needs exactly one correct option."
    ]


def test_unpublish_action_makes_drafts_and_warns_of_stranded_quizzes(staff_client):
    first, second, other = QuestionFactory(), QuestionFactory(), QuestionFactory()
    quiz = QuizFactory(title="Stranded", questions=[first])
    QuizFactory(questions=[second, other])
    response = staff_client.post(
        admin_url("question", "changelist"),
        {"action": "unpublish", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )
    assert set(Question.objects.published()) == {other}
    assert messages_of(response) == [
        "Unpublished 2 questions.",
        f"The published quiz “{quiz}” now has no published question.",
    ]


# Question: changelist -------------------------------------------------------------------------


def test_question_changelist_queries_do_not_grow_with_rows(staff_client):
    url = admin_url("question", "changelist")
    QuestionFactory.create_batch(2)
    with CaptureQueriesContext(connection) as few:
        assert staff_client.get(url).status_code == 200
    QuestionFactory.create_batch(6)
    with CaptureQueriesContext(connection) as many:
        response = staff_client.get(url)
    assert response.context["cl"].result_count == 8
    # The fact filter lists one more fact per question; the rows themselves add no query.
    assert len(many) == len(few)


def test_question_changelist_shows_fact_count(staff_client):
    QuestionFactory(facts=FactFactory.create_batch(3))
    response = staff_client.get(admin_url("question", "changelist"))
    assert '<td class="field-fact_count">3</td>' in response.content.decode()


def test_question_facts_autocomplete_finds_facts(staff_client):
    fact = FactFactory(label="CEPA 2011")
    FactFactory(label="LUPEX", statement="LUPEX is joint.", quote="ISRO and JAXA")
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "questions", "model_name": "question", "field_name": "facts", "term": "CEPA"},
    )
    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [str(fact.pk)]


# Facts and sources ----------------------------------------------------------------------------


def fact_data(source, quote: str) -> dict:
    return {
        "label": "CEPA 2011",
        "statement": "CEPA dates from 2011.",
        "source": str(source.pk),
        "quote": quote,
    }


def test_fact_add_with_quote_not_in_source_is_refused_on_quote(staff_client):
    source = SourceFactory()
    response = staff_client.post(admin_url("fact", "add"), fact_data(source, "signed in 1999"))
    assert response.status_code == 200
    assert list(form_errors(response)) == ["quote"]
    assert "This quote is not in the text of “Source" in form_errors(response)["quote"][0]
    assert not Fact.objects.exists()


def test_fact_add_with_quote_across_line_break_saves(staff_client):
    source = SourceFactory()
    data = fact_data(source, "India  and\nJapan. The Lunar Polar")
    response = staff_client.post(admin_url("fact", "add"), data)
    assert response.status_code == 302, form_errors(response)
    assert Fact.objects.get().source == source


def test_fact_change_page_shows_quote_marked_in_its_escaped_paragraph(staff_client):
    source = SourceFactory(text="First <b>line</b>.\nIt said: ISRO & JAXA agreed.\nLast line.")
    fact = FactFactory(source=source, quote="ISRO &\n JAXA")
    response = staff_client.get(admin_url("fact", "change", fact.pk))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<blockquote>It said: <mark>ISRO &amp; JAXA</mark> agreed.</blockquote>" in content
    assert "<b>line</b>" not in content


def test_fact_quote_in_context_spans_paragraphs(staff_client):
    fact = FactFactory(quote="India and Japan. The Lunar")
    response = staff_client.get(admin_url("fact", "change", fact.pk))
    assert "<mark>India and Japan. The Lunar</mark> Polar" in response.content.decode()


def test_source_change_page_lists_facts_and_questions_with_links(staff_client):
    source = SourceFactory()
    fact = FactFactory(source=source, label="CEPA 2011")
    question = QuestionFactory(facts=[fact])
    elsewhere = QuestionFactory()  # cites a fact from another source
    response = staff_client.get(admin_url("source", "change", source.pk))
    content = response.content.decode()
    assert f'<a href="{admin_url("fact", "change", fact.pk)}">CEPA 2011</a>' in content
    assert f'<a href="{admin_url("question", "change", question.pk)}">' in content
    assert admin_url("question", "change", elsewhere.pk) not in content


def test_source_text_change_that_drops_a_quoted_passage_is_refused(staff_client):
    source = SourceFactory()
    FactFactory(source=source, label="CEPA 2011")
    data = {"title": source.title, "slug": source.slug, "publisher": "P", "text": "Nothing."}
    response = staff_client.post(admin_url("source", "change", source.pk), data)
    assert response.status_code == 200
    assert "CEPA 2011" in form_errors(response)["text"][0]
    source.refresh_from_db()
    assert "CEPA" in source.text


def test_source_add_saves_scheme_less_url_as_https(staff_client):
    data = {"title": "PIB", "slug": "pib", "publisher": "PIB", "url": "pib.gov.in", "text": "T."}
    response = staff_client.post(admin_url("source", "add"), data)
    assert response.status_code == 302, form_errors(response)
    assert Source.objects.get().url == "https://pib.gov.in"


# Quizzes --------------------------------------------------------------------------------------


def test_quiz_add_published_with_a_published_question_saves(staff_client):
    draft, published = QuestionFactory(status="draft"), QuestionFactory()
    response = staff_client.post(admin_url("quiz", "add"), quiz_data(questions=[draft, published]))
    assert response.status_code == 302, form_errors(response) or inline_errors(response)
    quiz = Quiz.objects.get()
    assert quiz.is_published
    assert list(quiz.questions.order_by("quiz_questions__order")) == [draft, published]


def test_quiz_add_published_with_only_draft_questions_is_refused(staff_client):
    data = quiz_data(questions=[QuestionFactory(status="draft")])
    response = staff_client.post(admin_url("quiz", "add"), data)
    assert response.status_code == 200
    assert list(form_errors(response)) == ["is_published"]
    assert "cannot be published without published questions" in response.content.decode()
    assert not Quiz.objects.exists()


def test_quiz_add_published_without_questions_is_refused(staff_client):
    response = staff_client.post(admin_url("quiz", "add"), quiz_data())
    assert list(form_errors(response)) == ["is_published"]
    assert not Quiz.objects.exists()


def test_quiz_add_unpublished_without_questions_saves(staff_client):
    response = staff_client.post(admin_url("quiz", "add"), quiz_data(is_published=False))
    assert response.status_code == 302
    assert not Quiz.objects.get().is_published


def test_quiz_change_removing_its_only_published_question_is_refused(staff_client):
    published = QuestionFactory()
    quiz = QuizFactory(questions=[published, QuestionFactory(status="draft")])
    data = quiz_data(quiz=quiz, deleted=[published], title=quiz.title, slug=quiz.slug)
    response = staff_client.post(admin_url("quiz", "change", quiz.pk), data)
    assert response.status_code == 200
    assert list(form_errors(response)) == ["is_published"]
    assert published in quiz.questions.all()


def test_quiz_change_publishing_with_saved_draft_questions_is_refused_once(staff_client):
    quiz = QuizFactory(is_published=False, questions=[QuestionFactory(status="draft")])
    data = quiz_data(quiz=quiz, title=quiz.title, slug=quiz.slug)
    response = staff_client.post(admin_url("quiz", "change", quiz.pk), data)
    assert response.status_code == 200
    assert len(form_errors(response)["is_published"]) == 1
    quiz.refresh_from_db()
    assert not quiz.is_published


def test_quiz_change_publishing_while_adding_a_published_question_saves(staff_client):
    quiz = QuizFactory(is_published=False, questions=[QuestionFactory(status="draft")])
    data = quiz_data(quiz=quiz, questions=[QuestionFactory()], title=quiz.title, slug=quiz.slug)
    response = staff_client.post(admin_url("quiz", "change", quiz.pk), data)
    assert response.status_code == 302, form_errors(response)


def test_quiz_add_with_the_same_question_twice_is_refused(staff_client):
    question = QuestionFactory()
    response = staff_client.post(admin_url("quiz", "add"), quiz_data(questions=[question] * 2))
    assert response.status_code == 200
    assert "Please correct the duplicate data for question" in inline_errors(response)[0]
    assert not Quiz.objects.exists()


def test_quiz_change_with_invalid_negative_mark_is_refused(staff_client):
    quiz = QuizFactory()
    data = quiz_data(quiz=quiz, title=quiz.title, slug=quiz.slug, negative_mark="-1/3")
    response = staff_client.post(admin_url("quiz", "change", quiz.pk), data)
    assert list(form_errors(response)) == ["negative_mark"]


def test_quiz_changelist_shows_question_counts(staff_client):
    QuizFactory(questions=[QuestionFactory(), QuestionFactory(status="draft")])
    response = staff_client.get(admin_url("quiz", "changelist"))
    assert '<td class="field-question_count">2 (1)</td>' in response.content.decode()


def test_topic_changelist_shows_question_count(staff_client):
    topic = TopicFactory(name="Polity")
    QuestionFactory.create_batch(2, topic=topic)
    response = staff_client.get(admin_url("topic", "changelist"))
    assert '<td class="field-question_count">2</td>' in response.content.decode()


# Every admin page -----------------------------------------------------------------------------


@pytest.fixture
def bank():
    """One of everything, so filters have choices and rows have links."""
    question = QuestionFactory()
    quiz = QuizFactory(questions=[question])
    fact = question.facts.get()
    return {
        "question": question,
        "quiz": quiz,
        "fact": fact,
        "source": fact.source,
        "topic": question.topic,
    }


@pytest.mark.parametrize(
    ("model", "query"),
    [
        ("question", {}),
        ("question", {"q": "CEPA"}),
        ("question", {"status__exact": "published", "difficulty__exact": "2"}),
        ("question", {"topic__id__exact": "{topic}", "facts__id__exact": "{fact}"}),
        ("question", {"o": "-5"}),
        ("fact", {}),
        ("fact", {"q": "CEPA", "source__id__exact": "{source}"}),
        ("source", {"q": "Source", "o": "4"}),
        ("topic", {"q": "Topic", "o": "3"}),
        ("quiz", {}),
        ("quiz", {"q": "Quiz", "is_published__exact": "1", "feedback_mode__exact": "each"}),
        ("quiz", {"o": "2"}),
    ],
)
def test_changelists_searches_and_filters_respond(staff_client, bank, model, query):
    params = {k: v.format(**{n: o.pk for n, o in bank.items()}) for k, v in query.items()}
    response = staff_client.get(admin_url(model, "changelist"), params)
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


@pytest.mark.parametrize("model", ["question", "fact", "source", "topic", "quiz"])
def test_add_and_change_pages_respond(staff_client, bank, model):
    assert staff_client.get(admin_url(model, "add")).status_code == 200
    response = staff_client.get(admin_url(model, "change", bank[model].pk))
    assert response.status_code == 200
