"""The signal categories other modules tag their records with, without importing signals."""

from django.utils import translation

from samen.core import categories


def test_the_signals_module_offers_its_categories_by_code(db):
    names = categories.signal_category_names()
    assert names["racism"] == "Racism and discrimination"
    assert "extremism" not in names  # the groups are headings, not categories
    with translation.override("nl"):
        assert categories.signal_category_names()["youth-groups"] == (
            "Spanningen tussen jongerengroepen"
        )


def test_the_choices_are_grouped_under_their_group(db):
    groups = dict(categories.signal_category_choices())
    assert ("right-wing", "Right-wing extremism") in groups["Extremism type"]
    assert ("housing", "Housing") in groups["Life domain"]


def test_without_a_source_there_are_no_categories(monkeypatch):
    monkeypatch.setattr(categories, "_sources", [])
    assert categories.signal_categories() == []
    assert categories.signal_category_choices() == []
