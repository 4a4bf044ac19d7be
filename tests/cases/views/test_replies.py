"""How a write posted from a case's or a meeting's page answers: back to that page with every
problem as an error message, or with the message that it was done."""

from django import forms
from django.contrib import messages
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from samen.cases.views.replies import back, case_url, form_problems, submit


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Reason")

    def clean(self):
        raise ValidationError("Something is wrong with the whole form.")


def posted():
    request = RequestFactory().post("/cases/1/close/")
    SessionMiddleware(lambda r: None).process_request(request)
    MessageMiddleware(lambda r: None).process_request(request)
    return request


def shown(request) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message)) for message in messages.get_messages(request)]


def test_each_problem_is_prefixed_with_its_fields_label():
    form = ReasonForm({"reason": ""})
    assert not form.is_valid()
    assert form_problems(form) == [
        "Reason: This field is required.",
        "Something is wrong with the whole form.",
    ]


def test_back_goes_to_the_page_and_its_anchor_with_the_problems():
    request = posted()
    response = back(request, "/cases/1/", ["First.", "Second."], anchor="plan")
    assert response.status_code == 302 and response["Location"] == "/cases/1/#plan"
    assert shown(request) == [("error", "First."), ("error", "Second.")]
    assert back(posted(), "/cases/1/")["Location"] == "/cases/1/"


def test_an_invalid_form_is_never_written():
    request, writes = posted(), []
    response = submit(request, "/cases/1/", ReasonForm({}), lambda: writes.append(1), "Done.")
    assert writes == [] and response["Location"] == "/cases/1/"
    assert ("success", "Done.") not in shown(request)


def test_the_actions_refusal_is_shown_and_success_says_done():
    def refuse():
        raise ValidationError({"reason": ["Give a reason."]})

    request = posted()
    response = submit(request, "/cases/1/", None, refuse, "Done.", anchor="close")
    assert response["Location"] == "/cases/1/#close"
    assert shown(request) == [("error", "Give a reason.")]
    request, writes = posted(), []
    submit(request, "/cases/1/", None, lambda: writes.append(1), "Done.")
    assert writes == [1] and shown(request) == [("success", "Done.")]


def test_a_case_is_answered_at_its_own_page():
    class Case:
        pk = 42

    assert case_url(Case()) == "/cases/42/"
