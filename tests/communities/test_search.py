"""Search by name, kind, theme, place, language and key figure, on PostgreSQL and on SQLite.

CI runs this file on both databases; the tests at the bottom check that each takes its own
path (full-text search with the GIN index, or LIKE).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samen.communities.actions import community_create, key_figure_add
from samen.communities.models import Community, Language, Theme
from samen.communities.search import search
from tests.communities.conftest import fields

pytestmark = pytest.mark.django_db


def found(query: str) -> set[str]:
    return set(search(Community.objects.all(), query).values_list("name", flat=True))


@pytest.fixture
def figures(personas, city):
    key_figure_add(by=personas.admin, community=city.mosque, name="Karim Benali", role="mediator")


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("boksclub", {"Boksclub Berchem"}),
        ("boks", {"Boksclub Berchem"}),  # the beginning of a word
        ("BOKSCLUB berchem", {"Boksclub Berchem"}),
        ("sport", {"Boksclub Berchem"}),  # a theme, in Dutch and English
        ("jeugd", {"Jeugdhuis De Brug"}),
        ("arabisch", {"Jeugdhuis De Brug"}),  # a language
        ("arabic", {"Jeugdhuis De Brug"}),
        ("sint-jansplein", {"Atheneum Zuid"}),  # a neighbourhood where it is active
        ("borgerhout", {"Jeugdhuis De Brug", "Moskeevereniging Al Noor", "Atheneum Zuid"}),
        ("karim", {"Moskeevereniging Al Noor"}),  # a key figure
        ("benali moskee", {"Moskeevereniging Al Noor"}),
        ("school", {"Atheneum Zuid"}),  # the kind
        ("nothing-like-this", set()),
    ],
)
def test_search_finds_by_every_field(figures, query, names):
    assert found(query) == names


@pytest.mark.parametrize("query", ["a & b", "!:*", "'; drop table", "(((", "   "])
def test_odd_queries_never_fail(city, query):
    assert isinstance(found(query), set)


def test_the_list_searches_only_what_the_person_may_see(client, personas, city):
    client.force_login(personas.frontline)
    response = client.get(reverse("communities:list"), {"q": "boksclub"})
    assert list(response.context["page"]) == []
    response = client.get(reverse("communities:list"), {"q": "atheneum"})
    assert [c.name for c in response.context["page"]] == ["Atheneum Zuid"]


def test_the_list_filters_by_theme_and_language(client, personas, city):
    client.force_login(personas.analyst)
    theme = city.club.themes.get()
    language = city.youth.languages.get()
    by_theme = client.get(reverse("communities:list"), {"theme": theme.pk})
    assert [c.name for c in by_theme.context["page"]] == ["Boksclub Berchem"]
    by_language = client.get(reverse("communities:list"), {"language": language.pk})
    assert [c.name for c in by_language.context["page"]] == ["Jeugdhuis De Brug"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
def test_postgresql_uses_full_text_search_and_its_index(city):
    query = str(search(Community.objects.all(), "boks").query)
    assert "to_tsvector" in query and "@@" in query
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s", ["community_search_gin"]
        )
        (definition,) = cursor.fetchone()
    assert "gin" in definition.lower() and "to_tsvector" in definition
    # The index matches the searched expression exactly, so the planner can use it (on a
    # table this small it prefers a scan unless told otherwise).
    sql, params = search(Community.objects.all(), "boks").values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "community_search_gin" in plan


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the fallback without full text")
def test_other_databases_fall_back_to_like(city):
    query = str(search(Community.objects.all(), "boks").query)
    assert "LIKE" in query and "to_tsvector" not in query


def test_list_queries_do_not_grow_with_more_communities(client, personas, city):
    client.force_login(personas.analyst)
    url = reverse("communities:list")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(12):
        more = community_create(
            by=personas.admin,
            fields=fields(
                personas.berchem,
                f"Vereniging {number}",
                themes=list(Theme.objects.all()[:2]),
                languages=list(Language.objects.all()[:2]),
            ),
        )
        key_figure_add(by=personas.admin, community=more, name=f"Persoon {number}", role="contact")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_htmx_gets_only_the_rows(client, personas, city):
    client.force_login(personas.analyst)
    response = client.get(reverse("communities:list"), {"q": "boks"}, HTTP_HX_REQUEST="true")
    assert [t.name for t in response.templates][0] == "communities/community_rows.html"
    assert b"<html" not in response.content and b"Boksclub Berchem" in response.content
