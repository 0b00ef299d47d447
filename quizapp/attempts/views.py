"""Taking quizzes: browse, start, answer against the clock, results, history."""

from __future__ import annotations

from django.http import HttpResponse


def home(request):
    return HttpResponse("home")


def quiz_detail(request, slug):
    return HttpResponse("quiz")


def start(request, slug):
    return HttpResponse("start")


def take(request, attempt_id):
    return HttpResponse("take")


def answer(request, attempt_id):
    return HttpResponse("answer")


def next_question(request, attempt_id):
    return HttpResponse("next")


def results(request, attempt_id):
    return HttpResponse("results")


def history(request):
    return HttpResponse("history")
