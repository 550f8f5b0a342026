"""The Content-Security-Policy header: scripts, styles and everything else come from this site only.

Django 5.2 has no CSP of its own (6.0 adds one), and one header does not need django-csp. Pages carry no inline
scripts, styles or style attributes (htmx's indicator styles are in newsdesk.css), so nothing needs a nonce.
"""

from __future__ import annotations

from django.conf import settings


def policy_header(policy: dict[str, str]) -> str:
    return "; ".join(f"{name} {sources}" for name, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    """Adds the policy (``settings.CONTENT_SECURITY_POLICY``) to every response that does not set its own."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = policy_header(settings.CONTENT_SECURITY_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.header)
        return response
