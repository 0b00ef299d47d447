from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttemptsConfig(AppConfig):
    name = "quizapp.attempts"
    label = "attempts"
    verbose_name = _("Quiz attempts")
