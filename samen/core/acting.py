"""Who is acting: set by every action (samen.core.actions), read by the audit trail, which
attributes the records written inside the action to that person."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

_actor: ContextVar = ContextVar("samen_audit_actor", default=None)


def current_actor():
    """The person named by the innermost `acting_as` block, if any."""
    return _actor.get()


@contextlib.contextmanager
def acting_as(user) -> Iterator[None]:
    """Attribute every audit record written inside the block to `user`.

    Hand-written rather than auditlog's `set_actor`, which does not restore the outer actor
    when blocks nest (an action called from a request inside the auditlog middleware).
    """
    token = _actor.set(user if user is not None and user.is_authenticated else None)
    try:
        yield
    finally:
        _actor.reset(token)
