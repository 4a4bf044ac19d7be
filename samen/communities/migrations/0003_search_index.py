"""A GIN index for full-text search over communities, on PostgreSQL only.

It indexes exactly the expression samen.communities.search queries with, so PostgreSQL can
use it. SQLite has no full-text search of this kind and searches with LIKE instead: there the
migration does nothing. The index is not in the model's Meta because the model is the same
on both databases.
"""

from django.db import migrations

INDEX_NAME = "community_search_gin"


def _index():
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    return GinIndex(SearchVector("search_text", config="simple"), name=INDEX_NAME)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("communities", "Community"), _index())


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("communities", "Community"), _index())


class Migration(migrations.Migration):
    dependencies = [("communities", "0002_default_themes_and_languages")]
    operations = [migrations.RunPython(add_index, remove_index)]
