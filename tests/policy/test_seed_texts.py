"""The synthetic policy texts (samen/policy/seed_texts.py) fit the models they seed: every code
they name exists, and no text carries a personal identifier or a case reference."""

import pytest

from samen.core.categories import signal_category_names
from samen.policy.models import ExtremismType, LifeDomain
from samen.policy.seed_texts import (
    ACTIONS,
    CITY_OBJECTIVES,
    EVALUATORS,
    FLEMISH_OBJECTIVES,
    INITIATIVES,
    UPDATES,
)
from samen.privacy.text_guard import check_text


def objective_codes(tree) -> set[str]:
    return {code for _strategy, _title, children in tree for code, _child in children}


def test_the_strategy_and_objective_codes_are_unique_in_each_plan():
    for tree in (CITY_OBJECTIVES, FLEMISH_OBJECTIVES):
        strategies = [code for code, _title, _children in tree]
        objectives = [code for _s, _t, children in tree for code, _child in children]
        assert len(set(strategies)) == len(strategies)
        assert len(set(objectives)) == len(objectives)
        for strategy, _title, children in tree:
            assert all(code.startswith(strategy.replace("SD", "OD") + ".") for code, _ in children)


@pytest.mark.django_db
def test_every_action_names_an_objective_domains_categories_and_types_that_exist():
    objectives = objective_codes(CITY_OBJECTIVES)
    categories = set(signal_category_names())
    for objective, title, domains, action_categories, types, target_group in ACTIONS:
        assert objective in objectives, title
        assert set(domains) <= set(LifeDomain.values), title
        assert set(action_categories) <= categories, title
        assert set(types) <= set(ExtremismType.values), title
        assert target_group, title


@pytest.mark.django_db
def test_every_initiative_names_domains_and_categories_that_exist_and_fills_each_text():
    categories = set(signal_category_names())
    titles = [initiative[0] for initiative in INITIATIVES]
    assert len(set(titles)) == len(titles)
    for title, summary, domains, initiative_categories, *texts in INITIATIVES:
        assert set(domains) <= set(LifeDomain.values), title
        assert set(initiative_categories) <= categories, title
        assert summary and all(texts) and len(texts) == 4, title


def test_no_seeded_text_carries_personal_data_or_a_case_reference():
    texts = [title for _code, title, _children in CITY_OBJECTIVES + FLEMISH_OBJECTIVES]
    texts += [
        title
        for tree in (CITY_OBJECTIVES, FLEMISH_OBJECTIVES)
        for _c, _t, children in tree
        for _code, title in children
    ]
    texts += [action[1] for action in ACTIONS] + [action[5] for action in ACTIONS]
    texts += [text for initiative in INITIATIVES for text in initiative if isinstance(text, str)]
    texts += EVALUATORS + UPDATES
    for text in texts:
        check_text("text", text)  # raises on an identifier or a case reference
