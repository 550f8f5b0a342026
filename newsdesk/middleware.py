"""Arabic first: the interface language is the editor's explicit choice, never guessed from the browser."""

from __future__ import annotations

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ArabicFirstLocaleMiddleware(LocaleMiddleware):
    """Use the language chosen with the switch (cookie) or LANGUAGE_CODE; ignore Accept-Language.

    A newsroom's shared screens and links should open in Arabic whatever the browser's locale.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _ in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
