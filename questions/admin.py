"""Admin for the question bank: authors write, check and publish questions and quizzes here."""

from __future__ import annotations

from string import ascii_uppercase

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.contrib.admin.widgets import AdminURLFieldWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .admin_files import QuestionExportMixin, QuestionImportMixin
from .models import Choice, Fact, Question, Quiz, QuizQuestion, Source, Topic, normalise

QUESTION_COUNT = Count("questions", distinct=True)


def change_link(obj, label: str | None = None, *, site_name: str = "admin") -> str:
    """An HTML link to ``obj``'s admin change page."""
    opts = obj._meta
    url = reverse(f"{site_name}:{opts.app_label}_{opts.model_name}_change", args=[quote(obj.pk)])
    return format_html('<a href="{}">{}</a>', url, label if label is not None else str(obj))


def link_list(objects, *, site_name: str = "admin"):
    """A bulleted list of admin links, or None (shown as the empty value) when there are none."""
    items = [(change_link(obj, site_name=site_name),) for obj in objects]
    if not items:
        return None
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", items))


# Sources and facts ----------------------------------------------------------------------------


class SourceForm(forms.ModelForm):
    # Declared to choose https for scheme-less URLs (Django 6's default) without a warning.
    url = forms.URLField(
        label=_("URL"),
        required=False,
        max_length=Source._meta.get_field("url").max_length,
        assume_scheme="https",
        widget=AdminURLFieldWidget,
    )

    class Meta:
        model = Source
        fields = ["title", "slug", "publisher", "published_on", "dates", "url", "text"]

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if self.instance.pk:
            # Editing the text must not strand facts whose quote it no longer contains.
            flat = normalise(text)
            lost = [f.label for f in self.instance.facts.all() if normalise(f.quote) not in flat]
            if lost:
                raise ValidationError(
                    _(
                        "The new text no longer contains the quote of: %(facts)s. Keep those "
                        "passages, or fix those facts' quotes first."
                    ),
                    code="quote_lost",
                    params={"facts": ", ".join(lost)},
                )
        return text


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    form = SourceForm
    list_display = ["title", "publisher", "published_on", "fact_count"]
    search_fields = ["title", "publisher", "url"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["facts_list", "questions_list"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "publisher", "published_on", "dates", "url"]}),
        (_("Text"), {"fields": ["text"]}),
        (_("Resting on this source"), {"fields": ["facts_list", "questions_list"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        return super().get_queryset(request).annotate(fact_total=Count("facts", distinct=True))

    @admin.display(description=_("facts"), ordering="fact_total")
    def fact_count(self, obj: Source) -> int:
        return obj.fact_total

    @admin.display(description=_("facts quoting it"))
    def facts_list(self, obj: Source):
        if obj.pk is None:
            return None
        return link_list(obj.facts.order_by("label"), site_name=self.admin_site.name)

    @admin.display(description=_("questions citing those facts"))
    def questions_list(self, obj: Source):
        if obj.pk is None:
            return None
        questions = Question.objects.filter(facts__source=obj).distinct().order_by("id")
        return link_list(questions, site_name=self.admin_site.name)


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    list_display = ["label", "source", "statement"]
    list_filter = ["source"]
    list_select_related = ["source"]
    search_fields = ["label", "statement", "quote"]
    fields = ["label", "statement", "source", "quote", "quote_in_context"]
    readonly_fields = ["quote_in_context"]

    @admin.display(description=_("quote in its source"))
    def quote_in_context(self, obj: Fact):
        if obj.pk is None:
            return _("Save the fact to see its quote in the source's text.")
        quote_text = normalise(obj.quote)
        paragraphs = [normalise(p) for p in obj.source.paragraphs()]
        # A quote may run across a line break, so look for the shortest run of paragraphs.
        for size in range(1, len(paragraphs) + 1):
            for start in range(len(paragraphs) - size + 1):
                passage = " ".join(paragraphs[start : start + size])
                if quote_text in passage:
                    before, _found, after = passage.partition(quote_text)
                    return format_html(
                        "<blockquote>{}<mark>{}</mark>{}</blockquote>", before, quote_text, after
                    )
        return _("The quote is not in the source's text.")


# Topics and questions -------------------------------------------------------------------------


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "question_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Topic]:
        return super().get_queryset(request).annotate(question_total=QUESTION_COUNT)

    @admin.display(description=_("questions"), ordering="question_total")
    def question_count(self, obj: Topic) -> int:
        return obj.question_total


class ChoiceFormSet(forms.BaseInlineFormSet):
    """The options of a question: two to six, exactly one of them correct."""

    def kept_forms(self) -> list[forms.ModelForm]:
        """The filled-in options that are not marked for deletion."""
        return [
            form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        kept = self.kept_forms()
        errors = []
        if len(kept) < Choice.MIN_PER_QUESTION:
            errors.append(
                ValidationError(
                    _("Give at least %(min)d options."),
                    code="too_few_options",
                    params={"min": Choice.MIN_PER_QUESTION},
                )
            )
        elif len(kept) > Choice.MAX_PER_QUESTION:
            errors.append(
                ValidationError(
                    _("Give at most %(max)d options."),
                    code="too_many_options",
                    params={"max": Choice.MAX_PER_QUESTION},
                )
            )
        correct = sum(1 for form in kept if form.cleaned_data.get("is_correct"))
        if correct == 0:
            errors.append(
                ValidationError(
                    _("Mark exactly one option as correct: none is marked yet."),
                    code="no_correct_option",
                )
            )
        elif correct > 1:
            errors.append(
                ValidationError(
                    _("Mark exactly one option as correct: %(count)d are marked."),
                    code="several_correct_options",
                    params={"count": correct},
                )
            )
        if errors:
            raise ValidationError(errors)

    def save(self, commit: bool = True) -> list[Choice]:
        if commit and self.instance.pk:
            # Options are saved one by one, and the database allows one correct option per
            # question at any moment: clear the old correct one before the new one is saved.
            staying = [
                form.instance.pk
                for form in self.kept_forms()
                if form.instance.pk and form.cleaned_data.get("is_correct")
            ]
            self.instance.choices.filter(is_correct=True).exclude(pk__in=staying).update(
                is_correct=False
            )
        return super().save(commit=commit)


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = ChoiceFormSet
    fields = ["text", "is_correct", "order"]
    ordering = ["order", "id"]
    min_num = Choice.MIN_PER_QUESTION
    max_num = Choice.MAX_PER_QUESTION

    def get_extra(self, request: HttpRequest, obj: Question | None = None, **kwargs) -> int:
        # A new question starts with four blank options; an existing one shows what it has.
        return 0 if obj else 2


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["stem", "topic", "difficulty", "status", "explanation", "facts", "author"]

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("status") != Question.Status.PUBLISHED:
            return cleaned
        # The options are checked by the inline formset, which always requires one correct.
        if "explanation" in self.fields and not normalise(cleaned.get("explanation", "")):
            self.add_error(
                "explanation",
                ValidationError(
                    _("Write an explanation before publishing, or save it as a draft."),
                    code="publish_without_explanation",
                ),
            )
        if "facts" in self.fields and not cleaned.get("facts") and "facts" not in self.errors:
            self.add_error(
                "facts",
                ValidationError(
                    _("Cite at least one fact before publishing, or save it as a draft."),
                    code="publish_without_fact",
                ),
            )
        return cleaned


@admin.register(Question)
class QuestionAdmin(QuestionImportMixin, QuestionExportMixin, admin.ModelAdmin):
    form = QuestionForm
    inlines = [ChoiceInline]
    list_display = ["short_stem", "topic", "difficulty", "status", "fact_count", "updated_at"]
    list_filter = ["topic", "difficulty", "status", "facts"]
    list_select_related = ["topic"]
    search_fields = ["stem", "explanation"]
    autocomplete_fields = ["facts"]
    raw_id_fields = ["author"]
    readonly_fields = ["explanation_preview", "created_at", "updated_at"]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["stem", "topic", "difficulty", "status"]}),
        (_("Explanation and sources"), {"fields": ["explanation", "explanation_preview", "facts"]}),
        (_("Record"), {"fields": ["author", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Question]:
        return super().get_queryset(request).annotate(fact_total=Count("facts", distinct=True))

    @admin.display(description=_("question"), ordering="stem")
    def short_stem(self, obj: Question) -> str:
        return Truncator(normalise(obj.stem)).chars(70)

    @admin.display(description=_("facts"), ordering="fact_total")
    def fact_count(self, obj: Question) -> int:
        return obj.fact_total

    @admin.display(description=_("explanation as aspirants see it"))
    def explanation_preview(self, obj: Question):
        if not normalise(obj.explanation):
            return None
        return format_html('<div class="explanation">{}</div>', obj.explanation_html)

    def save_model(self, request: HttpRequest, obj: Question, form, change: bool) -> None:
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        opts = self.opts
        return [
            path(
                "<path:object_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name=f"{opts.app_label}_{opts.model_name}_preview",
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request: HttpRequest, object_id: str) -> TemplateResponse:
        """The question as an aspirant will see it, with the answer marked for its author."""
        question = self.get_object(request, object_id)
        if question is None:
            raise Http404(_("No question with ID “%(id)s”.") % {"id": object_id})
        if not self.has_view_or_change_permission(request, question):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": question,
            "title": _("Preview"),
            "subtitle": str(question),
            "options": list(zip(ascii_uppercase, question.choices.all(), strict=False)),
            "facts": question.facts.select_related("source").order_by("label"),
            "problems": question.publish_problems(),
            "has_view_permission": True,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/questions/question/preview.html", context)

    @admin.action(description=_("Publish selected questions"), permissions=["change"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        ready = []
        for question in queryset.prefetch_related("facts", "choices"):
            problems = question.publish_problems()
            if problems:
                self.message_user(
                    request,
                    _("Not published: “%(question)s” — %(problems)s.")
                    % {"question": question, "problems": "; ".join(problems)},
                    messages.WARNING,
                )
            elif question.status != Question.Status.PUBLISHED:
                ready.append(question)
        self._set_status(request, ready, Question.Status.PUBLISHED)
        if ready:
            self.message_user(
                request,
                ngettext(
                    "Published %(count)d question.", "Published %(count)d questions.", len(ready)
                )
                % {"count": len(ready)},
                messages.SUCCESS,
            )

    @admin.action(description=_("Unpublish selected questions"), permissions=["change"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        published = list(queryset.filter(status=Question.Status.PUBLISHED))
        self._set_status(request, published, Question.Status.DRAFT)
        self.message_user(
            request,
            ngettext(
                "Unpublished %(count)d question.",
                "Unpublished %(count)d questions.",
                len(published),
            )
            % {"count": len(published)},
            messages.SUCCESS,
        )
        stranded = (
            Quiz.objects.published()
            .filter(questions__in=published)
            .exclude(quiz_questions__question__status=Question.Status.PUBLISHED)
            .distinct()
        )
        for quiz in stranded:
            self.message_user(
                request,
                _("The published quiz “%(quiz)s” now has no published question.") % {"quiz": quiz},
                messages.WARNING,
            )

    def _set_status(self, request: HttpRequest, questions: list[Question], status: str) -> None:
        now = timezone.now()
        Question.objects.filter(pk__in=[q.pk for q in questions]).update(
            status=status, updated_at=now
        )
        for question in questions:
            self.log_change(request, question, [{"changed": {"fields": [str(_("status"))]}}])


# Quizzes ------------------------------------------------------------------------------------


class QuizQuestionInline(admin.TabularInline):
    model = QuizQuestion
    fields = ["question", "question_status", "order"]
    readonly_fields = ["question_status"]
    ordering = ["order", "id"]
    autocomplete_fields = ["question"]
    extra = 1

    def get_queryset(self, request: HttpRequest) -> QuerySet[QuizQuestion]:
        return super().get_queryset(request).select_related("question")

    @admin.display(description=_("status"))
    def question_status(self, obj: QuizQuestion) -> str | None:
        return obj.question.get_status_display() if obj.question_id else None


class QuizForm(forms.ModelForm):
    """Refuses to publish a quiz unless a question chosen in its inline is published."""

    # The prefix the admin gives the QuizQuestion inline's formset: the reverse accessor's name.
    inline_prefix = QuizQuestion._meta.get_field("quiz").remote_field.get_accessor_name()

    class Meta:
        model = Quiz
        fields = [
            "title",
            "slug",
            "description",
            "is_published",
            "seconds_per_question",
            "negative_mark",
            "feedback_mode",
            "shuffle_questions",
            "shuffle_options",
        ]

    def chosen_question_ids(self) -> list[int] | None:
        """The questions the quiz will have once saved, from the inline posted with this form.

        None when no inline was posted (the saved questions then count).
        """
        prefix = self.inline_prefix
        try:
            total = int(self.data[f"{prefix}-TOTAL_FORMS"])
        except (KeyError, TypeError, ValueError):
            return None
        ids = []
        for i in range(min(total, 1000)):
            value = str(self.data.get(f"{prefix}-{i}-question") or "")
            if value.isdigit() and not self.data.get(f"{prefix}-{i}-DELETE"):
                ids.append(int(value))
        return ids

    def _post_clean(self) -> None:
        # The questions posted in the inline are what the quiz will have once saved:
        # hand their statuses to Quiz.clean, which the model validation below runs.
        ids = self.chosen_question_ids()
        if ids is not None:
            self.instance.pending_question_statuses = list(
                Question.objects.filter(pk__in=ids).values_list("status", flat=True)
            )
        super()._post_clean()


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    form = QuizForm
    inlines = [QuizQuestionInline]
    list_display = [
        "title",
        "question_count",
        "is_published",
        "seconds_per_question",
        "negative_mark",
        "feedback_mode",
    ]
    list_filter = ["is_published", "feedback_mode"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "description", "is_published"]}),
        (
            _("Rules"),
            {
                "fields": [
                    "seconds_per_question",
                    "negative_mark",
                    "feedback_mode",
                    "shuffle_questions",
                    "shuffle_options",
                ]
            },
        ),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Quiz]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                question_total=QUESTION_COUNT,
                published_total=Count(
                    "questions",
                    filter=Q(questions__status=Question.Status.PUBLISHED),
                    distinct=True,
                ),
            )
        )

    @admin.display(description=_("questions (published)"), ordering="question_total")
    def question_count(self, obj: Quiz) -> str:
        return f"{obj.question_total} ({obj.published_total})"
