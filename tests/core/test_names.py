from types import SimpleNamespace

from django.utils import translation

from samen.core.names import TranslatedName, in_language


class Named(TranslatedName, SimpleNamespace):
    pass


def test_a_text_shows_in_the_active_language():
    text = SimpleNamespace(meaning_nl="betekenis", meaning_fr="signification", meaning_en="")
    with translation.override("fr"):
        assert in_language(text, "meaning") == "signification"


def test_an_empty_translation_falls_back_to_dutch():
    text = SimpleNamespace(meaning_nl="betekenis", meaning_fr="", meaning_en="")
    with translation.override("en"):
        assert in_language(text, "meaning") == "betekenis"


def test_a_name_follows_the_same_rule():
    place = Named(name_nl="Antwerpen", name_fr="Anvers", name_en="")
    with translation.override("fr"):
        assert place.name == "Anvers"
    with translation.override("en"):
        assert place.name == "Antwerpen"
