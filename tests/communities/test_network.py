"""The network computations on small graphs whose answers are known, and the network page."""

import pytest
from django.urls import reverse

from samen.communities.actions import relationship_change_state
from samen.communities.network import Tie, build, cached_layout, draw, layout, layout_key

A, B, C, D, E, F, G = range(1, 8)


def tie(first, second, state="active", strength=4):
    return Tie(first, second, state, strength)


def test_a_path_is_all_bridges_and_its_middle_nodes_are_linchpins():
    found = build([A, B, C, D], [tie(A, B), tie(B, C), tie(C, D)])
    assert found.bridges == [(A, B), (B, C), (C, D)]
    assert found.articulation_points == [B, C]
    assert found.isolated == []
    assert found.weakly_connected == [A, D]  # one tie each
    assert found.groups == 1


def test_a_triangle_has_no_bridge_and_no_linchpin():
    found = build([A, B, C], [tie(A, B), tie(B, C), tie(A, C)])
    assert found.bridges == [] and found.articulation_points == []
    assert found.weakly_connected == []


def test_two_triangles_joined_by_one_tie():
    ties = [tie(A, B), tie(B, C), tie(A, C), tie(D, E), tie(E, F), tie(D, F), tie(C, D)]
    found = build([A, B, C, D, E, F, G], ties)
    assert found.bridges == [(C, D)]
    assert found.articulation_points == [C, D]
    assert found.isolated == [G]
    assert found.groups == 1  # the isolated community is counted apart


def test_lapsed_and_broken_relationships_connect_no_one():
    found = build([A, B, C], [tie(A, B, "broken"), tie(B, C, "lapsed")])
    assert found.isolated == [A, B, C]
    assert found.bridges == []
    assert found.groups == 0


def test_weak_ties_make_a_community_weakly_connected():
    ties = [tie(A, B, "weakened"), tie(A, C, strength=2), tie(B, C), tie(B, D)]
    found = build([A, B, C, D], ties)
    assert A in found.weakly_connected  # two ties, both weak
    assert B not in found.weakly_connected
    assert D in found.weakly_connected  # one tie only


def test_ties_to_communities_outside_the_selection_are_left_out():
    found = build([A, B], [tie(A, B), tie(B, C)])
    assert sorted(found.graph.nodes) == [A, B]
    assert found.bridges == [(A, B)]


def test_the_picture_is_deterministic_and_marks_what_it_found():
    ties = [tie(A, B), tie(B, C), tie(A, C), tie(C, D)]
    names = {A: "Eén", B: "Twee", C: "Drie", D: "Vier", E: "Vijf"}
    first = draw(build(names, ties), names)
    again = draw(build(names, ties), names)
    assert first == again
    by_pk = {n.pk: n for n in first.nodes}
    assert "isolated" in by_pk[E].css
    assert "articulation" in by_pk[C].css
    assert [e.css for e in first.edges if "bridge" in e.css] == ["tie state-active bridge"]
    for node in first.nodes:
        assert 0 <= node.x <= first.width and 0 <= node.y <= first.height


@pytest.mark.django_db
def test_the_network_page_shows_the_picture_and_the_tables(client, personas, city):
    client.force_login(personas.analyst)
    response = client.get(reverse("communities:network"))
    assert response.status_code == 200
    found = response.context["found"]
    # youth–mosque and youth–club connect; the school has no tie; the city is no node.
    assert set(found.graph.nodes) == {city.youth.pk, city.mosque.pk, city.club.pk, city.school.pk}
    assert found.isolated == [city.school.pk]
    assert response.context["isolated"] == [(city.school.pk, "Atheneum Zuid", False)]
    assert len(found.bridges) == 2 and found.articulation_points == [city.youth.pk]
    html = response.content.decode()
    assert "<svg" in html and "style=" not in html and "<script>" not in html
    assert "Atheneum Zuid" in html
    # A broken tie leaves the network: the club stands alone.
    relationship_change_state(
        by=personas.admin, relationship=city.youth_club, state="broken", reason="Ruzie."
    )
    response = client.get(reverse("communities:network"))
    assert sorted(response.context["found"].isolated) == sorted([city.school.pk, city.club.pk])
    # The club still has its tie with the city; the school has none.
    assert (city.club.pk, "Boksclub Berchem", True) in response.context["isolated"]


@pytest.mark.django_db
def test_a_district_worker_sees_their_district_network(client, personas, city):
    client.force_login(personas.frontline)
    response = client.get(reverse("communities:network"))
    nodes = set(response.context["found"].graph.nodes)
    assert nodes == {city.youth.pk, city.mosque.pk, city.school.pk}
    theme = city.youth.themes.get()
    response = client.get(reverse("communities:network"), {"theme": theme.pk})
    assert set(response.context["found"].graph.nodes) == {city.youth.pk}


def test_the_layout_is_cached_under_the_graph_a_person_sees():
    seen = build([1, 2, 3], [Tie(1, 2, "active", 3)])
    size = {"width": 800, "height": 560, "margin": 24}
    same = build([3, 2, 1], [Tie(2, 1, "active", 3)])
    assert layout_key(seen.graph, **size) == layout_key(same.graph, **size)
    one_more_tie = build([1, 2, 3], [Tie(1, 2, "active", 3), Tie(2, 3, "active", 3)])
    one_more_node = build([1, 2, 3, 4], [Tie(1, 2, "active", 3)])
    keys = {layout_key(n.graph, **size) for n in (seen, one_more_tie, one_more_node)}
    assert len(keys) == 3


def test_a_cached_layout_is_the_layout_and_is_read_from_the_cache(monkeypatch):
    graph = build([1, 2, 3], [Tie(1, 2, "active", 3), Tie(2, 3, "active", 3)]).graph
    size = {"width": 800, "height": 560, "margin": 24}
    first = cached_layout(graph, **size)
    assert first == layout(graph, **size)
    monkeypatch.setattr("samen.communities.network.layout", lambda *a, **k: pytest.fail())
    assert cached_layout(graph, **size) == first
