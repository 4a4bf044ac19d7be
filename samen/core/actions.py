"""The one way Samen writes: a named action, in one transaction, with its audit records."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.db import transaction

from samen.core.acting import acting_as

P = ParamSpec("P")
R = TypeVar("R")


def action(func: Callable[P, R]) -> Callable[P, R]:
    """Run `func(*, by, ...)` atomically, attributing its audit records to `by`.

    The audit records are written by the tracked models' signals inside this same
    transaction, so a change and its record commit or roll back together.
    """

    @functools.wraps(func)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        if args:
            raise TypeError(f"{func.__name__} takes keyword arguments only.")
        if "by" not in kwargs:
            raise TypeError(f"{func.__name__} needs by= (the acting person, or None for Samen).")
        with transaction.atomic(), acting_as(kwargs["by"]):
            return func(**kwargs)

    return run
