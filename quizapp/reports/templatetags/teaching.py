"""``{% is_teacher user as can_teach %}``: for the nav, evaluated only where a page uses it."""

from __future__ import annotations

from django import template

from quizapp.reports.roles import is_teacher as _is_teacher

register = template.Library()


@register.simple_tag
def is_teacher(user) -> bool:
    return _is_teacher(user)
