"""The editors' admin: upload articles into a story, watch their status, maintain the gazetteer, reanalyse."""

from . import articles, newsroom

__all__ = ["articles", "newsroom"]
