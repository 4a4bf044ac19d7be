"""What a signal can lead to in other modules, as those modules register it.

The signals module never imports the modules that follow a signal up (mediation, community
relationships, initiatives). Each of them registers, in its AppConfig.ready():

- a *start*: a page that opens its own record from a signal (`?signal=<pk>` is appended), and
  whose action calls `samen.signals.actions.signal_follow_up` in the same transaction with a
  reference such as "mediation:42";
- a *resolver* for its reference prefix, which turns "mediation:42" into a link, or None when
  this person may not open that record (the reference then shows as plain text).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse


@dataclass(frozen=True)
class FollowUpStart:
    kind: str
    label: str
    url_name: str

    def url_for(self, signal) -> str:
        return f"{reverse(self.url_name)}?{urlencode({'signal': signal.pk})}"


_starts: list[FollowUpStart] = []
_resolvers: dict[str, Callable[[object, str], str | None]] = {}


def add_follow_up_start(kind: str, label: str, url_name: str) -> None:
    """Offer, on a signal's page, to open a record of `kind` from that signal."""
    if all(s.url_name != url_name for s in _starts):
        _starts.append(FollowUpStart(kind, label, url_name))


def add_reference_resolver(prefix: str, resolve: Callable[[object, str], str | None]) -> None:
    """`resolve(user, identifier)` gives the page of reference "<prefix>:<identifier>"."""
    _resolvers[prefix] = resolve


def starts_for(signal) -> list[tuple[str, str]]:
    """(label, url) of every module that can open its record from this signal."""
    return [(str(start.label), start.url_for(signal)) for start in _starts]


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
