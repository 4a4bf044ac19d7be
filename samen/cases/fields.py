"""Model fields whose values are encrypted in the database (see samen.cases.crypto)."""

from __future__ import annotations

import datetime

from django.db import models

from samen.cases import crypto


class EncryptedTextField(models.TextField):
    """Text that Python code sees in the clear and the database holds as a Fernet token.

    An empty value stays empty (nothing to hide, and it keeps "no address" cheap). Tokens are
    never equal for equal text, so the field cannot be filtered on: use the blind index.
    """

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return crypto.decrypt(value)

    def get_db_prep_value(self, value, connection, prepared=False):
        value = super().get_db_prep_value(value, connection, prepared)
        if value in (None, ""):
            return value
        return crypto.encrypt(str(value))


class EncryptedDateField(EncryptedTextField):
    """A date, encrypted as its ISO text; Python code gets a datetime.date (or None)."""

    def from_db_value(self, value, expression, connection):
        text = super().from_db_value(value, expression, connection)
        return datetime.date.fromisoformat(text) if text else None

    def to_python(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, datetime.date):
            return value
        return datetime.date.fromisoformat(str(value))

    def get_prep_value(self, value):
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value

    def value_to_string(self, obj) -> str:
        value = self.value_from_object(obj)
        return value.isoformat() if value else ""
