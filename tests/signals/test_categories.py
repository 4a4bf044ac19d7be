"""The category tree Samen ships with (samen/signals/categories.py)."""

import pytest

from samen.signals.categories import DEFAULT_CATEGORIES, GROUP_NAMES, ensure_default_categories
from samen.signals.models import Category

pytestmark = pytest.mark.django_db


def test_a_new_database_holds_the_three_groups_and_their_categories():
    roots = Category.objects.filter(parent__isnull=True)
    assert set(roots.values_list("code", flat=True)) == set(GROUP_NAMES)
    for group, code, nl, fr, en in DEFAULT_CATEGORIES:
        category = Category.objects.get(code=code)
        assert (category.group, category.parent.code) == (group, group)
        assert (category.name_nl, category.name_fr, category.name_en) == (nl, fr, en)
    assert Category.objects.count() == len(GROUP_NAMES) + len(DEFAULT_CATEGORIES)


def test_running_it_again_adds_nothing_and_keeps_the_administrators_names():
    Category.objects.filter(code="housing").update(name_en="Housing and neighbourhood")
    before = Category.objects.count()
    ensure_default_categories(Category)
    assert Category.objects.count() == before
    assert Category.objects.get(code="housing").name_en == "Housing and neighbourhood"


def test_a_missing_category_comes_back_under_its_group():
    Category.objects.filter(code="work").delete()
    ensure_default_categories(Category)
    work = Category.objects.get(code="work")
    assert work.parent.code == "life_domain" and work.name_nl == "Werk" and work.is_active
