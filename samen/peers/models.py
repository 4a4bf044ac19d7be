"""Other cities' Samen, whose published statistics this city reads beside its own."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track
from samen.peers import crypto


class Peer(models.Model):
    """Another city's Samen: its address, and the partner token it gave this city.

    The token is kept encrypted (samen.peers.crypto) and never shown again; `hint` is its
    beginning, so that an administrator can tell which one it is.
    """

    name = models.CharField(_("name"), max_length=120, unique=True)
    base_url = models.CharField(_("address"), max_length=300)
    # The token, Fernet-encrypted (samen.peers.crypto); `token()` reads it.
    token_encrypted = models.CharField(max_length=500, editable=False)
    hint = models.CharField(_("token starts with"), max_length=24, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("other city")
        verbose_name_plural = _("other cities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def token(self) -> str:
        """The token to send, decrypted."""
        return crypto.decrypt(self.token_encrypted)


track(Peer, sensitive=("token_encrypted",))
