"""Project-wide views."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """An expired or missing CSRF token: say what happened and how to go on."""
    message = _(
        "Your session's security token has expired or is missing, so nothing was saved. "
        "Reload the page and try again; your quiz clock keeps running on the server."
    )
    if request.headers.get("HX-Request"):
        return render(request, "csrf_failure.html#message", {"message": message}, status=403)
    return render(request, "csrf_failure.html", {"message": message}, status=403)


@login_required
def bench_ceiling(request: HttpRequest) -> HttpResponse:
    """The load benchmark's yardstick: the least a login-required page can cost.

    Routed only when settings.BENCH_CEILING is on.
    """
    return render(request, "bench/ceiling.html", {"name": request.user.get_username()})
