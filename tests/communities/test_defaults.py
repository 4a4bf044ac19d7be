"""The default themes and languages (samen/communities/defaults.py)."""

from samen.communities.defaults import DEFAULT_LANGUAGES, DEFAULT_THEMES, ensure_defaults
from samen.communities.models import Language, Theme


def test_missing_defaults_are_added_and_renamed_ones_kept(db):
    Theme.objects.filter(code="youth").delete()
    Language.objects.filter(code="ar").update(name_nl="Arabisch (alle varianten)")
    ensure_defaults(Theme, Language)
    ensure_defaults(Theme, Language)
    assert Theme.objects.filter(code="youth").exists()
    assert Theme.objects.count() >= len(DEFAULT_THEMES)
    assert Language.objects.count() >= len(DEFAULT_LANGUAGES)
    assert Language.objects.get(code="ar").name_nl == "Arabisch (alle varianten)"
