from django.http import HttpRequest

from samen.core.navigation import nav_items_for


def navigation(request: HttpRequest) -> dict:
    """The main navigation for the signed-in person, and the CSP nonce for script tags."""
    context = {"csp_nonce": getattr(request, "csp_nonce", "")}
    user = getattr(request, "user", None)
    context["nav_items"] = nav_items_for(user) if user and user.is_authenticated else []
    return context
