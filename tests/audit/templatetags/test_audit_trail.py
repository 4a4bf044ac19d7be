"""The `read_purpose` filter: what a read was for, in the reader's language."""

from django.template import Context, Template
from django.utils import translation


def rendered(what: str, language: str) -> str:
    template = Template("{% load audit_trail %}{{ what|read_purpose }}")
    with translation.override(language):
        return template.render(Context({"what": what}))


def test_a_named_purpose_reads_in_the_reader_s_language():
    assert rendered("page", "en") == "the case&#x27;s page"
    assert rendered("page", "nl") == "de pagina van de casus"


def test_a_numbered_purpose_carries_its_number_and_an_unknown_code_stays_itself():
    assert rendered("meeting 12", "en") == "the agenda of meeting 12"
    assert rendered("no-such-purpose", "en") == "no-such-purpose"
