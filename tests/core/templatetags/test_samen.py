"""The template tags every page uses (samen/core/templatetags/samen.py)."""

from django.template import Context, Template


def test_get_item_reads_a_mapping_by_a_variable_key():
    template = Template("{% load samen %}{{ counts|get_item:key }}|{{ counts|get_item:'x' }}")
    assert template.render(Context({"counts": {"a": 3}, "key": "a"})) == "3|None"
