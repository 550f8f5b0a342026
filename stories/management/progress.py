"""A progress bar for long commands on a terminal: done of total, the rate, and the time left, redrawn in place.

Commands draw it on stderr only when stderr is a terminal; their stdout lines (a scripted contract) stay as they
are, and the bar is wiped before each of them so that a terminal showing both never mixes the two.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

WIDTH = 30


def duration(seconds: float) -> str:
    """ "45 s", "3 min 05 s", "2 h 04 min": as precise as a person waiting needs."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class Progress:
    """``done`` of ``total`` things, drawn on ``stream`` as ``[####······] 12/40 articles  2.3/s  about 12 s left``."""

    def __init__(
        self,
        stream: TextIO,
        total: int,
        *,
        noun: str = "articles",
        already: int = 0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream, self.total, self.noun, self.clock = stream, total, noun, clock
        self.started = clock()
        self.done = self.already = already  # the rate counts only what was done while we watched
        self.shown = False

    def line(self) -> str:
        filled = WIDTH * self.done // self.total if self.total else WIDTH
        bar = "#" * filled + "·" * (WIDTH - filled)
        elapsed = self.clock() - self.started
        text = f"[{bar}] {self.done}/{self.total} {self.noun}"
        if self.done > self.already and elapsed > 0:
            rate = (self.done - self.already) / elapsed
            text += f"  {rate:.1f}/s"
            if self.done < self.total:
                text += f"  about {duration((self.total - self.done) / rate)} left"
            else:
                text += f"  in {duration(elapsed)}"
        return text

    def draw(self) -> None:
        self.stream.write("\r\x1b[K" + self.line())
        self.stream.flush()
        self.shown = True

    def wipe(self) -> None:
        """Erase the bar, so that another line can be written where it was."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False

    def advance(self, done: int | None = None) -> None:
        self.done = self.done + 1 if done is None else done
        self.draw()

    def finish(self) -> None:
        self.draw()
        self.stream.write("\n")
        self.stream.flush()
        self.shown = False


class Raw:
    """A Django command's OutputWrapper written to as is: no line ending added, no error colouring."""

    def __init__(self, wrapper) -> None:
        self.wrapper = wrapper

    def write(self, text: str) -> None:
        self.wrapper.write(text, style_func=str, ending="")

    def flush(self) -> None:
        self.wrapper.flush()
