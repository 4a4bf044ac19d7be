"""What each role may do in the administration, written down in one place.

Administrators are not superusers: they hold exactly these model permissions, through their
role, while the role stands (a lapsed role holds none). Nothing of the case consultation is
here, so its models never show in the administration, whoever registers them.
"""

from __future__ import annotations

from samen.people.roles import Role


def _model(app_label: str, model: str, *verbs: str) -> frozenset[str]:
    return frozenset(f"{app_label}.{verb}_{model}" for verb in verbs)


ADMINISTRATOR_PERMISSIONS = frozenset().union(
    # People are deactivated, never deleted, so their trail keeps its actor.
    _model("people", "user", "view", "add", "change"),
    _model("people", "organisation", "view", "add", "change"),
    _model("people", "team", "view", "add", "change"),
    _model("people", "organisationmembership", "view", "add", "change", "delete"),
    _model("places", "place", "view", "add", "change"),
    _model("signals", "category", "view", "add", "change"),
    # The record of every signal import, to read.
    _model("signals", "signalimport", "view"),
    # The tension levels, to read: they change only through the monitor's pages.
    _model("monitor", "tensionlevel", "view"),
    _model("communities", "theme", "view", "add", "change"),
    _model("communities", "language", "view", "add", "change"),
    _model("mediation", "mediationcoordinator", "view", "add", "delete"),
    # The district indicators: data elements and source mappings stay with their history (no
    # delete), an indicator is deleted through its action; the record of imports is read only.
    _model("indicators", "dataelement", "view", "add", "change"),
    _model("indicators", "indicator", "view", "add", "change", "delete"),
    _model("indicators", "sourcemapping", "view", "add", "change"),
    _model("indicators", "dataimport", "view"),
    # The notification e-mails' outbox, to see what failed: never what a notification says.
    _model("notifications", "mail", "view"),
    # The prevention policy, to read: it changes through its own pages only.
    *(
        _model("policy", model, "view")
        for model in ("strategy", "actionplan", "action", "initiative")
    ),
)

_PERMISSIONS = {Role.ADMINISTRATOR: ADMINISTRATOR_PERMISSIONS}


def permissions_of(role: str) -> frozenset[str]:
    """The model permissions a role holds in the administration (none for most roles)."""
    return _PERMISSIONS.get(role, frozenset())
