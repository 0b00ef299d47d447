from __future__ import annotations

import pytest

from tests.factories import UserFactory


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def staff_client(client, db):
    admin = UserFactory(username="editor", is_staff=True, is_superuser=True)
    client.force_login(admin)
    client.user = admin
    return client
