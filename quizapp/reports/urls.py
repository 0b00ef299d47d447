"""Teachers' pages, under /teach/."""

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("classes/new/", views.create_classroom, name="create_classroom"),
    path("classes/<int:classroom_id>/", views.classroom_detail, name="classroom"),
    path("classes/<int:classroom_id>/code/", views.regenerate_code, name="regenerate_code"),
    path("classes/<int:classroom_id>/assign/", views.assign, name="assign"),
    path(
        "classes/<int:classroom_id>/assignments/<int:assignment_id>/remove/",
        views.unassign,
        name="unassign",
    ),
    path(
        "classes/<int:classroom_id>/students/<int:student_id>/extra-time/",
        views.extra_time,
        name="extra_time",
    ),
    path("scores/", views.scores, name="scores"),
    path("scores/export.csv", views.export_csv, name="export_csv"),
    path("scores/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("items/", views.items, name="items"),
]
