"""The preferences form (samen/notifications/forms.py): one delivery choice per kind."""

from samen.notifications.forms import PreferencesForm


def test_one_field_per_kind_with_the_current_choice_or_the_kinds_default(kinds):
    form = PreferencesForm(kinds=list(kinds.values()), current={"test.open": "weekly"})
    assert set(form.fields) == {"test.open", "test.secret"}
    assert form.fields["test.open"].initial == "weekly"
    assert form.fields["test.secret"].initial == "daily"
    assert form.fields["test.open"].label == kinds["test.open"].label


def test_an_unknown_delivery_is_refused_and_a_known_one_accepted(kinds):
    data = {"test.open": "hourly", "test.secret": "off"}
    form = PreferencesForm(data, kinds=list(kinds.values()), current={})
    assert not form.is_valid() and set(form.errors) == {"test.open"}
    data["test.open"] = "immediately"
    form = PreferencesForm(data, kinds=list(kinds.values()), current={})
    assert form.is_valid() and form.cleaned_data == data
