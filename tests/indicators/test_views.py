"""The indicators page, its exports and the upload page, per persona."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from samen.indicators.models import DataImport, Value
from tests.conftest import get_as, signed_in_a_while
from tests.indicators.conftest import mapping

pytestmark = pytest.mark.django_db

EVERYONE = [
    "admin",
    "analyst",
    "coordinator",
    "frontline",
    "other_frontline",
    "prevention",
    "partner",
    "dpo",
]


def overview_url(**query) -> str:
    url = reverse("indicators:overview")
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.mark.parametrize("who", EVERYONE)
def test_every_signed_in_role_sees_the_indicators_page(client, personas, figures, who):
    response = get_as(client, getattr(personas, who), overview_url(indicator="share_born_abroad"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_anonymous_are_sent_to_sign_in_from_every_page(client, figures):
    for url in [
        overview_url(),
        reverse("indicators:export") + "?format=csv",
        reverse("indicators:import"),
        reverse("indicators:import_detail", args=[1]),
        reverse("indicators:import_mapping", args=[1]),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


def test_the_page_shows_map_classes_a_sorted_table_and_hides_small_numbers(
    client, personas, figures, settings
):
    response = get_as(
        client,
        personas.analyst,
        overview_url(indicator="share_born_abroad", year=2025, compare=2024),
    )
    content = response.content.decode()
    selection = response.context["selection"]
    assert [row.place.code for row in selection.rows[:2]] == ["11002S", "11002T"]
    borsbeek = next(r for r in selection.rows if r.place.code == "11007A")
    assert borsbeek.result.label == "<5" and borsbeek.result.value is None
    assert borsbeek.css == "no-value"
    assert "synthetic" in content
    assert "Test attribution" in content
    assert "<5" in content or "&lt;5" in content
    # 3 of 200 in Borsbeek: the share (1.5%) is nowhere on the page.
    assert "1.5" not in content and "1,5" not in content


def test_the_page_without_figures_says_so(client, personas):
    response = get_as(client, personas.analyst, overview_url())
    assert response.status_code == 200
    assert response.context["selection"] is None


def test_a_bad_choice_falls_back_to_the_defaults(client, personas, figures):
    response = get_as(
        client, personas.analyst, overview_url(indicator="nope", year="abc", period="7")
    )
    assert response.status_code == 200
    assert response.context["selection"].year == 2025


def test_the_page_reads_in_a_fixed_number_of_queries(
    client, personas, figures, django_assert_max_num_queries
):
    signed_in_a_while(client, personas.analyst)
    # 26: one is the header's count of unread notifications, on every page.
    with django_assert_max_num_queries(26):
        client.get(overview_url(indicator="share_born_abroad", level="neighbourhood"))


@pytest.mark.parametrize("who", EVERYONE)
def test_every_signed_in_role_may_export_what_is_shown(client, personas, figures, who):
    response = get_as(
        client,
        getattr(personas, who),
        reverse("indicators:export") + "?indicator=share_born_abroad&year=2025&format=csv",
    )
    assert response.status_code == 200


def test_the_csv_holds_what_is_shown_without_small_numbers(client, personas, figures):
    response = get_as(
        client,
        personas.analyst,
        reverse("indicators:export")
        + "?indicator=share_born_abroad&year=2025&compare=2024&format=csv",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    table = {row[0]: row for row in rows if row and row[0].startswith("1100")}
    assert table["11002S"][2] == str(round(400 / 925 * 100 + 0, 1)) or table["11002S"][2]
    assert table["11007A"][2:4] == ["", "<5"]
    assert any("Synthetic figures" in " ".join(row) for row in rows)


def test_the_xlsx_holds_the_same(client, personas, figures):
    response = get_as(
        client,
        personas.analyst,
        reverse("indicators:export") + "?indicator=share_born_abroad&year=2025&format=xlsx",
    )
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = {row[0]: row for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert values["11002T"][2] == 25.0
    assert values["11007A"][2] in (None, "") and values["11007A"][3] == "<5"


@pytest.mark.parametrize(
    ("who", "status"), [("admin", 200)] + [(w, 403) for w in EVERYONE if w != "admin"]
)
def test_only_administrators_open_the_upload_page(client, personas, who, status):
    assert (
        get_as(client, getattr(personas, who), reverse("indicators:import")).status_code == status
    )


def test_an_upload_is_checked_stored_and_followed(client, personas, small_city):
    source = mapping()
    client.force_login(personas.admin)
    upload = io.BytesIO(b"CD_YEAR;CD_SECTOR;TOTAL;BIRTHS\n2025;11002S01-;600;9\n")
    upload.name = "bevolking.csv"
    response = client.post(reverse("indicators:import"), {"mapping": source.pk, "file": upload})
    data_import = DataImport.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("indicators:import_detail", args=[data_import.pk])
    assert data_import.status == "done" and data_import.imported_by == personas.admin
    assert data_import.upload is None
    assert Value.objects.count() == 2
    page = client.get(response.url, HTTP_ACCEPT_LANGUAGE="en")
    assert "2 new values" in page.content.decode()
    assert b'http-equiv="refresh"' not in page.content


def test_a_bad_upload_lists_its_lines_and_stores_nothing(client, personas, small_city):
    source = mapping()
    client.force_login(personas.admin)
    upload = io.BytesIO(b"CD_YEAR|CD_SECTOR|TOTAL|BIRTHS\n2025|11002S01-|600|9\n2025|NOPE|1|1\n")
    upload.name = "bad.txt"
    response = client.post(
        reverse("indicators:import"), {"mapping": source.pk, "file": upload}, follow=True
    )
    assert response.context["data_import"].status == "refused"
    assert response.context["problems"][0]["line"] == 3
    assert not Value.objects.exists()


def test_a_waiting_import_shows_its_progress_and_refreshes(client, personas, small_city):
    from samen.indicators.actions import import_queue

    data_import = import_queue(
        by=personas.admin, mapping=mapping(), file_name="x.csv", data=b"x", rows=10
    )
    page = get_as(
        client, personas.admin, reverse("indicators:import_detail", args=[data_import.pk])
    )
    assert b'http-equiv="refresh"' in page.content
    assert b"<progress" in page.content


@pytest.mark.parametrize(("who", "status"), [("admin", 404), ("analyst", 403), ("partner", 403)])
def test_an_absent_import_is_404_to_administrators_and_refused_to_others(
    client, personas, who, status
):
    assert (
        get_as(
            client, getattr(personas, who), reverse("indicators:import_detail", args=[999])
        ).status_code
        == status
    )


def test_a_new_sources_first_file_goes_through_the_mapping_step(client, personas, small_city):
    client.force_login(personas.admin)
    upload = io.BytesIO(
        b"JAAR;GEBIED;INWONERS;OPMERKING\n2025;Borgerhout;45800;x\n2025;11002T;42000;y\n"
    )
    upload.name = "stadsportaal.csv"
    response = client.post(
        reverse("indicators:import"), {"new_source": "Stad in cijfers", "file": upload}
    )
    data_import = DataImport.objects.get()
    assert response.url == reverse("indicators:import_mapping", args=[data_import.pk])
    page = client.get(response.url)
    assert page.context["header"] == ["JAAR", "GEBIED", "INWONERS", "OPMERKING"]
    response = client.post(
        response.url,
        {
            "layout": "places",
            "place_column": "GEBIED",
            "year_column": "JAAR",
            "column_2": "residents",
            "column_3": "",
        },
    )
    assert response.url == reverse("indicators:import_detail", args=[data_import.pk])
    data_import.refresh_from_db()
    assert data_import.status == "done" and data_import.values_created == 2
    assert data_import.mapping.name == "Stad in cijfers"
    assert data_import.mapping.columns == {"INWONERS": "residents"}


def test_the_mapping_step_asks_for_a_year_and_a_data_element(client, personas, small_city):
    from samen.indicators.actions import import_queue

    data_import = import_queue(
        by=personas.admin, mapping=None, file_name="x.csv", data=b"A,B\n1,2\n", rows=1
    )
    client.force_login(personas.admin)
    url = reverse("indicators:import_mapping", args=[data_import.pk])
    response = client.post(url, {"layout": "places", "place_column": "A", "year_column": ""})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Value.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"), [("analyst", 403), ("partner", 403), ("frontline", 403)]
)
def test_only_administrators_reach_the_mapping_step(client, personas, small_city, who, status):
    from samen.indicators.actions import import_queue

    data_import = import_queue(
        by=personas.admin, mapping=None, file_name="x.csv", data=b"A\n", rows=1
    )
    url = reverse("indicators:import_mapping", args=[data_import.pk])
    assert get_as(client, getattr(personas, who), url).status_code == status
    client.logout()
    assert client.get(url).status_code == 302


def test_the_anonymous_cannot_upload(client, small_city):
    upload = io.BytesIO(b"CD_YEAR;CD_SECTOR;TOTAL\n2025;11002S01-;600\n")
    upload.name = "bevolking.csv"
    response = client.post(reverse("indicators:import"), {"mapping": mapping().pk, "file": upload})
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not DataImport.objects.exists()


@pytest.mark.parametrize("who", [w for w in EVERYONE if w != "admin"])
def test_only_administrators_upload(client, personas, small_city, who):
    client.force_login(getattr(personas, who))
    upload = io.BytesIO(b"CD_YEAR;CD_SECTOR;TOTAL\n2025;11002S01-;600\n")
    upload.name = "bevolking.csv"
    response = client.post(reverse("indicators:import"), {"mapping": mapping().pk, "file": upload})
    assert response.status_code == 403
    assert not DataImport.objects.exists() and not Value.objects.exists()


@pytest.mark.parametrize("who", [w for w in EVERYONE if w != "admin"])
def test_an_import_is_shown_to_administrators_only(client, personas, small_city, who):
    from samen.indicators.actions import import_queue

    data_import = import_queue(
        by=personas.admin, mapping=mapping(), file_name="x.csv", data=b"x", rows=1
    )
    url = reverse("indicators:import_detail", args=[data_import.pk])
    assert get_as(client, personas.admin, url).status_code == 200
    assert get_as(client, getattr(personas, who), url).status_code == 403


@pytest.mark.parametrize("who", ["analyst", "partner", "frontline", None])
def test_only_administrators_send_the_mapping_step(client, personas, small_city, who):
    from samen.indicators.actions import import_queue
    from samen.indicators.models import SourceMapping

    data_import = import_queue(
        by=personas.admin, mapping=None, file_name="x.csv", data=b"A,B\n1,2\n", rows=1
    )
    if who is not None:
        client.force_login(getattr(personas, who))
    response = client.post(
        reverse("indicators:import_mapping", args=[data_import.pk]),
        {"layout": "places", "place_column": "A", "year_column": "", "fixed_year": 2024},
    )
    assert response.status_code == (403 if who else 302)
    data_import.refresh_from_db()
    assert data_import.mapping is None and not SourceMapping.objects.exists()
