"""URL configuration."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from quizapp import views as project_views
from quizapp.attempts import views as attempt_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("quizapp.accounts_urls")),
    path("", attempt_views.home, name="home"),
    path("quizzes/<slug:slug>/", attempt_views.quiz_detail, name="quiz_detail"),
    path("", include("questions.urls")),
    path("", include("quizapp.attempts.urls")),
    path("teach/", include("quizapp.reports.urls")),
    path("classes/", include("quizapp.reports.student_urls")),
]

if settings.BENCH_CEILING:
    urlpatterns.append(path("bench/ceiling/", project_views.bench_ceiling, name="bench_ceiling"))
