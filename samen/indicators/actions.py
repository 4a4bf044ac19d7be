"""Every write of the indicators module, each with its audit record in one transaction.

Values go in by the thousand: the trail records the import that stored them (who, which
file, how many new, corrected and unchanged), every value points back to it, and a
corrected value keeps what it was, and from which import, in its revisions.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.core.actions import action
from samen.core.errors import FieldErrors
from samen.indicators import formulas
from samen.indicators.access import may_administer
from samen.indicators.importing import CheckedFile, Problem
from samen.indicators.models import (
    DataElement,
    DataImport,
    FiguresVersion,
    Indicator,
    SourceMapping,
    StatisticalSector,
    Value,
    ValueRevision,
)
from samen.indicators.rollup import refresh_aggregates
from samen.places.models import Place

BATCH = 5000
Stored = Callable[[int], None]  # values just stored


def figures_changed() -> None:
    """Raise the figures' version: cached sections are read again (inside the action)."""
    if not FiguresVersion.objects.filter(pk=1).update(number=F("number") + 1):
        FiguresVersion.objects.create(pk=1, number=1)


def check_may_administer(by) -> None:
    """Administrators (or Samen itself, by=None, in commands and the seed) only."""
    if by is not None and not may_administer(by):
        raise PermissionDenied


# --- The sector lookup ---------------------------------------------------------------------------


@dataclass
class SectorReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    without_district: list[str] = field(default_factory=list)


@action
def sectors_import(*, by, rows: list[dict]) -> SectorReport:
    """Create or update statistical sectors from a checked lookup (importing.read_sector_lookup)."""
    check_may_administer(by)
    report = SectorReport()
    places = dict(
        Place.objects.filter(kind__in=[Place.Kind.DISTRICT, Place.Kind.NEIGHBOURHOOD]).values_list(
            "code", "pk"
        )
    )
    existing = {s.code: s for s in StatisticalSector.objects.all()}
    for row in rows:
        district = places.get(row["district_code"])
        neighbourhood = places.get(row["neighbourhood_code"])
        if district is None:
            report.without_district.append(row["code"])
        sector = existing.get(row["code"])
        if sector is None:
            sector = StatisticalSector(code=row["code"])
            sector.district_id, sector.neighbourhood_id = district, neighbourhood
            sector.save()
            report.created += 1
        elif (sector.district_id, sector.neighbourhood_id) != (district, neighbourhood):
            sector.district_id, sector.neighbourhood_id = district, neighbourhood
            sector.save(update_fields=["district", "neighbourhood"])
            report.updated += 1
        else:
            report.unchanged += 1
    if report.updated:
        # Sectors moved to another neighbourhood or district: every sum is redone.
        touched = Value.objects.filter(sector__isnull=False)
        refresh_aggregates(
            set(touched.values_list("element_id", flat=True).distinct()),
            set(touched.values_list("year", flat=True).distinct()),
        )
    if report.created or report.updated:
        figures_changed()
    return report


# --- Data elements, indicators, mappings (from the administration) -------------------------------


def check_indicator(indicator: Indicator) -> None:
    """Validate the fields and both formulas; ValidationError naming the field otherwise."""
    indicator.full_clean()
    known = set(DataElement.objects.values_list("code", flat=True))
    errors = FieldErrors()
    for name in ("numerator", "denominator"):
        text = getattr(indicator, name)
        if name == "denominator" and not text.strip():
            continue
        try:
            formulas.check(text, known)
        except formulas.FormulaError as error:
            errors.add(name, str(error))
    errors.raise_if_any()


@action
def indicator_save(*, by, indicator: Indicator) -> Indicator:
    """Create or change an indicator; its formulas are checked first."""
    check_may_administer(by)
    check_indicator(indicator)
    indicator.save()
    figures_changed()
    return indicator


@action
def indicator_delete(*, by, indicator: Indicator) -> None:
    check_may_administer(by)
    indicator.delete()
    figures_changed()


@action
def data_element_save(*, by, element: DataElement) -> DataElement:
    """Create or change a data element. Its code is what formulas and mappings name."""
    check_may_administer(by)
    element.full_clean()
    if element.pk:
        before = DataElement.objects.get(pk=element.pk)
        if before.code != element.code:
            users = [i.code for i in Indicator.objects.all() if before.code in _codes_of(i)]
            if users:
                raise ValidationError(
                    {
                        "code": _("These indicators use the code: %(codes)s. Change them first.")
                        % {"codes": ", ".join(users)}
                    }
                )
    element.save()
    figures_changed()
    return element


def _codes_of(indicator: Indicator) -> set[str]:
    codes = set()
    for text in (indicator.numerator, indicator.denominator):
        try:
            codes |= formulas.parse(text).codes if text.strip() else set()
        except formulas.FormulaError:
            continue
    return codes


@action
def mapping_save(*, by, mapping: SourceMapping) -> SourceMapping:
    """Create or change a source's mapping; every column must name a known data element."""
    check_may_administer(by)
    mapping.full_clean()
    known = set(DataElement.objects.values_list("code", flat=True))
    if not isinstance(mapping.columns, dict) or not mapping.columns:
        raise ValidationError({"columns": _("Name at least one column and its data element.")})
    unknown = sorted({str(code) for code in mapping.columns.values()} - known)
    if unknown:
        raise ValidationError(
            {"columns": _("Unknown data element codes: %(codes)s.") % {"codes": ", ".join(unknown)}}
        )
    mapping.save()
    return mapping


# --- Imports -----------------------------------------------------------------------------------


