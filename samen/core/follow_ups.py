"""Following a signal up with a record of another module: the hook between the two.

The signals module and the modules that follow a signal up (mediation, the communities'
restore plans, initiatives) never import each other. Both sides register here at start-up.

The signals module sets its rules once, with `set_signal_rules`:

- which signal a person may follow up (`signal_to_follow_up`);
- whether a person may open a signal at all (`signal_visible`), so that a record links to
  the signal it follows up only for those who may open it;
- how the follow-up is recorded on the signal (`record_follow_up`), which the following
  module's action calls in its own transaction with a reference such as "mediation:42", so
  that a refused follow-up (a closed signal) undoes the record too.

Each module that follows signals up registers, in its panels:

- a *start* (`add_follow_up_start`): a page that opens its own record from a signal
  (`?signal=<pk>` is appended);
- a *resolver* for its reference prefix (`add_reference_resolver`), which turns
  "mediation:42" into a link, or None when this person may not open that record.

Without the signals module's rules no signal can be followed up: `signal_to_follow_up`
answers 404 and `signal_visible` False.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import ImproperlyConfigured
from django.http import Http404
from django.urls import reverse


@dataclass(frozen=True)
class FollowUpStart:
    kind: str
    label: str
    url_name: str
    # allowed(user): whether this person may open such a record at all; the start is only
    # offered to them (the module's own page still checks again).
    allowed: Callable[[Any], bool] | None = None

    def url_for(self, signal) -> str:
        return f"{reverse(self.url_name)}?{urlencode({'signal': signal.pk})}"


@dataclass(frozen=True)
class SignalRules:
    """The signals module's answers, as `set_signal_rules` registers them."""

    to_follow_up: Callable[[Any, Any], Any]
    visible: Callable[[Any, int], bool]
    record: Callable[..., Any]


_starts: list[FollowUpStart] = []
_resolvers: dict[str, Callable[[object, str], str | None]] = {}
_signal_rules: list[SignalRules] = []


# --- The signals module's side ------------------------------------------------------------------


def set_signal_rules(
    *,
    to_follow_up: Callable[[Any, Any], Any],
    visible: Callable[[Any, int], bool],
    record: Callable[..., Any],
) -> None:
    """Register how signals are found for a follow-up, shown, and followed up.

    `to_follow_up(user, pk)` returns the signal or raises (404 when the person may not see it
    or it does not exist, 403 when they may see it but not follow it up); `visible(user, pk)`
    says whether they may open it; `record(by=, signal=, kind=, reference=)` writes the
    follow-up in the caller's transaction.
    """
    _signal_rules[:] = [SignalRules(to_follow_up, visible, record)]


def starts_for(signal, user) -> list[tuple[str, str]]:
    """(label, url) of every module in which `user` can open a record from this signal."""
    return [
        (str(start.label), start.url_for(signal))
        for start in _starts
        if start.allowed is None or start.allowed(user)
    ]


def reference_shown(user, reference: str) -> tuple[str, str | None]:
    """What to show of a follow-up's reference to this person: (text, link).

    A reference that a module resolves is its record: to someone that module refuses, it
    shows nothing at all (not even "mediation:42", which would say a mediation exists).
    """
    prefix = reference.partition(":")[0]
    if not reference or prefix not in _resolvers:
        return reference, None
    url = reference_url(user, reference)
    return (reference, url) if url else ("", None)


def reference_url(user, reference: str) -> str | None:
    """The page behind a follow-up's reference, if a module resolves it for this person."""
    prefix, _, identifier = reference.partition(":")
    resolve = _resolvers.get(prefix)
    if resolve is None or not identifier:
        return None
    return resolve(user, identifier)


# --- The following modules' side ----------------------------------------------------------------


def add_follow_up_start(
    kind: str, label: str, url_name: str, *, allowed: Callable[[Any], bool] | None = None
) -> None:
    """Offer, on a signal's page, to open a record of `kind` from that signal; with
    `allowed(user)`, only to those who may open such a record."""
    if all(s.url_name != url_name for s in _starts):
        _starts.append(FollowUpStart(kind, label, url_name, allowed))


def add_reference_resolver(prefix: str, resolve: Callable[[object, str], str | None]) -> None:
    """`resolve(user, identifier)` gives the page of reference "<prefix>:<identifier>"."""
    _resolvers[prefix] = resolve


def signal_to_follow_up(user, pk):
    """The signal `pk` that `user` may follow up with a record of theirs.

    Security-critical: the signals module's own rule decides. 404 when the person may not see
    the signal or it does not exist, 403 when they may see it but not follow it up.
    """
    if not _signal_rules:
        raise Http404
    return _signal_rules[0].to_follow_up(user, pk)


def signal_visible(user, pk: int | None) -> bool:
    """Whether `user` may open signal `pk` (so that a record links to its signal)."""
    if pk is None or not _signal_rules:
        return False
    return _signal_rules[0].visible(user, pk)


def record_follow_up(*, by, signal, kind: str, reference: str):
    """Record on `signal` that `by` followed it up with the record `reference` ("kind:pk").

    Called inside the following module's action, so that the record and the follow-up are
    written, or refused, together.
    """
    if not _signal_rules:
        raise ImproperlyConfigured("No module records follow-ups of signals.")
    return _signal_rules[0].record(by=by, signal=signal, kind=kind, reference=reference)
