"""``{% memo key ... %}…{% endmemo %}``: render a block once per key and language, then reuse it.

The question fragment is rendered on every answer, and on this stack rendering it
was the largest part of an answer's cost (docs/performance.md). Much of it is the
same for everybody: the stem and options of a question (every aspirant of a class
sees the same text) and the buttons and hints around them (the same for everyone
reading the page in one language). Django's ``{% cache %}`` tag would keep such a
block in a cache backend, but a backend's lookup (a hashed key, a pickled value,
a network round trip with Redis) costs about as much as rendering these blocks.
This keeps the rendered text in the process, in a dictionary of bounded size.

The block must depend on nothing but its keys and the active language: every
value it shows is a key, or derived from one. ``{% memo "controls" %}`` (no value
key) is for text that depends on the language alone.
"""

from __future__ import annotations

import itertools
import threading

from django import template
from django.utils.translation import get_language

register = template.Library()

MAX_BLOCKS = 4096  # a few MB at most: a question's block is a few KB
_blocks: dict[tuple, str] = {}
_lock = threading.Lock()
_node_ids = itertools.count()


class MemoNode(template.Node):
    def __init__(self, nodelist: template.NodeList, keys: list[template.base.FilterExpression]):
        self.nodelist, self.keys = nodelist, keys
        self.node_id = next(_node_ids)  # two blocks with the same keys stay apart

    def render(self, context: template.Context) -> str:
        key = (self.node_id, get_language(), *(k.resolve(context) for k in self.keys))
        try:
            return _blocks[key]
        except KeyError:
            pass
        except TypeError:  # a key that cannot be hashed: render every time
            return self.nodelist.render(context)
        html = self.nodelist.render(context)
        with _lock:
            if len(_blocks) >= MAX_BLOCKS:
                del _blocks[next(iter(_blocks))]  # the oldest
            _blocks[key] = html
        return html


@register.tag
def memo(parser: template.base.Parser, token: template.base.Token) -> MemoNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs at least one key")
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    return MemoNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


def clear() -> None:
    """Forget every rendered block (tests that change translations use it)."""
    with _lock:
        _blocks.clear()
