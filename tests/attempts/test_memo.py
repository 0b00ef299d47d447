"""``{% memo %}``: a block rendered once per key and language, and the question page using it."""

from __future__ import annotations

import random
import re

import pytest
from django.template import TemplateSyntaxError, engines
from django.utils import timezone, translation

from quizapp.attempts import services
from quizapp.attempts.templatetags import memo
from tests.factories import QuestionFactory, QuizFactory, UserFactory


@pytest.fixture(autouse=True)
def no_blocks_kept():
    memo.clear()
    yield
    memo.clear()


class Renders:
    """Shows how many times the block holding it was rendered."""

    def __init__(self) -> None:
        self.count = 0

    def __str__(self) -> str:
        self.count += 1
        return str(self.count)


def template(body: str):
    return engines["django"].from_string("{% load memo %}" + body)


def test_a_block_is_rendered_once_per_key():
    page, renders = template("{% memo key %}[{{ renders }}]{% endmemo %}"), Renders()
    assert page.render({"key": "a", "renders": renders}) == "[1]"
    assert page.render({"key": "a", "renders": renders}) == "[1]"
    assert page.render({"key": "b", "renders": renders}) == "[2]"
    assert page.render({"key": ("a", "b"), "renders": renders}) == "[3]"


def test_each_language_gets_its_own_block():
    page = template(
        "{% load i18n %}{% memo 'x' %}{% get_current_language as lang %}{{ lang }}{% endmemo %}"
    )
    assert page.render({}) == "en"
    with translation.override("hi"):
        assert page.render({}) == "hi"
    assert page.render({}) == "en"


def test_two_blocks_with_the_same_key_stay_apart():
    page = template("{% memo 'k' %}A{% endmemo %}{% memo 'k' %}B{% endmemo %}")
    assert page.render({}) == "AB"
    assert page.render({}) == "AB"


def test_a_key_that_cannot_be_hashed_renders_every_time():
    page, renders = template("{% memo key %}[{{ renders }}]{% endmemo %}"), Renders()
    assert page.render({"key": ["a"], "renders": renders}) == "[1]"
    assert page.render({"key": ["a"], "renders": renders}) == "[2]"


def test_the_oldest_block_goes_when_the_memo_is_full(monkeypatch):
    monkeypatch.setattr(memo, "MAX_BLOCKS", 2)
    page, renders = template("{% memo key %}[{{ renders }}]{% endmemo %}"), Renders()
    for key in "abc":
        page.render({"key": key, "renders": renders})
    assert page.render({"key": "c", "renders": renders}) == "[3]"  # kept
    assert page.render({"key": "a", "renders": renders}) == "[4]"  # dropped, rendered again


def test_a_memo_needs_a_key():
    with pytest.raises(TemplateSyntaxError, match="needs at least one key"):
        template("{% memo %}x{% endmemo %}")


def shown_options(html: str) -> list[str]:
    return re.findall(r'<span class="option-text">([^<]*)</span>', html)


def test_aspirants_shown_one_question_in_different_orders_each_see_their_own(client, db):
    """Two attempts share a question's stem but not its order: neither page shows the other's."""
    question = QuestionFactory()
    quiz = QuizFactory(questions=[question], shuffle_options=True)
    pages = {}
    for seed, name in enumerate(["asha", "ravi", "meena"]):
        user = UserFactory(username=name)
        attempt, _ = services.start_attempt(
            user=user, quiz=quiz, now=timezone.now(), rng=random.Random(seed)
        )
        client.force_login(user)
        html = client.get(attempt.get_absolute_url()).content.decode()
        order = [option["text"] for option in attempt.items.get().options]
        assert shown_options(html) == order
        pages[tuple(order)] = html
    assert len(pages) > 1, "the seeds should give different orders"
