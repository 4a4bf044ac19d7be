"""The directory's filter forms (samen/people/forms.py): what they accept and refuse."""

from samen.people.forms import DirectoryFilterForm, OrganisationFilterForm
from samen.people.roles import Role


def test_the_directory_filter_is_optional_and_takes_a_role():
    assert DirectoryFilterForm({}).is_valid()
    form = DirectoryFilterForm({"q": "jan", "role": Role.FRONTLINE_WORKER})
    assert form.is_valid() and form.cleaned_data == {"q": "jan", "role": Role.FRONTLINE_WORKER}


def test_the_directory_filter_refuses_an_unknown_role_and_a_too_long_search():
    form = DirectoryFilterForm({"q": "x" * 101, "role": "superuser"})
    assert not form.is_valid()
    assert set(form.errors) == {"q", "role"}


def test_the_organisation_filter_takes_a_policy_level_and_refuses_others():
    assert OrganisationFilterForm({"policy_level": "flemish"}).is_valid()
    form = OrganisationFilterForm({"policy_level": "galactic"})
    assert not form.is_valid() and set(form.errors) == {"policy_level"}
