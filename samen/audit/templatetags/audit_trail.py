"""The audit trail's words in templates."""

from django import template

from samen.audit.display import purpose_label

register = template.Library()


@register.filter
def read_purpose(what) -> str:
    """What a read's stored `what` code means, in the reader's language."""
    return purpose_label(str(what))
