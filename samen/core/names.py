"""Names and texts kept in the city's three languages, as `<stem>_nl`, `_fr` and `_en` fields."""

from django.utils.translation import get_language


def in_language(obj, stem: str) -> str:
    """The field `<stem>_<active language>` of `obj`, falling back to Dutch when it is empty."""
    language = (get_language() or "nl")[:2]
    return getattr(obj, f"{stem}_{language}", "") or getattr(obj, f"{stem}_nl")


class TranslatedName:
    """Give a model with name_nl, name_fr and name_en a `name` in the active language."""

    @property
    def name(self) -> str:
        """The name in the active language, falling back to Dutch."""
        return in_language(self, "name")
