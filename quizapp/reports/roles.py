"""Who is a teacher: a member of the "Teachers" group, or a superuser."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

TEACHERS_GROUP = "Teachers"
_CACHE_ATTR = "_reports_is_teacher"


def is_teacher(user) -> bool:
    """One query at most per user object (the answer is kept on it for the request)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = user.groups.filter(name=TEACHERS_GROUP).exists()
        setattr(user, _CACHE_ATTR, cached)
    return cached


def teacher_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous users go to log in; signed-in users who do not teach get 403."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_teacher(request.user):
            raise PermissionDenied("teachers only")
        return view(request, *args, **kwargs)

    return login_required(wrapped)
