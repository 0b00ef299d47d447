"""Public pages of the question bank."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from .models import Source, normalise


@require_GET
def source_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The source's article, with the passage each fact quotes highlighted."""
    source = get_object_or_404(Source, slug=slug)
    facts = list(source.facts.order_by("label"))
    highlight = request.GET.get("fact")
    paragraphs = []
    for text in source.paragraphs():
        flat = normalise(text)
        html = str(escape(flat))
        for fact in facts:
            quote = str(escape(normalise(fact.quote)))
            # Overlapping quotes keep the first mark; the later one is listed beside it.
            if quote and quote in html:
                css = ' class="mark-target"' if highlight == str(fact.pk) else ""
                html = html.replace(
                    quote,
                    f'<mark id="fact-{fact.pk}"{css} title="{escape(fact.label)}">{quote}</mark>',
                    1,
                )
        paragraphs.append(mark_safe(html))  # noqa: S308 - built from escaped text only
    return render(
        request,
        "questions/source_detail.html",
        {"source": source, "facts": facts, "paragraphs": paragraphs, "highlight": highlight},
    )
