"""What the mediation module adds to pages (samen/mediation/panels.py)."""

from django.test import RequestFactory

from samen.mediation.panels import district_mediations, my_mediations


def request_of(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_the_district_page_counts_the_open_mediations_one_may_see(
    personas, mediation_people, assigned
):
    panel = district_mediations(request_of(personas.frontline), personas.borgerhout)
    assert panel["open_count"] == 1
    assert list(panel["mediations"]) == [assigned]
    assert panel["district_pk"] == personas.borgerhout.pk
    elsewhere = district_mediations(request_of(personas.frontline), personas.berchem)
    assert elsewhere["open_count"] == 0


def test_a_mediator_sees_their_mediations_at_home(personas, mediation_people, assigned):
    panel = my_mediations(request_of(mediation_people.mediator))
    assert panel["open_mine"] == [assigned]
    assert panel["waiting"] is None


def test_a_coordinator_sees_the_waiting_intakes_and_others_nothing(
    personas, mediation_people, open_mediation
):
    open_mediation()
    panel = my_mediations(request_of(mediation_people.borgerhout_mc))
    assert panel["waiting"] == 1
    assert my_mediations(request_of(personas.other_frontline)) is None
