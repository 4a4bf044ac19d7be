from django.db import models


class BenchmarkRow(models.Model):
    """One row per request to the intake benchmark's bare insert endpoint; never data."""

    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"benchmark row {self.pk}"
