"""The upload page's import, run by the task worker (`samen db_worker`).

Checking records its progress row by row, each step committed, so that the upload page can
show how far it got; storing is one transaction (all or nothing), shown as "storing".
"""

from __future__ import annotations

from django_tasks import task

from samen.indicators.actions import import_progress, import_refuse, values_import
from samen.indicators.importing import check_file
from samen.indicators.models import DataImport

PROGRESS_EVERY = 5000


@task()
def run_import(import_id: int) -> dict:
    """Check a queued import's file and store it when every row is good."""
    data_import = DataImport.objects.select_related("mapping", "imported_by").get(pk=import_id)
    if (
        data_import.status != DataImport.Status.QUEUED
        or data_import.upload is None
        or data_import.mapping is None
    ):
        return {"status": data_import.status}
    by = data_import.imported_by
    data = bytes(data_import.upload)
    last = [0]

    def checked_rows(done: int, total: int) -> None:
        if done - last[0] >= PROGRESS_EVERY or done == total:
            last[0] = done
            import_progress(
                by=by,
                data_import=data_import,
                status=DataImport.Status.CHECKING,
                done=done,
                total=total,
            )

    import_progress(
        by=by,
        data_import=data_import,
        status=DataImport.Status.CHECKING,
        done=0,
        total=data_import.rows_total,
    )
    checked = check_file(data, data_import.mapping, progress=checked_rows)
    if not checked.ok:
        import_refuse(by=by, data_import=data_import, problems=checked.problems)
        return {"status": data_import.status, "problems": len(checked.problems)}
    import_progress(
        by=by,
        data_import=data_import,
        status=DataImport.Status.STORING,
        done=checked.rows,
        total=checked.rows,
    )
    outcome = values_import(
        by=by,
        checked=checked,
        file_name=data_import.file_name,
        mapping=data_import.mapping,
        data_import=data_import,
        synthetic=data_import.synthetic,
    )
    return {"status": data_import.status, "created": outcome.created, "changed": outcome.changed}
