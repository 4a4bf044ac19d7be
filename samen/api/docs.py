"""The API's documentation page: Swagger UI, from drf-spectacular-sidecar's own static files.

It works under the strict Content-Security-Policy as it is, with no relaxation: the page has
no inline script or style (its start script is served by the same view at ?script=, and its
frame's style is a static file), and every script, style and font comes from Samen itself.
The page shows no data, so anyone may open it; the description it shows comes from
/api/schema/, which needs the signed-in session or a token ("Authorize": `Token ...`).
"""

from __future__ import annotations

from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny

from samen.api.scopes import PeopleOnly
from samen.api.tokens import API_AUTHENTICATION


class DocsView(SpectacularSwaggerSplitView):
    authentication_classes = API_AUTHENTICATION
    permission_classes = [PeopleOnly, AllowAny]
    url_name = "api:schema"
    template_name = "api/docs.html"
    title = "Samen API"
