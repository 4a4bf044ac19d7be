"""Names kept in the city's three languages."""

from django.utils.translation import get_language


class TranslatedName:
    """Give a model with name_nl, name_fr and name_en a `name` in the active language."""

    @property
    def name(self) -> str:
        """The name in the active language, falling back to Dutch."""
        language = (get_language() or "nl")[:2]
        return getattr(self, f"name_{language}", "") or self.name_nl
