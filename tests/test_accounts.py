"""Accounts: sign-up errors, password change, and password reset by email."""

from __future__ import annotations

import re

from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory


def test_signup_refuses_a_taken_email_with_a_clear_message(client, db):
    UserFactory(email="taken@example.com")
    response = client.post(
        reverse("signup"),
        {
            "username": "someone",
            "email": "Taken@Example.com",
            "password1": "a-long-pass-phrase-42",
            "password2": "a-long-pass-phrase-42",
        },
    )
    assert response.status_code == 200
    assert "An account with this email already exists" in response.content.decode()


def test_signup_ignores_an_offsite_next(client, db):
    response = client.post(
        reverse("signup") + "?next=https://evil.example/",
        {
            "username": "someone",
            "email": "someone@example.com",
            "password1": "a-long-pass-phrase-42",
            "password2": "a-long-pass-phrase-42",
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == reverse("home")


def test_password_change(client, user):
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "correct-horse-battery",
            "new_password1": "another-long-phrase-77",
            "new_password2": "another-long-phrase-77",
        },
    )
    assert response["Location"] == reverse("password_change_done")
    user.refresh_from_db()
    assert user.check_password("another-long-phrase-77")


def test_password_reset_mail_link_sets_a_new_password(client, user):
    client.post(reverse("password_reset"), {"email": user.email})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password/reset/\S+)", mail.outbox[0].body)
    response = client.get(link.group(1), follow=True)
    assert "Set a new password" in response.content.decode()
    form_url = response.redirect_chain[-1][0]
    done = client.post(
        form_url, {"new_password1": "fresh-long-phrase-88", "new_password2": "fresh-long-phrase-88"}
    )
    assert done["Location"] == reverse("password_reset_complete")
    user.refresh_from_db()
    assert user.check_password("fresh-long-phrase-88")
