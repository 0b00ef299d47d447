"""Login throttling (django-axes): wrong passwords lock one username from one address a while."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory

RIGHT = "correct-horse-battery"


def log_in(client, password: str, username: str = "asha", **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def test_settings_lock_after_five_wrong_passwords_for_fifteen_minutes():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_wrong_passwords_below_the_limit_just_show_the_form_error(client, aspirant):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(client, "wrong")
        assert response.status_code == 200
        assert "Please enter a correct username and password" in response.content.decode()
    assert log_in(client, RIGHT).status_code == 302


def test_fifth_wrong_password_locks_out_with_a_clear_page(client, aspirant):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "wrong")
    response = log_in(client, "wrong")
    assert response.status_code == 429
    page = response.content.decode()
    assert "<html" in page and "Logging in is paused" in page
    assert "paused for 15 minutes" in page
    assert "<strong>asha</strong>" in page
    assert reverse("password_reset") in page
    # Even the right password is refused while the lock lasts, and no session starts.
    locked = log_in(client, RIGHT)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_ends_after_the_cool_off(client, aspirant):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong")
    with time_machine.travel(timezone.now() + timedelta(minutes=16), tick=False):
        response = log_in(client, RIGHT)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(aspirant.pk)


def test_lockout_is_per_username_and_address(client, aspirant):
    UserFactory(username="ravi")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong")
    # Another account from the same address, and the same account from elsewhere, log in.
    assert log_in(client, RIGHT, username="ravi").status_code == 302
    client.logout()
    assert log_in(client, RIGHT, REMOTE_ADDR="203.0.113.9").status_code == 302


def test_right_password_resets_the_count(client, aspirant):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "wrong")
    assert log_in(client, RIGHT).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "wrong").status_code == 200


def test_force_login_and_signup_are_unaffected(client, db):
    user = UserFactory(username="meera")
    client.force_login(user)
    assert client.get(reverse("attempts:history")).status_code == 200
    client.logout()
    response = client.post(
        reverse("signup"),
        {
            "username": "newcomer",
            "email": "new@example.com",
            "password1": "a-long-pass-phrase-42",
            "password2": "a-long-pass-phrase-42",
        },
    )
    assert response.status_code == 302
    assert client.get(reverse("attempts:history")).status_code == 200
