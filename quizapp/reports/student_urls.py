"""Aspirants' side of classes, under /classes/."""

from django.urls import path

from . import views

app_name = "classes"

urlpatterns = [
    path("", views.my_classes, name="mine"),
    path("join/", views.join, name="join"),
    path("<int:classroom_id>/leave/", views.leave, name="leave"),
]
