"""The Teachers group and the permissions it carries (reversible)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TEACHERS = "Teachers"
# Teachers run their own classes (from the site; in the admin too if they are staff).
PERMISSIONS = [
    ("reports", "view_reports"),
    ("reports", "add_classroom"),
    ("reports", "change_classroom"),
    ("reports", "delete_classroom"),
    ("reports", "view_classroom"),
    ("reports", "view_membership"),
    ("reports", "delete_membership"),
    ("reports", "add_assignment"),
    ("reports", "change_assignment"),
    ("reports", "delete_assignment"),
    ("reports", "view_assignment"),
    ("reports", "add_accommodation"),
    ("reports", "change_accommodation"),
    ("reports", "delete_accommodation"),
    ("reports", "view_accommodation"),
    ("attempts", "view_attempt"),
]


def create_group(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now to attach them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=TEACHERS)
    for app_label, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=TEACHERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("attempts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
