"""WSGI entry point (gunicorn quizapp.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quizapp.settings")
application = get_wsgi_application()
