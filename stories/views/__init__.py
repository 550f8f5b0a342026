"""Pages: thin function views; reads come from selectors, charts and display text from the presentation modules.

A view that answers both a full page and an HTMX swap renders ``page.html#partial`` when ``request.htmx``.
"""
