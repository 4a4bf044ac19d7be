"""A small world of exchanges around the shared personas: the city's department (with its
district staff), a federal and a Flemish partner organisation, each with a partner
professional, and an outsider partner of neither."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.exchange import actions as act
from samen.exchange.models import Exchange
from samen.people.models import Organisation, OrganisationMembership, PolicyLevel
from samen.people.roles import Role
from tests.conftest import make_person


@pytest.fixture(autouse=True)
def exchange_files_in_a_temporary_folder(settings, tmp_path):
    """Attachments the tests store land in a folder of their own."""
    settings.SAMEN_EXCHANGE_MEDIA_ROOT = tmp_path / "exchange-files"


@pytest.fixture(autouse=True)
def pages_in_english(client):
    """The pages these tests read speak English (the Dutch and French are tested apart)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def audited(record, actor, action=LogEntry.Action.CREATE) -> bool:
    """Whether the trail holds this change of `record`, made by `actor`."""
    return AuditRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_pk=str(record.pk),
        action=action,
        actor=actor,
    ).exists()


@dataclass
class World:
    department: Organisation
    federal: Organisation
    flemish: Organisation
    federal_partner: object  # a partner professional of the federal organisation
    flemish_partner: object  # a partner professional of the Flemish organisation
    outsider: object  # a partner professional of a civil-society organisation


def _member(person, organisation):
    OrganisationMembership.objects.create(user=person, organisation=organisation)


PDF_BYTES = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture
def pdf_upload():
    """A small uploaded PDF (or whatever content is given, declared as a PDF)."""

    def upload(name: str, content: bytes = PDF_BYTES, content_type: str = "application/pdf"):
        return SimpleUploadedFile(name, content, content_type=content_type)

    return upload


@pytest.fixture
def world(personas) -> World:
    department = Organisation.objects.create(
        name="Stad – departement Samenleven",
        policy_level=PolicyLevel.MUNICIPAL,
        sector=Organisation.Sector.CITY,
    )
    federal = Organisation.objects.create(name="FOD Binnenlandse Zaken", policy_level="federal")
    flemish = Organisation.objects.create(name="Vlaams preventienetwerk", policy_level="flemish")
    civil = Organisation.objects.create(name="Buurtvereniging", policy_level="civil_society")
    for person in (
        personas.admin,
        personas.analyst,
        personas.coordinator,
        personas.frontline,
        personas.other_frontline,
        personas.prevention,
        personas.dpo,
    ):
        _member(person, department)
    _member(personas.partner, federal)
    flemish_partner = make_person(Role.PARTNER_PROFESSIONAL, "vlaams@samen.test")
    _member(flemish_partner, flemish)
    outsider = make_person(Role.PARTNER_PROFESSIONAL, "buiten@samen.test")
    _member(outsider, civil)
    return World(department, federal, flemish, personas.partner, flemish_partner, outsider)


def open_exchange(by, *, sender, receiver, to_district=None, due_in=7, **extra) -> Exchange:
    fields = act.ExchangeFields(
        kind=extra.pop("kind", "request"),
        subject=extra.pop("subject", "Cijfers voor het veiligheidsplan"),
        from_organisation=sender,
        to_organisation=receiver,
        to_district=to_district,
        due_on=timezone.localdate() + datetime.timedelta(days=due_in),
        body=extra.pop("body", "Kunnen jullie de cijfers van het tweede semester bezorgen?"),
        **extra,
    )
    return act.exchange_open(by=by, fields=fields)


@pytest.fixture
def to_borgerhout(world, personas) -> Exchange:
    """The federal partner asks the city's Borgerhout side a question."""
    return open_exchange(
        world.federal_partner,
        sender=world.federal,
        receiver=world.department,
        to_district=personas.borgerhout,
    )
