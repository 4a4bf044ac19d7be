"""Finding communities by name, kind, theme, place, language and key figure.

Every community carries `search_text`, rebuilt by the actions whenever one of those changes.
On PostgreSQL it is searched with full-text search ('simple' configuration, so that names in
any of the city's languages match as written, with prefix matching for names typed in part)
through the GIN expression index of migration 0003; on SQLite, where there is no full-text
search, each word must occur in it (LIKE). Both find whole words and the beginnings of words.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import QuerySet
from django.utils import translation

from samen.communities.models import Community
from samen.places.models import without_boundaries

CONFIG = "simple"
# Words only: what reaches to_tsquery can then never be a syntax error or an operator.
_WORD = re.compile(r"\w+", re.UNICODE)


def search_text_for(community) -> str:
    """The words a community is found by, read from the database."""
    return compose(
        name=community.name,
        kind=community.kind,
        named=[*community.themes.all(), *community.languages.all()],
        places=[
            community.district,
            *without_boundaries(community.places.without_boundary(), "parent"),
        ],
        figures=[figure.name for figure in community.key_figures.all()],
    )


def compose(*, name: str, kind: str, named, places, figures) -> str:
    """The words a community is found by: its kind, themes and languages in the city's three
    languages (and their codes), the Dutch names of its places (with a neighbourhood's
    district), its key figures' names."""
    parts = [name]
    for language in ("nl", "fr", "en"):
        with translation.override(language):
            parts.append(str(Community.Kind(kind).label))
    for item in named:
        parts.extend([item.name_nl, item.name_fr, item.name_en, item.code])
    for place in places:
        # A neighbourhood is found by its district's name too.
        parts.extend([place.name_nl, place.parent.name_nl if place.kind == "neighbourhood" else ""])
    parts.extend(figures)
    unique = dict.fromkeys(p.strip().lower() for p in parts if p and p.strip())
    return " ".join(unique)


def terms(query: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(query)][:8]


def search(communities: QuerySet, query: str) -> QuerySet:
    """Restrict `communities` to those matching every word of `query`, best first on PostgreSQL."""
    words = terms(query)
    if not words:
        return communities
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector("search_text", config=CONFIG)
        tsquery = SearchQuery(
            " & ".join(f"{word}:*" for word in words), config=CONFIG, search_type="raw"
        )
        return (
            communities.annotate(search=vector, rank=SearchRank(vector, tsquery))
            .filter(search=tsquery)
            .order_by("-rank", "name")
        )
    for word in words:
        communities = communities.filter(search_text__icontains=word)
    return communities
