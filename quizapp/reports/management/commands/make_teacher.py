"""Make a user a teacher (or, with --remove, no longer one)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from quizapp.reports.roles import TEACHERS_GROUP


class Command(BaseCommand):
    help = "Add a user to the Teachers group, so they can run classes and see reports."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument(
            "--remove", action="store_true", help="Take the user out of the Teachers group."
        )

    def handle(self, *args, username: str, remove: bool, **options) -> None:
        User = get_user_model()  # noqa: N806
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(
                f"No user is called {username!r}. Check the spelling (usernames are "
                "case-sensitive), or have them sign up first."
            ) from None
        group, _created = Group.objects.get_or_create(name=TEACHERS_GROUP)
        if remove:
            user.groups.remove(group)
            self.stdout.write(self.style.SUCCESS(f"{username} is no longer a teacher."))
        else:
            user.groups.add(group)
            self.stdout.write(
                self.style.SUCCESS(
                    f"{username} is a teacher now: they will see “Teach” in the menu."
                )
            )
