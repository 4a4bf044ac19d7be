"""The INSERT that Django would send for one model instance, as (sql, params), for a caller
that sends several inserts as one statement (data-modifying WITHs on PostgreSQL).

Hand-written because Django has no public way to get an instance's INSERT without sending it:
`Model.save` sends one statement per row and `bulk_create` one per model. The statement comes
from Django's own compiler, so column names, quoting, placeholders and value preparation
(`pre_save`, `get_db_prep_save`) are Django's. What is ours: keeping the compiled SQL per model
and column list, because compiling it again for every row costs more than the insert itself on
the busiest path (filing a signal, with its audit record).
"""

from __future__ import annotations

from django.db import connections
from django.db.models import Model
from django.db.models.sql import InsertQuery

_COMPILED: dict[tuple, str] = {}


def insert_statement(instance: Model, *, using: str = "default") -> tuple[str, list]:
    """The INSERT of `instance` (with its primary key when set) as (sql, params), unsent.

    Runs the fields' `pre_save` as `save()` would (an `auto_now_add` moment is set on the
    instance). Values that are expressions (a database default, say) are compiled each time;
    plain values reuse the statement compiled for the same columns.
    """
    model = type(instance)
    meta = model._meta
    connection = connections[using]
    fields = list(meta.local_concrete_fields)
    if instance.pk is None and meta.auto_field is not None:
        fields = [field for field in fields if field is not meta.auto_field]
    key = (model, connection.vendor, tuple(field.attname for field in fields))
    sql = _COMPILED.get(key)
    if sql is not None:
        values = [field.pre_save(instance, True) for field in fields]
        if not any(hasattr(value, "resolve_expression") for value in values):
            pairs = zip(fields, values, strict=True)
            return sql, [field.get_db_prep_save(value, connection) for field, value in pairs]
    query = InsertQuery(model)
    query.insert_values(fields, [instance])
    [(sql, params)] = query.get_compiler(using=using).as_sql()
    values = [getattr(instance, field.attname) for field in fields]
    if not any(hasattr(value, "resolve_expression") for value in values):
        _COMPILED[key] = sql
    return sql, list(params)
