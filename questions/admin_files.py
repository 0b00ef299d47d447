"""The question admin's Import and Export buttons.

Import: upload a file, read the dry run, confirm. The upload is checked with
``questions.importing.import_file(dry_run=True)``, the same code the ``import_questions`` command
runs. The file waits on the server under a random token that only the uploader's session knows;
confirming imports exactly that file, checked again first.

Export: django-import-export's page, with ``QuestionResource`` (CSV and Excel).
"""

from __future__ import annotations

import re
import secrets
import time
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.models import ADDITION, LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ExportForm

from . import importing
from .formats import FileProblem
from .models import Question, Topic
from .resources import QuestionResource

SESSION_KEY = "question_imports"
TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")
KEEP_SECONDS = 24 * 60 * 60
SHOWN = 200  # questions listed by name on the report page; the rest are counted


def upload_dir() -> Path:
    return Path(getattr(settings, "QUESTION_IMPORT_DIR", Path(settings.VAR_DIR) / "imports"))


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV (UTF-8), Excel .xlsx, GIFT or Aiken; see docs/authoring.md."),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("", _("From the file name (.csv, .xlsx, .gift, .aiken)")),
            ("csv", "CSV"),
            ("xlsx", "Excel (.xlsx)"),
            ("gift", "GIFT"),
            ("aiken", "Aiken"),
        ],
        required=False,
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        required=False,
        empty_label=_("“%(name)s” (made when needed)") % {"name": importing.DEFAULT_TOPIC},
        help_text=_("For questions the file gives no topic, such as every Aiken question."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if reason := importing.too_large(upload.size):
            raise ValidationError(reason[0].upper() + reason[1:] + ".", code="too_large")
        return upload

    def clean(self) -> dict:
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload and not cleaned.get("format"):
            try:
                cleaned["format"] = importing.guess_format(upload.name)
            except FileProblem as problem:
                self.add_error("format", ValidationError(str(problem), code="unknown_format"))
        return cleaned


class QuestionExportMixin(ExportMixin):
    """django-import-export's Export page for questions, in the columns the importer reads."""

    resource_classes = [QuestionResource]
    export_formats = [CSV, XLSX]
    # Every column, always: a file with columns left out would not import back.
    export_form_class = ExportForm
    import_export_change_list_template = "admin/questions/question/change_list.html"

    def has_export_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)


class QuestionImportMixin:
    """Adds the Import pages to a ModelAdmin for Question."""

    import_template = "admin/questions/question/import.html"
    import_report_template = "admin/questions/question/import_report.html"

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name=f"{info}_import",
            ),
            path(
                "import/confirm/",
                self.admin_site.admin_view(self.import_confirm_view),
                name=f"{info}_import_confirm",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Upload a file and see what importing it would do."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            fmt = form.cleaned_data["format"]
            topic = form.cleaned_data["topic"]
            data = upload.read()
            report = importing.import_file(data, fmt=fmt, dry_run=True, default_topic=topic)
            token = None
            if report.ok and report.created:
                token = _keep(request, data, name=upload.name, fmt=fmt, topic=topic)
            return self._report_page(request, report, name=upload.name, token=token, topic=topic)
        context = {
            **self._import_context(request, _("Import questions")),
            "form": form,
            "max_size": importing.max_bytes(),
        }
        return TemplateResponse(request, self.import_template, context)

    def import_confirm_view(self, request: HttpRequest) -> HttpResponse:
        """Import the file the dry run was shown for, checking it again first."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_add_permission(request):
            raise PermissionDenied
        kept = _take(request, request.POST.get("token", ""))
        if kept is None:
            messages.error(
                request,
                _("That import has already been done or has expired; upload the file again."),
            )
            return redirect(self._url("import"))
        data, pending = kept
        topic = None
        if pending["topic"] is not None:
            topic = Topic.objects.filter(pk=pending["topic"]).first()
            if topic is None:
                messages.error(request, _("The chosen topic no longer exists; upload again."))
                return redirect(self._url("import"))
        report = importing.import_file(
            data, fmt=pending["format"], dry_run=False, default_topic=topic, author=request.user
        )
        if not report.written:
            return self._report_page(request, report, name=pending["name"], topic=topic)
        if report.created_ids:
            LogEntry.objects.log_actions(
                user_id=request.user.pk,
                queryset=Question.objects.filter(pk__in=report.created_ids),
                action_flag=ADDITION,
                change_message=f"Imported from {pending['name']}",
            )
        created, skipped = len(report.created), len(report.skipped)
        message = ngettext(
            "Imported %(count)d question from %(name)s.",
            "Imported %(count)d questions from %(name)s.",
            created,
        ) % {"count": created, "name": pending["name"]}
        if skipped:
            message += " " + ngettext(
                "%(count)d duplicate was skipped.", "%(count)d duplicates were skipped.", skipped
            ) % {"count": skipped}
        self.message_user(request, message, messages.SUCCESS)
        return redirect(self._url("changelist"))

    def _report_page(self, request, report, *, name: str, token=None, topic=None):
        title = _("Check the import") if report.dry_run else _("The import failed")
        context = {
            **self._import_context(request, title),
            "report": report,
            "file_name": name,
            "token": token,
            "default_topic": topic.name if topic else importing.DEFAULT_TOPIC,
            "created_shown": report.created[:SHOWN],
            "created_hidden": max(len(report.created) - SHOWN, 0),
        }
        return TemplateResponse(request, self.import_report_template, context)

    def _import_context(self, request: HttpRequest, title) -> dict:
        request.current_app = self.admin_site.name
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "has_view_permission": self.has_view_permission(request),
        }

    def _url(self, name: str) -> str:
        opts = self.opts
        return reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{name}")


def _keep(request: HttpRequest, data: bytes, *, name: str, fmt: str, topic: Topic | None) -> str:
    """Store an uploaded file until it is confirmed; returns the token that names it."""
    folder = upload_dir()
    folder.mkdir(parents=True, exist_ok=True)
    _forget_old(folder)
    token = secrets.token_urlsafe(24)
    (folder / token).write_bytes(data)
    pending = dict(request.session.get(SESSION_KEY, {}))
    pending[token] = {
        "name": Path(name).name,
        "format": fmt,
        "topic": topic.pk if topic else None,
        "at": time.time(),
    }
    request.session[SESSION_KEY] = pending
    return token


def _take(request: HttpRequest, token: str) -> tuple[bytes, dict] | None:
    """The stored file and its details for ``token``, removed so it is imported only once."""
    if not TOKEN.fullmatch(token):
        return None
    pending = dict(request.session.get(SESSION_KEY, {}))
    details = pending.pop(token, None)
    request.session[SESSION_KEY] = pending
    stored = upload_dir() / token
    if details is None or time.time() - details["at"] > KEEP_SECONDS:
        return None
    try:
        data = stored.read_bytes()
    except OSError:
        return None
    stored.unlink(missing_ok=True)
    return data, details


def _forget_old(folder: Path) -> None:
    """Delete uploads that were never confirmed."""
    now = time.time()
    for stored in folder.iterdir():
        try:
            if stored.is_file() and now - stored.stat().st_mtime > KEEP_SECONDS:
                stored.unlink()
        except OSError:
            continue
