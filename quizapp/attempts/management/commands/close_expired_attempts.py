"""Finish every attempt whose clock has run out (safe from cron, and concurrently)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from quizapp.attempts import services


class Command(BaseCommand):
    help = (
        "Record as timed out every question whose deadline has passed, finishing abandoned "
        "attempts at their last deadline. Safe to run from cron and concurrently."
    )

    def handle(self, *args, **options) -> None:
        finished = services.close_expired(now=timezone.now())
        self.stdout.write(f"Finished {finished} expired attempt(s).")
