"""Collecting what is wrong with someone's input, field by field: one way for every action.

An action checks everything before it writes, collects one clear message per problem under the
field it concerns ("__all__" for the form as a whole), and refuses with all of them at once, so
that the form shows the whole list in its error summary. A dict underneath, so that
`ValidationError(errors)` and a form's `add_error` read it as they read any error dict.
"""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class FieldErrors(dict[str, list[str]]):
    """Messages per field name, in the order found."""

    def add(self, field: str, *messages: str) -> None:
        """Note one or more messages about `field` (NON_FIELD_ERRORS for the whole form)."""
        if messages:
            self.setdefault(field, []).extend(messages)

    def add_form_error(self, *messages: str) -> None:
        self.add(NON_FIELD_ERRORS, *messages)

    def raise_if_any(self) -> None:
        """Refuse with every collected message, before anything was written."""
        if self:
            raise ValidationError(dict(self))
