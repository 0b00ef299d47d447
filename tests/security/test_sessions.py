"""Sessions end when they should: logout, and password reset links that work once."""

from __future__ import annotations

import re

from django.core import mail
from django.urls import reverse


def test_logout_ends_the_session_on_the_server(client, aspirant):
    client.post(reverse("login"), {"username": "asha", "password": "correct-horse-battery"})
    old_cookie = client.cookies["sessionid"].value
    assert client.get(reverse("attempts:history")).status_code == 200
    response = client.post(reverse("logout"))
    assert response.status_code in (200, 302)
    # Replaying the old cookie does not authenticate any more.
    client.cookies["sessionid"] = old_cookie
    response = client.get(reverse("attempts:history"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_logout_needs_a_post(client, aspirant):
    client.force_login(aspirant)
    assert client.get(reverse("logout")).status_code == 405
    assert client.get(reverse("attempts:history")).status_code == 200


def reset_link(client, email: str) -> str:
    client.post(reverse("password_reset"), {"email": email})
    assert len(mail.outbox) == 1
    return re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", mail.outbox[0].body)[1]


def test_password_reset_link_works_once(client, aspirant):
    link = reset_link(client, "asha@example.com")
    form = client.get(link, follow=True)
    assert "Set a new password" in form.content.decode()
    new = "another-long-pass-phrase-7"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    aspirant.refresh_from_db()
    assert aspirant.check_password(new)
    second = client.get(link, follow=True).content.decode()
    assert "This link no longer works" in second
    assert 'name="new_password1"' not in second


def test_password_reset_for_unknown_email_sends_nothing(client, aspirant):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert mail.outbox == []
