"""Classes in the admin: an admin makes a teacher by adding the user to the Teachers group."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Accommodation, Assignment, Classroom, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["student"]
    readonly_fields = ["joined_at"]


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    autocomplete_fields = ["quiz"]


class AccommodationInline(admin.TabularInline):
    model = Accommodation
    extra = 0
    autocomplete_fields = ["student"]


@admin.register(Classroom)
class ClassroomAdmin(admin.ModelAdmin):
    list_display = ["name", "teacher", "code", "created_at"]
    list_select_related = ["teacher"]
    search_fields = ["name", "code", "teacher__username"]
    autocomplete_fields = ["teacher"]
    readonly_fields = ["created_at"]
    inlines = [MembershipInline, AssignmentInline, AccommodationInline]
    actions = ["regenerate_codes"]

    @admin.action(description=_("Regenerate the join codes of the selected classes"))
    def regenerate_codes(self, request, queryset) -> None:
        for classroom in queryset:
            classroom.regenerate_code()
        count = queryset.count()
        self.message_user(
            request,
            ngettext("%(n)d join code regenerated.", "%(n)d join codes regenerated.", count)
            % {"n": count},
            messages.SUCCESS,
        )


@admin.register(Accommodation)
class AccommodationAdmin(admin.ModelAdmin):
    list_display = ["student", "classroom", "multiplier", "granted_at"]
    list_select_related = ["student", "classroom"]
    search_fields = ["student__username", "classroom__name"]
    autocomplete_fields = ["student", "classroom"]
