"""The kinds of notification, registered by the modules that cause them, and `notify`.

A module registers its kinds in its AppConfig.ready() with `add_kind(Kind(...))` and calls
`notify(code, recipients=..., params=..., url=..., key=...)` in the action that causes one.
Nothing here imports a model: the store that writes notifications registers itself from
NotificationsConfig.ready() (`set_store`), so every module may import this at any time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

DELIVERIES = ("off", "immediately", "daily", "weekly")
NEUTRAL_TYPES = (str, int, float, bool, type(None))


@dataclass(frozen=True)
class Kind:
    """What one kind of notification says, and how it is delivered unless a person chooses."""

    code: str  # "<module>.<what>", stored on each notification
    label: Any  # lazily translated: the preferences page and every e-mail show it
    text: Any  # lazily translated format string: rendered with the params, in the reader's language
    default: str = "immediately"  # one of DELIVERIES
    confidential: bool = False  # generic text only: no params, no names, no case details
    # Who may receive it (the preferences page lists only those kinds); everyone when None.
    audience: Callable[[Any], bool] | None = None

    def __post_init__(self) -> None:
        if self.default not in DELIVERIES:
            raise ValueError(f"{self.code}: default delivery {self.default!r} is unknown.")
        if not isinstance(self.label, Promise) or not isinstance(self.text, Promise):
            raise ValueError(f"{self.code}: label and text must be lazily translated strings.")

    def for_person(self, person) -> bool:
        return self.audience is None or bool(self.audience(person))

    def render(self, params: dict) -> str:
        """The text in the active language; the label when the params do not fit it."""
        if self.confidential:
            return str(self.text)
        try:
            return str(self.text) % params
        except (KeyError, TypeError, ValueError):
            return str(self.label)


# Every registered kind by its code, in the order the modules registered them.
KINDS: dict[str, Kind] = {}
_store: list[Callable[..., list]] = []


def add_kind(kind: Kind) -> Kind:
    """Register `kind`; registering the same kind again (a second ready()) changes nothing."""
    registered = KINDS.get(kind.code)
    if registered is not None and registered != kind:
        raise ValueError(f"Another kind of notification is registered as {kind.code!r}.")
    KINDS[kind.code] = kind
    return kind


def get_kind(code: str) -> Kind | None:
    return KINDS.get(code)


def kinds_for(person) -> list[Kind]:
    """The kinds this person can receive, in registration order."""
    return [kind for kind in KINDS.values() if kind.for_person(person)]


def set_store(store: Callable[..., list]) -> None:
    """Say how notifications are written (samen.notifications.store, from ready())."""
    _store[:] = [store]


def notify(
    code: str,
    *,
    recipients: Iterable,
    params: dict | None = None,
    url: str,
    key: str = "",
) -> list:
    """Notify each recipient of one event of kind `code`; return the notifications made.

    Runs inside the caller's transaction (call it from the action that causes the event). The
    caller decides who may know: pass only people who may open `url` and see what `params`
    say. With a `key`, a second call for the same recipient, kind and key changes nothing,
    so a nightly scan may notify of the same thing every night. `params` are stored as JSON
    and must be language-neutral values; a confidential kind takes none. E-mails never carry
    the text or the params, only the kind's label, a count and the links.
    """
    kind = KINDS.get(code)
    if kind is None:
        raise ValueError(f"No kind of notification is registered as {code!r}.")
    params = dict(params or {})
    if kind.confidential and params:
        raise ValueError(f"{code} is confidential: its notifications carry no params.")
    for name, value in params.items():
        if not isinstance(name, str) or not isinstance(value, NEUTRAL_TYPES):
            raise ValueError(f"{code}: param {name!r} must be a string, number, boolean or None.")
    if not url.startswith("/") or url.startswith("//"):
        raise ValueError(f"{code}: the link must be a path inside Samen, not {url!r}.")
    if not _store:
        raise RuntimeError("The notifications app is not ready (is it in INSTALLED_APPS?).")
    return _store[0](kind, recipients=recipients, params=params, url=url, key=key)
