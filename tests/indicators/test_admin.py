"""The administrator's pages of indicators, data elements and source mappings: they open, and
every save or removal goes through the module's actions (formulas checked on the form, the
change in the trail under the administrator's name); imports stay read only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samen.audit.models import AuditRecord
from samen.indicators.models import DataElement, Indicator
from tests.conftest import get_as
from tests.indicators.conftest import element, make_indicator, mapping

pytestmark = pytest.mark.django_db


def form_data(response) -> dict:
    """What the page's form would post as it stands."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        data[name] = value
    return data


@pytest.fixture
def admin_client(client, personas):
    client.force_login(personas.admin)
    return client


def test_the_administrator_opens_every_page(admin_client, personas):
    made = element("residents", "Inwoners")
    indicator = make_indicator("density", "residents")
    source = mapping()
    urls = [
        reverse(f"admin:indicators_{name}_{page}", args=args)
        for name, pk in (
            ("dataelement", made.pk),
            ("indicator", indicator.pk),
            ("sourcemapping", source.pk),
        )
        for page, args in (("changelist", []), ("add", []), ("change", [pk]))
    ]
    for url in urls:
        assert admin_client.get(url).status_code == 200, url
    assert admin_client.get(reverse("admin:indicators_dataimport_changelist")).status_code == 200


def test_others_are_refused_the_pages(client, personas):
    url = reverse("admin:indicators_indicator_changelist")
    for name, person in personas.all().items():
        if name == "admin":
            continue
        assert get_as(client, person, url).status_code in (302, 403), name


def test_an_indicator_is_added_through_the_action_and_in_the_trail(admin_client, personas):
    element("residents", "Inwoners")
    url = reverse("admin:indicators_indicator_add")
    data = form_data(admin_client.get(url))
    data.update(
        code="residents_total",
        name_nl="Inwoners",
        meaning_nl="Hoeveel mensen er wonen.",
        numerator="residents",
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    indicator = Indicator.objects.get(code="residents_total")
    entry = AuditRecord.objects.get_for_object(indicator).get()
    assert entry.actor == personas.admin and entry.action == AuditRecord.Action.CREATE


def test_a_formula_naming_an_unknown_element_is_refused_on_the_form(admin_client):
    url = reverse("admin:indicators_indicator_add")
    data = form_data(admin_client.get(url))
    data.update(code="nothing", name_nl="Niets", meaning_nl="Niets.", numerator="no_such_element")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "numerator" in response.context["adminform"].form.errors
    assert not Indicator.objects.exists()


def test_a_data_element_is_changed_through_the_action_and_not_removed(admin_client, personas):
    made = element("residents", "Inwoners")
    url = reverse("admin:indicators_dataelement_change", args=[made.pk])
    data = form_data(admin_client.get(url))
    data["name_nl"] = "Bewoners"
    assert admin_client.post(url, data).status_code == 302
    made.refresh_from_db()
    assert made.name_nl == "Bewoners"
    change = AuditRecord.objects.get_for_object(made).filter(action=AuditRecord.Action.UPDATE)
    assert change.get().actor == personas.admin
    delete = reverse("admin:indicators_dataelement_delete", args=[made.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert DataElement.objects.filter(pk=made.pk).exists()


def test_a_source_mapping_is_saved_through_the_action(admin_client, personas):
    element("residents", "Inwoners")
    element("births", "Geboorten")
    source = mapping()
    url = reverse("admin:indicators_sourcemapping_change", args=[source.pk])
    data = form_data(admin_client.get(url))
    data["name"] = "Statbel 2026"
    assert admin_client.post(url, data).status_code == 302
    source.refresh_from_db()
    assert source.name == "Statbel 2026"
    change = AuditRecord.objects.get_for_object(source).filter(action=AuditRecord.Action.UPDATE)
    assert change.get().actor == personas.admin


def test_an_indicator_is_removed_through_the_action_and_in_the_trail(admin_client, personas):
    element("residents", "Inwoners")
    indicator = make_indicator("density", "residents")
    pk = indicator.pk
    url = reverse("admin:indicators_indicator_delete", args=[pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Indicator.objects.filter(pk=pk).exists()
    removal = AuditRecord.objects.filter(object_pk=str(pk), action=AuditRecord.Action.DELETE)
    assert removal.get().actor == personas.admin
