"""The documentation page: Swagger UI from the package's own files, under the strict CSP,
and an OpenAPI document in which every endpoint has examples and both kinds of token."""

from __future__ import annotations

import re

import pytest
import yaml
from django.contrib.staticfiles import finders
from rest_framework.test import APIClient

from samen.api.scopes import STATISTICS_READ
from tests.api.conftest import issue, partner_client
from tests.conftest import get_as

pytestmark = pytest.mark.django_db

DOCS = "/api/docs/"


def schema_as(client) -> dict:
    answer = client.get("/api/schema/", {"format": "yaml"})
    assert answer.status_code == 200
    return yaml.safe_load(answer.content)


def test_the_page_loads_its_scripts_and_styles_from_samen_only(client):
    answer = client.get(DOCS)
    assert answer.status_code == 200
    page = answer.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    assert len(scripts) == 3
    for attributes, body in scripts:
        assert body.strip() == "", "no inline script"
        (source,) = re.findall(r'src="([^"]+)"', attributes)
        assert source.startswith(("/static/", DOCS)), source
    assert "<style" not in page and " style=" not in page
    for link in re.findall(r'(?:href|src)="([^"]+)"', page):
        assert link.startswith("/"), link
    policy = answer["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe" not in policy and "http" not in policy


def test_the_files_it_names_ship_with_the_sidecar_package(client):
    page = client.get(DOCS).content.decode()
    for path in re.findall(r'"/static/([^"]+)"', page):
        assert finders.find(path), path


def test_the_start_script_is_served_by_the_page_itself(client):
    answer = client.get(DOCS, {"script": ""})
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/javascript")
    script = answer.content.decode()
    assert "/api/schema/" in script and '"partnerToken"' in script


def test_a_partner_key_sent_to_the_page_is_refused(personas, partner_organisation):
    _token, key = issue(personas, partner_organisation)
    assert partner_client(key).get(DOCS).status_code == 403


def test_both_kinds_of_token_and_the_scopes_are_described(personas):
    client = APIClient()
    client.force_authenticate(personas.analyst)
    schema = schema_as(client)
    schemes = schema["components"]["securitySchemes"]
    assert {"token", "partnerToken"} <= set(schemes)
    assert "samenpartner_" in schemes["partnerToken"]["description"]
    for scope in ("statistics:read", "circulars:read", "exchanges:write"):
        assert scope in schema["info"]["description"]
    statistics = schema["paths"]["/api/statistics/"]["get"]
    assert {"partnerToken": []} in statistics["security"]
    assert {"partnerToken": []} not in schema["paths"]["/api/signals/"]["get"]["security"]


def test_every_endpoint_has_examples(personas):
    client = APIClient()
    client.force_authenticate(personas.analyst)
    operations = [
        (path, method, operation)
        for path, methods in schema_as(client)["paths"].items()
        for method, operation in methods.items()
    ]
    assert len(operations) >= 14
    for path, method, operation in operations:
        body = operation.get("requestBody", {}).get("content", {})
        if body:
            assert body["application/json"].get("examples"), f"{method} {path}: no example"
        for status, response in operation["responses"].items():
            if status.startswith("2") and response.get("content"):
                for content in response["content"].values():
                    assert content.get("examples"), f"{method} {path} {status}: no example"


def test_a_partner_reads_only_the_endpoints_of_its_scopes(personas, partner_organisation):
    _token, key = issue(personas, partner_organisation, scopes=[STATISTICS_READ])
    # statistics:read opens the suppressed counts and the reports sent to the organisation.
    assert sorted(schema_as(partner_client(key))["paths"]) == [
        "/api/reports/",
        "/api/reports/{id}/",
        "/api/reports/{id}/csv/",
        "/api/statistics/",
    ]


def test_the_token_page_links_the_documentation(client, personas):
    answer = get_as(client, personas.frontline, "/api/token/")
    assert DOCS in answer.content.decode()


def test_the_schema_allows_what_the_answers_hold(personas):
    """What Schemathesis found answering off its schema, held here."""
    client = APIClient()
    client.force_authenticate(personas.analyst)
    schema = schema_as(client)
    parts = schema["components"]["schemas"]
    assert parts["Signal"]["properties"]["neighbourhood"].get("nullable") is True
    assert parts["Category"]["properties"]["parent"].get("nullable") is True
    values = schema["paths"]["/api/indicators/{code}/values/"]["get"]["responses"]["200"]
    assert values["content"]["application/json"]["schema"]["type"] == "array"
