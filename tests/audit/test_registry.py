"""Which models the trail follows (samen/audit/registry.py)."""

import pytest
from auditlog.registry import auditlog
from knox.models import AuthToken

from samen.audit.registry import CONFIDENTIAL_MODELS, reverse_relations, track
from samen.people.models import User
from samen.places.models import Place


def test_a_field_is_masked_one_way_only():
    with pytest.raises(ValueError, match="sensitive or fingerprinted"):
        track(Place, sensitive=("name_nl",), fingerprinted=("boundary",))


def test_the_domain_models_and_the_third_party_ones_are_followed():
    assert auditlog.contains(Place)
    assert auditlog.contains(User)
    assert auditlog.contains(AuthToken)
    assert Place not in CONFIDENTIAL_MODELS


def test_reverse_relations_name_what_other_models_hold():
    relations = reverse_relations(Place)
    assert "children" in relations
    assert "code" not in relations
