import datetime

from auditlog.registry import auditlog
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.audit.display import ACTION_CHOICES


def _record_types():
    models = sorted(auditlog.get_models(), key=lambda m: str(m._meta.verbose_name))
    return ContentType.objects.get_for_models(*models).items()


class AuditSearchForm(forms.Form):
    actor = forms.EmailField(label=_("Person (e-mail address)"), required=False)
    record_type = forms.ChoiceField(label=_("Kind of record"), required=False)
    record_id = forms.CharField(label=_("Record number"), required=False, max_length=64)
    action = forms.TypedChoiceField(
        label=_("What happened"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("All actions")), *ACTION_CHOICES],
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Until (inclusive)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["record_type"].choices = [("", _("Any kind"))] + [
            (str(ct.pk), str(model._meta.verbose_name).capitalize())
            for model, ct in _record_types()
        ]

    def clean_actor(self):
        email = self.cleaned_data["actor"]
        if not email:
            return None
        actor = get_user_model().objects.filter(email__iexact=email).first()
        if actor is None:
            raise ValidationError(
                _("Nobody has the e-mail address %(email)s."), params={"email": email}
            )
        return actor

    def clean_record_type(self):
        value = self.cleaned_data["record_type"]
        return ContentType.objects.get_for_id(int(value)) if value else None

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            raise ValidationError(_("The period ends before it starts."))
        return data

    def typed_filters(self, query) -> dict[str, str]:
        """The filters of a valid search as typed (and the page), for the record of the search;
        the kind of record by its name rather than its number."""
        typed = {name: query.get(name, "") for name in [*self.fields, "page"]}
        kind = self.cleaned_data.get("record_type") if self.is_bound else None
        if kind is not None:
            typed["record_type"] = f"{kind.app_label}.{kind.model}"
        return typed

    def search_arguments(self) -> dict:
        data = self.cleaned_data
        tz = timezone.get_current_timezone()

        def start_of(day):
            return datetime.datetime.combine(day, datetime.time.min, tzinfo=tz) if day else None

        until = data["until"] + datetime.timedelta(days=1) if data["until"] else None
        return {
            "actor": data["actor"],
            "content_type": data["record_type"],
            "object_pk": data["record_id"].strip(),
            "since": start_of(data["since"]),
            "until": start_of(until),
            "action": data["action"],
        }
