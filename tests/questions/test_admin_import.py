"""The question admin's Import pages (upload, dry run, confirm) and its Export page."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from questions import admin_files, exporting
from questions.models import Question
from tests.factories import FactFactory, QuestionFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:questions_question_import")
CONFIRM = reverse("admin:questions_question_import_confirm")
CHANGELIST = reverse("admin:questions_question_changelist")
EXPORT = reverse("admin:questions_question_export")
HEADER = "stem,option_a,option_b,correct,topic,facts,status,explanation"
GOOD = (HEADER, "When?,2008,2011,B,economy,CEPA 2011,published,Because.", "Where?,a,b,A,economy,,,")


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.QUESTION_IMPORT_DIR = tmp_path / "imports"
    TopicFactory(slug="economy", name="Economy")
    FactFactory(label="CEPA 2011")
    return settings.QUESTION_IMPORT_DIR


def upload(client, *lines: str, name: str = "bank.csv", **fields):
    data = ("\n".join(lines) + "\n").encode()
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, data), **fields})


def texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_question_list_has_import_and_export_buttons(staff_client):
    page = staff_client.get(CHANGELIST).content.decode()
    assert f'href="{IMPORT}"' in page
    assert f'href="{EXPORT}' in page


def test_import_page_shows_the_upload_form(staff_client):
    response = staff_client.get(IMPORT)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert "20.0\xa0MB" in page


def test_upload_shows_the_dry_run_then_confirm_imports(staff_client, uploads):
    response = upload(staff_client, *GOOD)
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 questions read; 2 would be created; 0 skipped as duplicates." in page
    assert "row 2" in page and "When?" in page and "B. 2011" in page
    assert "Import 2 questions" in page
    assert not Question.objects.exists()
    token = response.context["token"]
    assert (uploads / token).exists()

    response = staff_client.post(CONFIRM, {"token": token})

    assert response.status_code == 302 and response.url == CHANGELIST
    assert texts(response) == ["Imported 2 questions from bank.csv."]
    assert list(Question.objects.values_list("stem", "author__username")) == [
        ("When?", "editor"),
        ("Where?", "editor"),
    ]
    assert LogEntry.objects.filter(action_flag=ADDITION).count() == 2
    assert LogEntry.objects.first().get_change_message() == "Imported from bank.csv"
    assert not (uploads / token).exists()


def test_confirming_twice_imports_once(staff_client):
    token = upload(staff_client, *GOOD).context["token"]
    staff_client.post(CONFIRM, {"token": token})
    response = staff_client.post(CONFIRM, {"token": token})
    assert response.url == IMPORT
    assert texts(response)[-1] == (
        "That import has already been done or has expired; upload the file again."
    )
    assert Question.objects.count() == 2


def test_errors_are_all_shown_and_nothing_can_be_confirmed(staff_client):
    response = upload(
        staff_client,
        HEADER,
        "Fine?,a,b,A,economy,,,",
        "Bad?,a,b,A,economy,CEPA 2012,,",
        "Worse?,a,b,A;B,nowhere,,,",
    )
    page = response.content.decode()
    assert "“bank.csv” has 3 problems, so nothing will be imported." in page
    assert "row 3: unknown fact label “CEPA 2012” (did you mean “CEPA 2011”?)" in page
    assert "row 4: two options marked correct" in page
    assert "row 4: unknown topic “nowhere”" in page
    assert response.context["token"] is None
    assert CONFIRM not in page
    assert not Question.objects.exists()


def test_a_file_that_is_all_duplicates_has_nothing_to_import(staff_client):
    upload_and_confirm = upload(staff_client, *GOOD).context["token"]
    staff_client.post(CONFIRM, {"token": upload_and_confirm})
    response = upload(staff_client, *GOOD)
    page = response.content.decode()
    assert "Nothing to import: every question in the file is already in the bank." in page
    assert "already in the bank as question #" in page
    assert response.context["token"] is None


def test_aiken_upload_goes_to_the_chosen_topic_as_drafts(staff_client):
    energy = TopicFactory(slug="energy", name="Energy")
    response = upload(
        staff_client, "Where?", "A. Delhi", "B. Tokyo", "ANSWER: B", name="q.aiken", topic=energy.pk
    )
    assert response.context["default_topic"] == "Energy"
    staff_client.post(CONFIRM, {"token": response.context["token"]})
    question = Question.objects.get()
    assert (question.topic, question.status) == (energy, "draft")


def test_format_can_be_chosen_when_the_extension_does_not_say(staff_client):
    response = upload(staff_client, "Where?", "A. Delhi", "B. Tokyo", "ANSWER: B", name="q.txt")
    assert response.context["form"].errors["format"] == [
        "cannot tell the format of “q.txt” from its extension; choose one of csv, xlsx, gift, aiken"
    ]
    response = upload(
        staff_client, "Where?", "A. Delhi", "B. Tokyo", "ANSWER: B", name="q.txt", format="aiken"
    )
    assert response.context["report"].created


def test_a_file_over_the_size_limit_is_refused_by_the_form(staff_client, settings):
    settings.QUESTION_IMPORT_MAX_BYTES = 10
    response = upload(staff_client, *GOOD)
    assert response.context["form"].errors["file"] == [
        "The file is 0.0 MB; files larger than 0.0 MB are refused."
    ]


def test_a_file_in_the_wrong_encoding_is_reported(staff_client):
    data = f"{HEADER}\nCafé?,a,b,A,economy,,,\n".encode("latin-1")
    response = staff_client.post(IMPORT, {"file": SimpleUploadedFile("bank.csv", data)})
    assert "not UTF-8 text (line 2 has the byte 0xe9)" in response.content.decode()
    assert response.context["token"] is None


def test_someone_elses_token_does_not_import(staff_client, client):
    token = upload(staff_client, *GOOD).context["token"]
    other = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(other)
    response = client.post(CONFIRM, {"token": token})
    assert response.url == IMPORT
    assert not Question.objects.exists()


@pytest.mark.parametrize("token", ["", "../../etc/passwd", "x" * 32])
def test_bad_tokens_are_refused(staff_client, token):
    response = staff_client.post(CONFIRM, {"token": token})
    assert response.url == IMPORT


def test_confirm_only_accepts_post(staff_client):
    assert staff_client.get(CONFIRM).status_code == 405


def test_changes_between_dry_run_and_confirm_are_caught(staff_client):
    token = upload(staff_client, *GOOD).context["token"]
    QuestionFactory(stem="When?", topic__slug="economy")
    response = staff_client.post(CONFIRM, {"token": token})
    assert response.status_code == 200
    assert "row 2: question #" in response.content.decode()
    assert Question.objects.count() == 1


def test_staff_without_add_permission_cannot_import(client):
    viewer = UserFactory(is_staff=True)
    client.force_login(viewer)
    assert client.get(IMPORT).status_code == 403


def test_old_uploads_are_cleared_away(staff_client, uploads, monkeypatch):
    token = upload(staff_client, *GOOD).context["token"]
    monkeypatch.setattr(admin_files, "KEEP_SECONDS", -1)
    upload(staff_client, *GOOD)
    assert not (uploads / token).exists()


# Export --------------------------------------------------------------------------------------


def test_export_page_offers_csv_and_excel_only(staff_client):
    response = staff_client.get(EXPORT)
    assert response.status_code == 200
    assert [label for _value, label in response.context["form"].fields["format"].choices] == [
        "---",
        "csv",
        "xlsx",
    ]


def test_export_csv_matches_the_command_and_imports_back(staff_client, tmp_path):
    call_command("load_seed_bank", stdout=io.StringIO())
    response = staff_client.post(EXPORT, {"format": "0", "resource": "0"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    data = response.content
    assert data == exporting.to_tabular(exporting.export_queryset(), "csv")
    rows = list(csv.DictReader(io.StringIO(data.decode())))
    assert len(rows) == Question.objects.count()
    response = staff_client.post(IMPORT, {"file": SimpleUploadedFile("bank.csv", data)})
    assert len(response.context["report"].skipped) == Question.objects.count()


def test_export_xlsx(staff_client):
    QuestionFactory(stem="=2+2 is?")
    response = staff_client.post(EXPORT, {"format": "1", "resource": "0"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "stem"
    assert sheet["A2"].value == "'=2+2 is?"
