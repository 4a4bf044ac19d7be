from django import template
from django.template.loader import render_to_string

from samen.core.navigation import FilledPanel

register = template.Library()


@register.simple_tag(takes_context=True)
def render_panel(context, panel: FilledPanel) -> str:
    """Render one panel of a page with its own context and the request's."""
    return render_to_string(panel.template, panel.context, request=context.get("request"))


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key)
