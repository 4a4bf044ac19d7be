"""The forms of the communities pages (samen/communities/forms.py)."""

from samen.communities.forms import (
    CommunityForm,
    ContactForm,
    RelationshipForm,
    RestoreActionForm,
    RestorePlanForm,
)
from samen.communities.plan_actions import restore_plan_create


def test_a_community_starts_in_the_home_district_and_may_be_active_in_its_neighbourhoods(
    city, personas
):
    form = CommunityForm(user=personas.frontline)
    assert form.initial["district"] == personas.borgerhout.pk
    assert city.wijk in form.fields["places"].queryset
    assert form.fields["places"].label_from_instance(city.wijk) == "Borgerhout – Sint-Jansplein"


def test_a_community_needs_a_name_kind_and_district(city, personas):
    form = CommunityForm(data={"name": ""}, user=personas.analyst)
    assert not form.is_valid()
    assert {"name", "kind", "district"} <= set(form.errors)


def test_a_relationship_is_with_another_visible_community_or_the_city(city, personas):
    form = RelationshipForm(user=personas.admin, community=city.youth)
    others = set(form.fields["other"].queryset)
    assert city.youth not in others and city.mosque in others
    form = RelationshipForm(
        data={"state": "active", "strength": "3", "reason": "Kennismaking", "changed_on": ""},
        user=personas.admin,
        community=city.youth,
    )
    assert not form.is_valid() and "changed_on" in form.errors
    assert form.fields["other"].required is False


def test_a_contact_without_a_relationship_asks_no_new_state(city, personas):
    form = ContactForm(user=personas.frontline)
    assert "new_state" not in form.fields
    assert personas.frontline not in form.fields["staff"].queryset
    assert personas.other_frontline not in form.fields["staff"].queryset
    with_relationship = ContactForm(user=personas.frontline, relationship=city.youth_mosque)
    assert "new_state" in with_relationship.fields


def test_a_relationship_with_an_open_plan_is_not_offered_again(city, personas):
    offered = RestorePlanForm(user=personas.admin).fields["relationship"].queryset
    assert city.youth_club in offered
    restore_plan_create(
        by=personas.admin, relationship=city.youth_club, title="Herstel", goal="Weer samen."
    )
    offered = RestorePlanForm(user=personas.admin).fields["relationship"].queryset
    assert city.youth_club not in offered


def test_an_action_is_owned_by_staff_of_the_districts_of_the_relationship(city, personas):
    plan = restore_plan_create(
        by=personas.admin, relationship=city.youth_club, title="Herstel", goal="Weer samen."
    )
    owners = set(RestoreActionForm(plan=plan).fields["owner"].queryset)
    assert {personas.frontline, personas.other_frontline, personas.admin} <= owners
    assert personas.analyst not in owners and personas.partner not in owners
