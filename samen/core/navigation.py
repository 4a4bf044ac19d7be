"""The main navigation and the panels of the home, district and district monitor pages, filled
by each module.

A module adds its entries in its AppConfig.ready(), so the shell never imports the modules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.urls import reverse

PanelContext = Callable[..., dict | None]


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: frozenset[str] | None
    order: int
    # A further test on the person (a seat at a table, say) for items no role decides alone.
    when: Callable[..., bool] | None = field(default=None, compare=False)

    @property
    def url(self) -> str:
        return reverse(self.url_name)


@dataclass(frozen=True)
class Panel:
    template: str
    roles: frozenset[str] | None
    order: int
    context: PanelContext = field(compare=False)


@dataclass(frozen=True)
class FilledPanel:
    template: str
    context: dict


_nav: list[NavItem] = []
_panels: dict[str, list[Panel]] = {"home": [], "district": [], "monitor": []}


def add_nav_item(
    label: str, url_name: str, *, roles=None, order: int = 50, when: Callable | None = None
) -> None:
    """Show a link in the main navigation to people in `roles` (everyone when None).

    `when(user) -> bool`, if given, must also hold: for items that follow a person's duties
    rather than their role.
    """
    item = NavItem(label, url_name, frozenset(roles) if roles else None, order, when)
    if all(i.url_name != url_name for i in _nav):
        _nav.append(item)
        _nav.sort(key=lambda i: i.order)


def add_panel(page: str, template: str, *, roles=None, order: int = 50):
    """Register a function that returns a panel's context (or None to hide it) on a page."""

    def register(context: PanelContext) -> PanelContext:
        panel = Panel(template, frozenset(roles) if roles else None, order, context)
        if all(p.template != template for p in _panels[page]):
            _panels[page].append(panel)
            _panels[page].sort(key=lambda p: p.order)
        return context

    return register


def _allowed(roles: frozenset[str] | None, user) -> bool:
    return roles is None or getattr(user, "role", None) in roles


def nav_items_for(user) -> list[NavItem]:
    return [
        item
        for item in _nav
        if _allowed(item.roles, user) and (item.when is None or item.when(user))
    ]


def panels_for(page: str, request: HttpRequest, **kwargs) -> list[FilledPanel]:
    """The panels of `page` that this user may see, with their context filled."""
    filled = []
    for panel in _panels[page]:
        if not _allowed(panel.roles, request.user):
            continue
        context = panel.context(request, **kwargs)
        if context is not None:
            filled.append(FilledPanel(panel.template, context))
    return filled
