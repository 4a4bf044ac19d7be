"""The search form of the audit trail (samen/audit/forms.py)."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.http import QueryDict

from samen.audit.forms import AuditSearchForm
from samen.places.models import Place


def test_an_empty_search_is_valid_and_searches_everything(personas):
    form = AuditSearchForm(data={})
    assert form.is_valid()
    arguments = form.search_arguments()
    assert arguments["actor"] is None and arguments["content_type"] is None
    assert arguments["since"] is None and arguments["until"] is None


def test_the_person_and_kind_of_record_are_found(personas):
    kind = ContentType.objects.get_for_model(Place)
    form = AuditSearchForm(
        data={"actor": "ADMIN@samen.test", "record_type": str(kind.pk), "record_id": " 7 "}
    )
    assert form.is_valid(), form.errors
    arguments = form.search_arguments()
    assert arguments["actor"] == personas.admin
    assert arguments["content_type"] == kind
    assert arguments["object_pk"] == "7"
    typed = form.typed_filters(QueryDict("actor=ADMIN@samen.test&page=2"))
    assert typed["record_type"] == "places.place"
    assert typed["page"] == "2"


def test_an_unknown_person_and_a_backwards_period_are_refused(personas):
    form = AuditSearchForm(data={"actor": "niemand@samen.test"})
    assert not form.is_valid() and "actor" in form.errors
    form = AuditSearchForm(data={"since": "2026-03-02", "until": "2026-03-01"})
    assert not form.is_valid() and form.non_field_errors()


def test_the_last_day_is_included(personas):
    form = AuditSearchForm(data={"since": "2026-03-01", "until": "2026-03-01"})
    assert form.is_valid()
    arguments = form.search_arguments()
    assert arguments["until"] - arguments["since"] == datetime.timedelta(days=1)
