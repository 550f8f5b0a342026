"""Where an article's headline ends in its cleaned text, so a headline claim can join the body claim it sums up."""

from __future__ import annotations


def headline_end(text: str, title: str | None) -> int:
    """End of the headline when the cleaned text opens with it as its own paragraph, else 0."""
    end = text.find("\n\n")
    if title and end > 0 and text[:end].strip() == title.strip():
        return end
    return 0
