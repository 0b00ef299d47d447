from django.urls import path

from . import views

app_name = "attempts"

urlpatterns = [
    path("quizzes/<slug:slug>/start/", views.start, name="start"),
    path("attempts/<uuid:attempt_id>/", views.take, name="take"),
    path("attempts/<uuid:attempt_id>/answer/", views.answer, name="answer"),
    path("attempts/<uuid:attempt_id>/next/", views.next_question, name="next"),
    path("attempts/<uuid:attempt_id>/finish/", views.finish, name="finish"),
    path("attempts/<uuid:attempt_id>/results/", views.results, name="results"),
    path("me/scores/", views.history, name="history"),
]
