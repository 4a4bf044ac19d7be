from django.http import HttpRequest

from samen.core.navigation import nav_items_for


def navigation(request: HttpRequest) -> dict:
    """The main navigation for the signed-in person, and the CSP nonce for script tags."""
    context = {"csp_nonce": getattr(request, "csp_nonce", "")}
    user = getattr(request, "user", None)
    # Until a required second factor is set up, every link would lead back to its set-up.
    signed_in = user is not None and user.is_authenticated
    usable = signed_in and not getattr(request, "two_factor_missing", False)
    context["nav_items"] = nav_items_for(user) if usable else []
    context["two_factor_missing"] = signed_in and not usable
    return context
