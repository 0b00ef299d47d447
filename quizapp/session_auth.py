"""A session's sign-in checked against a user read together with other data.

``django.contrib.auth`` reads the signed-in user with a query of its own on the
first use of ``request.user``. The question page and the answer, the two requests
every aspirant makes once per question, read the user in the same statement as
the attempt (``quizapp.attempts.sql.read_attempt``), filtered by the user id the
session claims; ``confirms`` then checks that user exactly as
``django.contrib.auth.get_user`` would: a backend still configured whose
``get_user`` is ModelBackend's, a user it lets sign in (active), and a session
hash made from the user's current password with the current secret key. When
anything is less certain (a hash only a fallback secret key made, which Django
answers by rotating the session; a password changed since, which ends it; a
backend of another kind) it returns False and the caller lets Django decide.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import (
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
    load_backend,
)
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare


def claimed_user_id(request: HttpRequest):
    """The id of the user the session says is signed in, not yet checked; None if none."""
    try:
        return get_user_model()._meta.pk.to_python(request.session[SESSION_KEY])
    except (KeyError, ValidationError):
        return None


def confirms(request: HttpRequest, user) -> bool:
    """Whether Django would sign ``user`` in for this session as it stands.

    On True the caller may use ``user`` as ``request.user``; the session is left
    as it was, as Django leaves it in that case.
    """
    session = request.session
    backend_path = session.get(BACKEND_SESSION_KEY)
    if backend_path not in settings.AUTHENTICATION_BACKENDS:
        return False
    backend = load_backend(backend_path)
    if type(backend).get_user is not ModelBackend.get_user:
        return False
    if user.pk != claimed_user_id(request) or not backend.user_can_authenticate(user):
        return False
    session_hash = session.get(HASH_SESSION_KEY)
    return bool(session_hash) and constant_time_compare(session_hash, user.get_session_auth_hash())
