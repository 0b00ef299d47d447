from django.urls import path

from . import views

urlpatterns = [
    path("sources/<slug:slug>/", views.source_detail, name="source_detail"),
]
