"""Secrets stored in the clear before encryption are encrypted by the migration, and read back
the same."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from samen.api.models import WebhookSubscription

BEFORE = [("api", "0002_webhooks")]
AFTER = [("api", "0003_webhook_secret_encrypted")]
PLAIN = "ab" * 32


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_a_secret_in_the_clear_is_encrypted_in_place(personas, partner_organisation):
    try:
        old = migrate(BEFORE)
        old.get_model("api", "WebhookSubscription").objects.create(
            organisation_id=partner_organisation.pk,
            kind="early_warning",
            url="https://partner.example/hooks",
            secret=PLAIN,
            created_by_id=personas.admin.pk,
        )
        migrate(AFTER)
        subscription = WebhookSubscription.objects.get()
        assert subscription.secret != PLAIN and subscription.signing_secret() == PLAIN
        migrate(BEFORE)  # and back
        assert old.get_model("api", "WebhookSubscription").objects.get().secret == PLAIN
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
