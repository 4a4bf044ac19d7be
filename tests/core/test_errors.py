import pytest
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from samen.core.errors import FieldErrors


def test_nothing_collected_refuses_nothing():
    errors = FieldErrors()
    errors.raise_if_any()
    assert not errors


def test_every_message_is_kept_per_field_in_order():
    errors = FieldErrors()
    errors.add("name", "Give a name.")
    errors.add("name", "Keep it short.", "No digits.")
    errors.add("name")
    errors.add_form_error("Name at least one party.")
    with pytest.raises(ValidationError) as refused:
        errors.raise_if_any()
    assert refused.value.message_dict == {
        "name": ["Give a name.", "Keep it short.", "No digits."],
        NON_FIELD_ERRORS: ["Name at least one party."],
    }


class _Form(forms.Form):
    name = forms.CharField(required=False)


def test_a_form_shows_the_refusal_under_its_fields():
    form = _Form(data={"name": "x"})
    assert form.is_valid()
    errors = FieldErrors()
    errors.add("name", "Give a name.")
    errors.add_form_error("Something else.")
    try:
        errors.raise_if_any()
    except ValidationError as error:
        form.add_error(None, error)
    assert form.errors == {"name": ["Give a name."], NON_FIELD_ERRORS: ["Something else."]}
