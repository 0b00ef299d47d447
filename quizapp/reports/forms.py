"""Forms for classes and for the report filters (which never trust the query string)."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from questions.models import Quiz

from .models import CODE_LENGTH, MAX_MULTIPLIER, MIN_MULTIPLIER, Classroom
from .queries import DEFAULT_SORT, ONLY_BEST, ONLY_FIRST, SORTS, teacher_quizzes

EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)


class DateInput(forms.DateInput):
    input_type = "date"


class ClassroomForm(forms.ModelForm):
    class Meta:
        model = Classroom
        fields = ["name"]
        labels = {"name": _("Class name")}


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Join code"),
        max_length=CODE_LENGTH + 4,
        help_text=_("Eight letters and digits, from your teacher."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class AssignForm(forms.Form):
    quiz = forms.ModelChoiceField(
        queryset=Quiz.objects.published(), label=_("Quiz"), empty_label=_("Choose a quiz")
    )
    due_on = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=DateInput,
        help_text=_("Optional. Shown to the class on their home page."),
    )

    def clean_due_on(self) -> date | None:
        return _check_date(self.cleaned_data.get("due_on"))


class ExtraTimeForm(forms.Form):
    multiplier = forms.DecimalField(
        label=_("Time multiplier"),
        min_value=MIN_MULTIPLIER,
        max_value=MAX_MULTIPLIER,
        max_digits=3,
        decimal_places=2,
        help_text=_("1 = standard time, 1.25 = a quarter more, 1.5 = half as much again."),
        widget=forms.NumberInput(attrs={"step": "0.05", "min": "1", "max": "3"}),
    )


def _check_date(value: date | None) -> date | None:
    if value is not None and not EARLIEST <= value <= LATEST:
        raise forms.ValidationError(
            _("Pick a date between %(earliest)s and %(latest)s."),
            code="date_out_of_range",
            params={"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()},
        )
    return value


class ReportFilterForm(forms.Form):
    """Class, quiz, dates and which attempts: every choice limited to the teacher's own."""

    classroom = forms.ModelChoiceField(
        queryset=Classroom.objects.none(),
        required=False,
        label=_("Class"),
        empty_label=_("All my classes"),
    )
    quiz = forms.ModelChoiceField(
        queryset=Quiz.objects.none(),
        required=False,
        label=_("Quiz"),
        empty_label=_("All assigned quizzes"),
    )
    start = forms.DateField(label=_("From"), required=False, widget=DateInput)
    end = forms.DateField(label=_("To"), required=False, widget=DateInput)
    only = forms.ChoiceField(
        label=_("Attempts"),
        required=False,
        choices=[
            ("", _("Every attempt")),
            (ONLY_BEST, _("Best attempt only")),
            (ONLY_FIRST, _("First attempt only")),
        ],
    )
    sort = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["classroom"].queryset = Classroom.objects.for_teacher(user)
        self.fields["quiz"].queryset = teacher_quizzes(user)

    def clean_start(self) -> date | None:
        return _check_date(self.cleaned_data.get("start"))

    def clean_end(self) -> date | None:
        return _check_date(self.cleaned_data.get("end"))

    def clean_sort(self) -> str:
        sort = self.cleaned_data.get("sort") or ""
        return sort if sort.removeprefix("-") in SORTS else DEFAULT_SORT

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise forms.ValidationError(
                _("The “From” date is after the “To” date: swap them, or clear one."),
                code="reversed_range",
            )
        return data

    def foreign_ids(self) -> bool:
        """Whether an invalid class or quiz was a well-formed id that is not the teacher's."""
        errors = self.errors.as_data()
        for name in ("classroom", "quiz"):
            raw = self.data.get(name, "")
            codes = {error.code for error in errors.get(name, [])}
            if "invalid_choice" in codes and raw.isdigit():
                return True
        return False


class ItemAnalysisFilterForm(ReportFilterForm):
    """The same filters, but a quiz is required and every student's first attempt counts."""

    only = None
    sort = None

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, user=user, **kwargs)
        self.fields["quiz"].required = True
        self.fields["quiz"].empty_label = _("Choose a quiz")