@action
def import_queue(
    *, by, mapping: SourceMapping | None, file_name: str, data: bytes, rows: int
) -> DataImport:
    """Keep an uploaded file for the task worker, which checks and stores it; without a
    mapping it waits for the mapping step (`import_map`)."""
    check_may_administer(by)
    data_import = DataImport(
        file_name=file_name[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        mapping=mapping,
        imported_by=by,
        synthetic=mapping.synthetic if mapping else False,
        rows_total=rows,
        upload=data,
    )
    data_import.save()
    return data_import


@action
def import_map(*, by, data_import: DataImport, mapping: SourceMapping) -> DataImport:
    """The mapping step: save the new source's mapping and give it to the waiting import."""
    check_may_administer(by)
    if data_import.mapping_id is not None or data_import.status != DataImport.Status.QUEUED:
        raise ValidationError(_("This import has its mapping already."))
    mapping_save(by=by, mapping=mapping)
    data_import.mapping = mapping
    data_import.synthetic = mapping.synthetic
    data_import.save(update_fields=["mapping", "synthetic"])
    return data_import


@action
def import_progress(*, by, data_import: DataImport, status: str, done: int, total: int) -> None:
    """Record how far the check of a queued import got (for the upload page's progress bar)."""
    data_import.status, data_import.rows_done = status, done
    data_import.rows_total = max(total, done)
    data_import.save(update_fields=["status", "rows_done", "rows_total"])


@action
def import_refuse(*, by, data_import: DataImport, problems: list[Problem]) -> None:
    """A queued import's file had problems: nothing is stored; the problems are kept."""
    data_import.status = DataImport.Status.REFUSED
    data_import.problems = [p.as_dict() for p in problems]
    data_import.finished_at = timezone.now()
    data_import.upload = None
    data_import.save(update_fields=["status", "problems", "finished_at", "upload"])


@dataclass
class ImportOutcome:
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    data_import: DataImport | None = None

    @property
    def nothing_changed(self) -> bool:
        return not self.created and not self.changed


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)


@action
def values_import(
    *,
    by,
    checked: CheckedFile,
    file_name: str,
    mapping: SourceMapping | None = None,
    data_import: DataImport | None = None,
    synthetic: bool = False,
    stored: Stored | None = None,
) -> ImportOutcome:
    """Store a checked file, all of it: new values, corrections (with the value they replace
    kept as a revision), and the aggregates of every data element and year it touched.

    A file whose every value is already stored changes nothing: no import is recorded (a
    queued one is marked "nothing changed"). Administrators only, or Samen itself.
    """
    check_may_administer(by)
    if not checked.ok:
        raise ValueError("values_import takes a checked file without problems")
    outcome = ImportOutcome()
    target = "sector_id" if checked.layout == SourceMapping.Layout.SECTORS else "place_id"
    existing: dict[tuple, tuple[int, float, int]] = {}
    rows = Value.objects.filter(
        element_id__in=checked.element_ids,
        year__in=checked.years,
        **{f"{target}__isnull": False},
    ).values_list("pk", "element_id", target, "year", "quarter", "value", "source_import_id")
    for pk, element, where, year, quarter, value, source in rows.iterator(chunk_size=BATCH):
        existing[(element, where, year, quarter)] = (pk, value, source)
    new, corrected = [], []
    for key, value in checked.values.items():
        before = existing.get(key)
        if before is None:
            new.append((key, value))
        elif not _same(before[1], value):
            corrected.append((before, value))
        else:
            outcome.unchanged += 1
    outcome.created, outcome.changed = len(new), len(corrected)
    if outcome.nothing_changed:
        if data_import is not None:
            data_import.status = DataImport.Status.UNCHANGED
            data_import.values_unchanged = outcome.unchanged
            data_import.finished_at = timezone.now()
            data_import.upload = None
            data_import.save()
        outcome.data_import = data_import
        return outcome

    if data_import is None:
        data_import = DataImport(
            file_name=file_name[:255], mapping=mapping, imported_by=by, synthetic=synthetic
        )
    data_import.sha256 = checked.sha256
    data_import.status = DataImport.Status.DONE
    data_import.rows_total = data_import.rows_done = checked.rows
    data_import.values_created = outcome.created
    data_import.values_changed = outcome.changed
    data_import.values_unchanged = outcome.unchanged
    data_import.finished_at = timezone.now()
    data_import.upload = None
    data_import.save()

    for start in range(0, len(new), BATCH):
        chunk = new[start : start + BATCH]
        Value.objects.bulk_create(
            [
                Value(
                    element_id=element,
                    year=year,
                    quarter=quarter,
                    value=value,
                    source_import=data_import,
                    **{target: where},
                )
                for (element, where, year, quarter), value in chunk
            ]
        )
        if stored:
            stored(len(chunk))
    if corrected:
        ValueRevision.objects.bulk_create(
            [
                ValueRevision(
                    value_id=pk,
                    previous=previous,
                    previous_import_id=source,
                    replaced_in=data_import,
                )
                for (pk, previous, source), _value in corrected
            ],
            batch_size=BATCH,
        )
        changed = [
            Value(pk=pk, value=value, source_import=data_import)
            for (pk, _p, _s), value in corrected
        ]
        Value.objects.bulk_update(changed, ["value", "source_import"], batch_size=500)
        if stored:
            stored(len(corrected))
    touched = {key for key, _v in new} | {
        key
        for key, value in checked.values.items()
        if key in existing and not _same(existing[key][1], value)
    }
    refresh_aggregates({k[0] for k in touched}, {k[2] for k in touched})
    figures_changed()
    outcome.data_import = data_import
    return outcome
