"""The case work (meetings, assessments, support plans, police exchanges) registers its page
sections, navigation, demo data and retention here; apps.py imports this one module."""

from samen.cases import work_panels, work_retention, work_sections, work_seed  # noqa: F401
