"""Export questions to a CSV, Excel or GIFT file that import_questions reads back."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from questions import exporting, importing
from questions.models import Quiz, Topic


class Command(BaseCommand):
    help = (
        "Export questions to FILE as CSV, Excel (.xlsx) or GIFT: all of them, a quiz's (in its "
        "order) or a topic's. import_questions reads the file back."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="the file to write")
        parser.add_argument(
            "--format",
            dest="fmt",
            choices=exporting.EXPORT_FORMATS,
            help="the file's format (default: from its extension: .csv .xlsx .gift)",
        )
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--quiz", metavar="SLUG", help="only this quiz's questions")
        which.add_argument("--topic", metavar="SLUG", help="only this topic's questions")

    def handle(
        self, *args, file: str, fmt: str | None, quiz: str | None, topic: str | None, **options
    ):
        path = Path(file)
        fmt = fmt or importing.EXTENSIONS.get(path.suffix.lower())
        if fmt not in exporting.EXPORT_FORMATS:
            raise CommandError(
                f"Cannot tell the format of “{path.name}”: use a .csv, .xlsx or .gift name, "
                "or --format."
            )
        chosen_quiz = chosen_topic = None
        if quiz and (chosen_quiz := Quiz.objects.filter(slug=quiz).first()) is None:
            raise CommandError(f"No quiz with slug “{quiz}”.")
        if topic and (chosen_topic := Topic.objects.filter(slug=topic).first()) is None:
            raise CommandError(f"No topic with slug “{topic}”.")
        questions = exporting.export_queryset(quiz=chosen_quiz, topic=chosen_topic)
        if fmt == "gift":
            data = exporting.to_gift(questions).encode("utf-8")
        else:
            data = exporting.to_tabular(questions, fmt)
        try:
            path.write_bytes(data)
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror}") from None
        count = questions.count()
        self.stdout.write(f"Exported {count} question{'s' if count != 1 else ''} to {path}.")
