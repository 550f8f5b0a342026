"""Arabic news analysis: pure functions from text to dataclasses, with no Django imports."""
