"""Themes and languages (samen/communities/vocabulary.py)."""

from django.utils import translation

from samen.communities.vocabulary import Language, Theme


def test_the_shipped_words_are_named_in_the_language_of_the_reader(db):
    youth = Theme.objects.get(code="youth")
    with translation.override("nl"):
        assert str(youth) == youth.name_nl
    with translation.override("fr"):
        assert str(youth) == youth.name_fr
    assert Language.objects.filter(code="ar").exists()
