"""Notifications: what waits for a person, in Samen and by e-mail (the platform's).

Every module may import this: `from samen.notifications import Kind, add_kind, notify`.
"""

from samen.notifications.kinds import Kind, add_kind, notify

__all__ = ["Kind", "add_kind", "notify"]
