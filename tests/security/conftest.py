from __future__ import annotations

import pytest

from tests.factories import UserFactory


@pytest.fixture
def aspirant(db):
    return UserFactory(username="asha", email="asha@example.com")
