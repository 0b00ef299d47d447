"""Error pages: what a lost or unlucky aspirant sees."""

from __future__ import annotations


def test_unknown_page_gets_a_page_that_says_what_to_do(client, db):
    response = client.get("/quizzes/no-such-quiz/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "We could not find that page" in page
    assert 'href="/"' in page


def test_server_error_page_renders_without_a_request_context(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
