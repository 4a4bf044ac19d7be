"""Indicator formulas: parsing, checking and computing numerator ÷ denominator × factor.

A formula is arithmetic over data element codes: `births`, `residents_born_abroad`,
`residents - residents[-5]` (the value five years before). Parsed with Python's own `ast`
and walked by hand, never evaluated: only numbers, codes, offsets, + − × ÷ and brackets pass.
A value that is missing, or a division by zero, gives no value, never 0.

The small-number rule (samen.indicators.formulas.small_number): a denominator under
SAMEN_INDICATOR_MIN_DENOMINATOR (default 30) shows as "too few residents", a numerator of
1 to 4 as "<5"; the rate is then never shown, on pages, in the API or in exports.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_OFFSET = 20
MAX_LENGTH = 500
SMALL_NUMERATOR_BELOW = 5


class FormulaError(ValueError):
    """The formula cannot be used; the message says why, in words for an administrator."""


@dataclass(frozen=True)
class Term:
    """A data element in a formula, `offset` years before the period computed (0 or less)."""

    code: str
    offset: int = 0


@dataclass(frozen=True)
class Formula:
    text: str
    tree: ast.expr
    terms: frozenset[Term]

    @property
    def codes(self) -> set[str]:
        return {term.code for term in self.terms}


_OPERATORS = {ast.Add, ast.Sub, ast.Mult, ast.Div}


def _offset(node: ast.expr) -> int:
    """The year offset in code[-n]: a negative whole number or 0."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        sign, node = -1, node.operand
    if not (isinstance(node, ast.Constant) and type(node.value) is int):
        raise FormulaError(_("Write a period offset as a whole number of years: code[-1]."))
    offset = sign * node.value
    if offset > 0 or offset < -MAX_OFFSET:
        raise FormulaError(
            _("A period offset goes back 0 to %(max)s years: code[-1] is the year before.")
            % {"max": MAX_OFFSET}
        )
    return offset


def _terms(node: ast.expr) -> set[Term]:
    """Check one node of the tree and return the data elements it reads."""
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        return _terms(node.left) | _terms(node.right)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        return _terms(node.operand)
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return set()
    if isinstance(node, ast.Name):
        return {Term(node.id)}
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        return {Term(node.value.id, _offset(node.slice))}
    raise FormulaError(
        _("Only data element codes, numbers, + − × ÷, brackets and code[-n] may be used.")
    )


def parse(text: str) -> Formula:
    """Parse a formula; FormulaError when it is not one (codes are not checked here)."""
    text = (text or "").strip().replace("×", "*").replace("÷", "/").replace("−", "-")
    if not text:
        raise FormulaError(_("The formula is empty."))
    if len(text) > MAX_LENGTH:
        raise FormulaError(_("The formula is too long."))
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError:
        raise FormulaError(_("The formula cannot be read: check the brackets and signs.")) from None
    return Formula(text, tree, frozenset(_terms(tree)))


def check(text: str, known_codes: set[str]) -> Formula:
    """Parse a formula and check that every code names a data element."""
    formula = parse(text)
    unknown = sorted(formula.codes - known_codes)
    if unknown:
        raise FormulaError(
            _("Unknown data element codes: %(codes)s.") % {"codes": ", ".join(unknown)}
        )
    return formula


Lookup = Callable[[Term], float | None]


def evaluate(formula: Formula, lookup: Lookup) -> float | None:
    """The formula's value, or None when a value is missing or a division is by zero."""

    def walk(node: ast.expr) -> float | None:
        if isinstance(node, ast.BinOp):
            left, right = walk(node.left), walk(node.right)
            if left is None or right is None:
                return None
            if isinstance(node.op, ast.Add):
                return left + right
            if isinstance(node.op, ast.Sub):
                return left - right
            if isinstance(node.op, ast.Mult):
                return left * right
            return left / right if right != 0 else None
        if isinstance(node, ast.UnaryOp):
            operand = walk(node.operand)
            return (
                None
                if operand is None
                else (-operand if isinstance(node.op, ast.USub) else operand)
            )
        if isinstance(node, ast.Constant):
            return float(node.value)
        if isinstance(node, ast.Name):
            return lookup(Term(node.id))
        return lookup(Term(node.value.id, _offset(node.slice)))

    value = walk(formula.tree)
    return value if value is None or math.isfinite(value) else None


# --- Results and the small-number rule ---------------------------------------------------------

OK = "ok"
NO_VALUE = "no_value"
SMALL_NUMERATOR = "small_numerator"
FEW_RESIDENTS = "few_residents"
STATUS_LABELS = {
    OK: gettext_lazy("value"),
    NO_VALUE: gettext_lazy("no value"),
    SMALL_NUMERATOR: gettext_lazy("<5"),
    FEW_RESIDENTS: gettext_lazy("too few residents"),
}


def min_denominator() -> int:
    return settings.SAMEN_INDICATOR_MIN_DENOMINATOR


@dataclass(frozen=True)
class Result:
    """An indicator for one place and period. `value` is None unless it may be shown."""

    status: str
    value: float | None = None

    @property
    def shown(self) -> bool:
        return self.status == OK

    @property
    def label(self) -> str:
        """What a page shows instead of a value: "no value", "<5", "too few residents"."""
        return str(STATUS_LABELS[self.status])


def small_number(numerator: float, denominator: float | None, minimum: int) -> str | None:
    """Which rule hides a result, if one does: few residents first, then a numerator 1–4."""
    if denominator is not None and denominator < minimum:
        return FEW_RESIDENTS
    if 0 < abs(numerator) < SMALL_NUMERATOR_BELOW:
        return SMALL_NUMERATOR
    return None


@dataclass(frozen=True)
class CompiledIndicator:
    """An indicator with its formulas parsed, ready to compute many places and periods."""

    numerator: Formula
    denominator: Formula | None
    factor: int
    minimum: int | None = None  # the small-number rule's; None: from the settings

    @property
    def terms(self) -> set[Term]:
        return set(self.numerator.terms) | (
            set(self.denominator.terms) if self.denominator else set()
        )

    def compute(self, lookup: Lookup, minimum: int | None = None) -> Result:
        """numerator ÷ denominator × factor, under the small-number rule."""
        minimum = minimum if minimum is not None else self.minimum
        minimum = min_denominator() if minimum is None else minimum
        numerator = evaluate(self.numerator, lookup)
        if numerator is None:
            return Result(NO_VALUE)
        denominator = None
        if self.denominator is not None:
            denominator = evaluate(self.denominator, lookup)
            if denominator is None or denominator == 0:
                return Result(NO_VALUE)
        hidden = small_number(numerator, denominator, minimum)
        if hidden:
            return Result(hidden)
        ratio = numerator / denominator if denominator is not None else numerator
        return Result(OK, ratio * self.factor)


def compile_indicator(indicator) -> CompiledIndicator:
    """Parse an indicator's formulas (they were checked when it was saved)."""
    denominator = parse(indicator.denominator) if indicator.denominator.strip() else None
    return CompiledIndicator(parse(indicator.numerator), denominator, indicator.factor)
