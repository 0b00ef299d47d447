from __future__ import annotations

from django.utils.safestring import SafeString

from questions.markdown import render_markdown


def test_render_markdown_drops_script_and_its_content():
    html = render_markdown("Before <script>alert('x')</script> after")
    assert "<script" not in html
    assert "alert" not in html
    assert "Before" in html and "after" in html


def test_render_markdown_drops_event_attributes():
    html = render_markdown(
        '<img src="x" onerror="alert(1)"> <a href="https://a.example" onclick="x()">a</a>'
    )
    assert "onerror" not in html
    assert "onclick" not in html
    assert "alert" not in html


def test_render_markdown_drops_javascript_links():
    html = render_markdown('[click](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">b</a>')
    assert "javascript:" not in html.lower()
    assert "click" in html


def test_render_markdown_drops_style_and_iframe():
    html = render_markdown('<style>p{}</style><iframe src="https://evil.example"></iframe>ok')
    assert "<style" not in html
    assert "<iframe" not in html


def test_render_markdown_keeps_bold_emphasis_and_lists():
    html = render_markdown("**bold** and *em*\n\n- one\n- two\n\n1. first\n2. second")
    assert "<strong>bold</strong>" in html
    assert "<em>em</em>" in html
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html
    assert "<ol>" in html and "<li>first</li>" in html


def test_render_markdown_keeps_https_links_with_safe_rel():
    html = render_markdown("[PIB](https://pib.gov.in/release?id=1)")
    assert 'href="https://pib.gov.in/release?id=1"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_render_markdown_escapes_text_and_returns_safe_string():
    html = render_markdown("5 < 6 & 7 > 2")
    assert isinstance(html, SafeString)
    assert "&lt;" in html and "&amp;" in html


def test_render_markdown_of_nothing_is_empty():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""
