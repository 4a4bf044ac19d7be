"""Communities, key figures, relationships and contacts change only through the actions."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.communities import actions
from samen.communities.actions import ContactFields
from samen.communities.models import Community, Contact, Relationship, RelationshipChange
from tests.communities.conftest import fields

pytestmark = pytest.mark.django_db


def test_a_community_is_created_with_its_audit_record(personas):
    community = actions.community_create(
        by=personas.frontline, fields=fields(personas.borgerhout, "Buurtcomité Kroonstraat")
    )
    record = AuditRecord.objects.get(
        content_type__model="community", object_pk=str(community.pk), action=0
    )
    assert record.actor == personas.frontline
    assert "buurtcomité kroonstraat" in community.search_text
    assert "youth group" in community.search_text and "jeugdgroep" in community.search_text


def test_a_district_worker_cannot_put_a_community_outside_their_district(personas):
    with pytest.raises(ValidationError) as caught:
        actions.community_create(by=personas.frontline, fields=fields(personas.berchem))
    assert "your own district" in str(caught.value.message_dict["district"])
    assert not Community.objects.exists()


def test_an_analyst_only_reads(personas, city):
    with pytest.raises(PermissionDenied):
        actions.community_create(by=personas.analyst, fields=fields(personas.borgerhout))
    with pytest.raises(PermissionDenied):
        actions.relationship_change_state(
            by=personas.analyst, relationship=city.youth_mosque, state="broken", reason="x"
        )


def test_bad_community_input_names_every_problem_and_saves_nothing(personas):
    bad = fields(personas.borgerhout, name="  ", kind="gang", activities="Bel 0470 12 34 56")
    with pytest.raises(ValidationError) as caught:
        actions.community_create(by=personas.admin, fields=bad)
    assert set(caught.value.message_dict) == {"name", "kind"}
    good_name = fields(personas.borgerhout, activities="Bel 0470 12 34 56")
    with pytest.raises(ValidationError, match="0470 12 34 56"):
        actions.community_create(by=personas.admin, fields=good_name)
    assert not Community.objects.exists()


def test_key_figures_hold_a_name_a_role_and_a_channel_only(personas, city):
    figure = actions.key_figure_add(
        by=personas.coordinator,
        community=city.youth,
        name="Yusuf Demir",
        role="bridge_builder",
        contact_channel="jeugdhuis@brug.test",
    )
    city.youth.refresh_from_db()
    assert "yusuf demir" in city.youth.search_text
    record = AuditRecord.objects.get(content_type__model="keyfigure", object_pk=str(figure.pk))
    assert record.changes["name"][1] == "[redacted]"
    assert "contact_channel" in record.changes and "jeugdhuis" not in str(record.changes)
    with pytest.raises(ValidationError):
        actions.key_figure_add(by=personas.coordinator, community=city.youth, name="X", role="boss")
    actions.key_figure_remove(by=personas.coordinator, figure=figure)
    city.youth.refresh_from_db()
    assert "yusuf" not in city.youth.search_text


def test_changing_a_state_keeps_the_history_and_the_trail(personas, city):
    relationship = city.youth_mosque
    change = actions.relationship_change_state(
        by=personas.frontline,
        relationship=relationship,
        state="weakened",
        strength=2,
        reason="Onenigheid over de zaalverhuur.",
    )
    relationship.refresh_from_db()
    assert (relationship.state, relationship.strength) == ("weakened", 2)
    assert relationship.changed_on == timezone.localdate()
    assert (change.from_state, change.to_state, change.from_strength) == ("active", "weakened", 4)
    assert change.is_deterioration
    assert list(relationship.changes.values_list("to_state", flat=True)) == ["weakened", "active"]
    record = AuditRecord.objects.filter(
        content_type__model="relationship", object_pk=str(relationship.pk), action=1
    ).get()
    assert record.actor == personas.frontline
    assert record.changes["state"] == ["active", "weakened"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"state": "gone"}, "state"),
        ({"strength": 9}, "strength"),
        ({"reason": "   "}, "reason"),
        ({"on": timezone.localdate() + datetime.timedelta(days=3)}, "changed_on"),
        ({"state": "active", "strength": 4}, "state"),  # nothing changes
    ],
)
def test_a_bad_state_change_changes_nothing(personas, city, change, field):
    values = {"state": "broken", "strength": 1, "reason": "Ruzie."} | change
    with pytest.raises(ValidationError) as caught:
        actions.relationship_change_state(
            by=personas.coordinator, relationship=city.youth_mosque, **values
        )
    assert field in caught.value.message_dict
    city.youth_mosque.refresh_from_db()
    assert city.youth_mosque.state == "active"
    assert city.youth_mosque.changes.count() == 1


def test_a_relationship_is_stored_once_whichever_side_records_it(personas, city):
    with pytest.raises(ValidationError, match="already recorded"):
        actions.relationship_create(
            by=personas.admin,
            community=city.mosque,
            other=city.youth,
            state="active",
            strength=3,
            reason="Dubbel.",
        )
    with pytest.raises(ValidationError, match="itself"):
        actions.relationship_create(
            by=personas.admin,
            community=city.youth,
            other=city.youth,
            state="active",
            strength=3,
            reason="Zelf.",
        )
    assert city.youth_club.community_id < city.youth_club.other_id
    assert Relationship.objects.count() == 3


def test_a_worker_cannot_tie_two_communities_of_another_district(personas, city):
    with pytest.raises(PermissionDenied):
        actions.relationship_create(
            by=personas.frontline,
            community=city.club,
            other=None,
            state="active",
            strength=3,
            reason="Nee.",
        )


def contact(city, **overrides):
    values = {
        "occurred_on": timezone.localdate(),
        "kind": "meeting",
        "summary": "Gesprek over de zaal; afspraak om samen te plannen.",
        "communities": [],
        "relationship": city.youth_mosque,
    }
    values.update(overrides)
    return ContactFields(**values)


def test_a_contact_can_change_the_relationship_in_the_same_step(personas, city):
    logged = actions.contact_log(
        by=personas.frontline,
        fields=contact(city, new_state="broken", new_strength=1, reason="Gesprek liep vast."),
    )
    city.youth_mosque.refresh_from_db()
    assert city.youth_mosque.state == "broken"
    change = city.youth_mosque.changes.first()
    assert change.contact == logged and change.reason == "Gesprek liep vast."
    assert set(logged.communities.all()) == {city.youth, city.mosque}
    assert list(logged.staff.all()) == [personas.frontline]


def test_a_contact_without_a_state_change_leaves_the_relationship_alone(personas, city):
    actions.contact_log(by=personas.frontline, fields=contact(city, staff=[personas.coordinator]))
    city.youth_mosque.refresh_from_db()
    assert city.youth_mosque.state == "active"
    assert city.youth_mosque.changes.count() == 1
    assert Contact.objects.get().staff.count() == 2


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"summary": ""}, "summary"),
        ({"kind": "party"}, "kind"),
        ({"occurred_on": timezone.localdate() + datetime.timedelta(days=1)}, "occurred_on"),
        ({"new_state": "broken", "reason": ""}, "reason"),
        ({"relationship": None, "new_state": "broken", "reason": "x"}, "relationship"),
        ({"relationship": None, "communities": []}, "communities"),
    ],
)
def test_a_bad_contact_saves_nothing(personas, city, override, field):
    with pytest.raises(ValidationError) as caught:
        actions.contact_log(by=personas.frontline, fields=contact(city, **override))
    assert field in caught.value.message_dict
    assert not Contact.objects.exists()
    assert RelationshipChange.objects.count() == 3


def test_a_contact_refuses_personal_identifiers(personas, city):
    with pytest.raises(ValidationError, match="0470 12 34 56"):
        actions.contact_log(
            by=personas.frontline, fields=contact(city, summary="Bel hem op 0470 12 34 56.")
        )
    assert not Contact.objects.exists()


def test_the_trail_names_no_key_figure_and_quotes_no_restore_action():
    """The audit trail keeps str() of a record for ever, after the record is gone."""
    from samen.communities.models import KeyFigure, RestoreAction

    figure = KeyFigure(
        pk=3, name="Fatima Benali", role=KeyFigure._meta.get_field("role").choices[0][0]
    )
    action = RestoreAction(pk=4, description="Gesprek met imam Yusuf")
    assert "Benali" not in str(figure) and "Yusuf" not in str(action)
