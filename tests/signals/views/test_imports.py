"""The CSV import page: who may open it, bad rows in a table, a good file imported."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samen.places.models import Place
from samen.signals.models import Signal, SignalImport
from samen.signals.views import imports as import_views
from tests.conftest import get_as
from tests.signals.test_csv_import import csv_bytes, row

pytestmark = pytest.mark.django_db

URL = "/signals/exchange/import/"


@pytest.fixture
def wijk(personas):
    return Place.objects.create(
        kind="neighbourhood", code="11002S01", name_nl="Wijk", parent=personas.borgerhout
    )


def upload(client, data: bytes, name: str = "signalen.csv", **extra):
    headers = {k: extra.pop(k) for k in list(extra) if k.startswith("HTTP_")}
    return client.post(
        URL, {"file": SimpleUploadedFile(name, data, "text/csv"), **extra}, **headers
    )


def test_the_page_lives_in_the_exchange_urls():
    assert reverse("signal_exchange:import") == URL


def test_anonymous_gets_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert client.post(URL).status_code == 302


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin", 200),
        ("analyst", 200),
        ("coordinator", 200),
        ("frontline", 403),
        ("other_frontline", 403),
        ("prevention", 403),
        ("partner", 403),
        ("dpo", 403),
    ],
)
def test_who_may_open_the_page(client, personas, who, status):
    assert get_as(client, getattr(personas, who), URL).status_code == status


def test_an_outsider_cannot_upload(client, personas, wijk):
    client.force_login(personas.frontline)
    assert upload(client, csv_bytes(row())).status_code == 403
    assert not Signal.objects.exists()


def test_a_good_file_is_imported_and_reported(client, personas, wijk):
    client.force_login(personas.analyst)
    response = upload(client, csv_bytes(row(), row()), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response.url == URL
    assert SignalImport.objects.get().rows == 2
    page = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")
    assert "Imported 2 signals from signalen.csv." in page.content.decode()


def test_bad_rows_are_shown_in_a_table_and_nothing_is_imported(client, personas, wijk):
    client.force_login(personas.analyst)
    response = upload(client, csv_bytes(row(), row(severity="7"), row(confidence="x")))
    assert response.status_code == 200
    assert [(p.line, p.column) for p in response.context["problems"]] == [
        (3, "severity"),
        (4, "confidence"),
    ]
    html = response.content.decode()
    assert "<td>3</td>" in html and "<td>4</td>" in html
    assert not Signal.objects.exists()


def test_a_file_imported_before_needs_the_box_ticked(client, personas, wijk):
    client.force_login(personas.analyst)
    upload(client, csv_bytes(row()))
    response = upload(client, csv_bytes(row()))
    assert response.status_code == 200
    assert response.context["outcome"].earlier
    assert Signal.objects.count() == 1
    assert upload(client, csv_bytes(row()), again="on").status_code == 302
    assert Signal.objects.count() == 2


def test_the_page_refuses_files_beyond_its_limits(client, personas, wijk, monkeypatch):
    client.force_login(personas.analyst)
    monkeypatch.setattr(import_views, "MAX_UPLOAD_ROWS", 1)
    response = upload(client, csv_bytes(row(), row()))
    assert response.context["problems"][0].line == 3
    monkeypatch.setattr(import_views, "MAX_UPLOAD_BYTES", 10)
    response = upload(client, csv_bytes(row()))
    assert response.context["form"].errors["file"]
    assert not Signal.objects.exists()


def test_the_page_has_no_inline_script_or_style(client, personas):
    html = get_as(client, personas.analyst, URL).content.decode()
    assert "<script>" not in html and "style=" not in html and "<style" not in html
