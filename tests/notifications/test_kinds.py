"""Kinds are registered once, render in the reader's language, and notify checks its input."""

from __future__ import annotations

import pytest
from django.utils.translation import gettext_lazy as _

from samen.notifications import Kind, add_kind, notify
from samen.notifications.kinds import KINDS, kinds_for


def test_a_kind_needs_lazy_strings_and_a_known_default():
    with pytest.raises(ValueError, match="lazily"):
        Kind(code="x.y", label="plain", text=_("t"))
    with pytest.raises(ValueError, match="default"):
        Kind(code="x.y", label=_("l"), text=_("t"), default="hourly")


def test_registering_the_same_kind_twice_changes_nothing_but_another_is_refused(monkeypatch):
    monkeypatch.setattr("samen.notifications.kinds.KINDS", dict(KINDS))
    from samen.notifications import kinds as module

    kind = Kind(code="x.twice", label=_("l"), text=_("t"))
    add_kind(kind)
    add_kind(kind)
    assert module.KINDS["x.twice"] is kind
    with pytest.raises(ValueError, match="Another kind"):
        add_kind(Kind(code="x.twice", label=_("l"), text=_("other")))


def test_the_text_is_rendered_with_params_and_falls_back_to_the_label(kinds):
    kind = kinds["test.open"]
    assert kind.render({"subject": "Budget 2027"}) == "Budget 2027 waits for your answer"
    assert kind.render({}) == "A test waits for your answer"


def test_a_confidential_kind_renders_its_generic_text_whatever_the_params(kinds):
    assert kinds["test.secret"].render({"name": "Jan"}) == "A test meeting you are called to"


def test_kinds_for_follows_the_audience(kinds, monkeypatch, personas):
    only_admins = Kind(
        code="test.admins",
        label=_("l"),
        text=_("t"),
        audience=lambda person: person.role == "administrator",
    )
    monkeypatch.setitem(KINDS, only_admins.code, only_admins)
    assert only_admins in kinds_for(personas.admin)
    assert only_admins not in kinds_for(personas.frontline)
    assert kinds["test.open"] in kinds_for(personas.frontline)


@pytest.mark.parametrize(
    ("code", "params", "url", "message"),
    [
        ("test.nothing", {}, "/x/", "No kind"),
        ("test.secret", {"name": "Jan"}, "/x/", "confidential"),
        ("test.open", {"subject": object()}, "/x/", "param"),
        ("test.open", {"subject": ["a"]}, "/x/", "param"),
        ("test.open", {}, "https://example.org/", "path inside Samen"),
        ("test.open", {}, "//example.org/", "path inside Samen"),
    ],
)
def test_notify_refuses_bad_input(kinds, personas, code, params, url, message):
    with pytest.raises(ValueError, match=message):
        notify(code, recipients=[personas.frontline], params=params, url=url)
