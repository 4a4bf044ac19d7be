from django import template

from samen.indicators.charts import shown

register = template.Library()


@register.simple_tag
def figure(result, indicator) -> str:
    """A result as shown: the value with its unit, or why there is none ("<5", ...)."""
    if result is None:
        return "–"
    if not result.shown:
        return result.label
    return shown(result.value, indicator.decimals) + indicator.unit_suffix


@register.simple_tag
def figure_at(table, place_id, year, indicator) -> str:
    """The result of a table for one place and year, as shown."""
    return figure(table.result(place_id, year), indicator)


@register.simple_tag
def figure_range(map_class, indicator) -> str:
    """A map class's range: "12.3% – 15.6%", or one value when both ends are equal."""
    low = shown(map_class.low, indicator.decimals) + indicator.unit_suffix
    high = shown(map_class.high, indicator.decimals) + indicator.unit_suffix
    return low if low == high else f"{low} – {high}"


@register.simple_tag
def signed(value, indicator) -> str:
    """A change with its sign: +1.2, −0.4."""
    text = shown(abs(value), indicator.decimals)
    return ("+" if value > 0 else "−" if value < 0 else "") + text
