"""Import questions from a CSV, Excel, GIFT or Aiken file: all of them, or none if any is wrong."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, OutputWrapper

from questions import importing
from questions.formats import FileProblem
from questions.models import Topic


class ProgressBar:
    """A one-line progress bar on a terminal; silent when the output is a file or a pipe."""

    WIDTH = 30

    def __init__(self, out: OutputWrapper):
        self.out = out
        self.shown = False
        self.last: tuple[str, int] | None = None

    def __call__(self, phase: str, done: int, total: int) -> None:
        if not self.out.isatty() or not total:
            return
        percent = done * 100 // total
        if (phase, percent) == self.last:
            return
        self.last = (phase, percent)
        filled = self.WIDTH * done // total
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.out.write(f"\r{phase:<8} [{bar}] {percent:3d}% {done}/{total}", ending="")
        self.out.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.out.write("")
            self.shown = False


class Command(BaseCommand):
    help = (
        "Import questions from FILE (CSV, Excel .xlsx, GIFT or Aiken). Every question is "
        "checked first; if any is wrong, nothing is written and every problem is listed. "
        "Duplicates of questions already in the bank are skipped."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="the file to import")
        parser.add_argument(
            "--format",
            dest="fmt",
            choices=list(importing.FORMATS),
            help="the file's format (default: from its extension: .csv .xlsx .gift .aiken)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check the file and list what would be created and skipped; write nothing",
        )
        parser.add_argument(
            "--topic",
            metavar="SLUG",
            help=f"topic for questions the file gives none (default: “{importing.DEFAULT_TOPIC}”, "
            "made when needed)",
        )

    def handle(
        self, *args, file: str, fmt: str | None, dry_run: bool, topic: str | None, **options
    ):
        path = Path(file)
        try:
            fmt = fmt or importing.guess_format(path.name)
            data = importing.read_path(path)
        except FileProblem as problem:
            raise CommandError(f"{path}: {problem}") from None
        default_topic = None
        if topic:
            default_topic = Topic.objects.filter(slug=topic).first()
            if default_topic is None:
                slugs = ", ".join(Topic.objects.values_list("slug", flat=True)) or "none yet"
                raise CommandError(f"No topic with slug “{topic}”. Topics: {slugs}.")
        progress = ProgressBar(self.stderr)
        report = importing.import_file(
            data, fmt=fmt, dry_run=dry_run, default_topic=default_topic, progress=progress
        )
        progress.finish()
        self.show(report, verbosity=options["verbosity"])
        if report.errors:
            raise CommandError(
                f"{len(report.errors)} error{'s' if len(report.errors) != 1 else ''} in {path}; "
                "nothing was imported."
            )

    def show(self, report: importing.ImportReport, *, verbosity: int) -> None:
        for warning in report.warnings:
            self.stderr.write(f"warning: {warning}")
        for error in report.errors:
            self.stderr.write(self.style.ERROR(str(error)))
        listing = report.dry_run or verbosity >= 2
        if listing and not report.errors:
            verb = "would create" if report.dry_run else "created"
            for entry in report.created:
                self.stdout.write(f"{verb}: {entry.where}: {entry.short_stem}")
            for topic in report.new_topics:
                self.stdout.write(f"{verb} topic “{topic}”")
        if verbosity >= 1:
            for entry in report.skipped:
                self.stdout.write(f"skipped: {entry.where}: {entry.short_stem} ({entry.note})")
            self.stdout.write(report.summary())
