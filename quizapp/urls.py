"""URL configuration."""

from django.contrib import admin
from django.urls import include, path

from quizapp.attempts import views as attempt_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("quizapp.accounts_urls")),
    path("", attempt_views.home, name="home"),
    path("quizzes/<slug:slug>/", attempt_views.quiz_detail, name="quiz_detail"),
    path("", include("questions.urls")),
    path("", include("quizapp.attempts.urls")),
]
