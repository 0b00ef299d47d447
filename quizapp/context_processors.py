"""Template context shared by every page."""

from __future__ import annotations

from django.http import HttpRequest


def csp_nonce(request: HttpRequest) -> dict:
    """The CSP nonce under the name django-htmx's ``{% htmx_script %}`` reads.

    django-csp makes it lazily: a response gets a nonce in its header only when a
    template used it.
    """
    return {"csp_nonce": getattr(request, "csp_nonce", None)}
