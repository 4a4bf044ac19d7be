"""The preferences form: one delivery choice per kind the person can receive."""

from __future__ import annotations

from django import forms

from samen.notifications.kinds import Kind
from samen.notifications.models import Delivery


class PreferencesForm(forms.Form):
    def __init__(self, *args, kinds: list[Kind], current: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind in kinds:
            self.fields[kind.code] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=current.get(kind.code, kind.default),
            )
