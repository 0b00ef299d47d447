from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.factories import QuizFactory, UserFactory

T0 = datetime(2026, 5, 1, 9, 0, 0, tzinfo=UTC)


@pytest.fixture
def aspirant(db):
    return UserFactory(username="asha")


@pytest.fixture
def quiz(db):
    return QuizFactory(questions=5, seconds_per_question=19)


@pytest.fixture
def t0():
    return T0
