"""The django-import-export resource behind the admin's Export button and export_questions.

Export only: imports go through ``questions.importing``, which also reads GIFT and Aiken, checks
a whole file before writing any of it and writes in bulk (see docs/authoring.md).
"""

from __future__ import annotations

from import_export import resources
from import_export.fields import Field

from .exporting import as_candidate, with_related
from .formats import tabular
from .models import Question


class QuestionResource(resources.ModelResource):
    """One row per question, in the columns ``questions.formats.tabular`` reads."""

    stem = Field(column_name="stem")
    option_a = Field(column_name="option_a")
    option_b = Field(column_name="option_b")
    option_c = Field(column_name="option_c")
    option_d = Field(column_name="option_d")
    option_e = Field(column_name="option_e")
    option_f = Field(column_name="option_f")
    correct = Field(column_name="correct")
    explanation = Field(column_name="explanation")
    topic = Field(column_name="topic")
    difficulty = Field(column_name="difficulty")
    facts = Field(column_name="facts")
    status = Field(column_name="status")

    class Meta:
        model = Question
        fields = tabular.COLUMNS
        export_order = tabular.COLUMNS

    def filter_export(self, queryset, **kwargs):
        return with_related(queryset)

    def export_resource(self, instance: Question, selected_fields=None, **kwargs) -> list[str]:
        row = tabular.cells(as_candidate(instance))
        return [row[field.column_name] for field in self.get_export_fields(selected_fields)]
