"""Measured text for the slides: wrapping and heights from a real font's metrics (PIL), not estimates.

The font is DejaVu Sans as bundled with matplotlib (installed with the package on any machine); the
slides name it, and the fonts a viewer falls back to (Calibri, Arial, Liberation Sans) are narrower, so
a text that fits as measured fits as shown.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

FONT_NAME = "DejaVu Sans"
#: Line height in font sizes: PowerPoint's single spacing (1.2) or the font's own ascent + descent if taller.
LINE_SPACING = 1.2
_UNIT = 100  # fonts are loaded at this pixel size and scaled: widths in points are linear in the size


@functools.lru_cache(maxsize=2)
def _font(bold: bool) -> Any:
    import matplotlib
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name), _UNIT,
                              layout_engine=ImageFont.Layout.BASIC)


@functools.lru_cache(maxsize=65_536)
def _width(text: str, bold: bool) -> float:
    return float(_font(bold).getlength(text))


def text_width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    """The width in points of ``text`` on one line at ``size_pt``: its words' widths (each measured
    once) and its spaces'; the words of a table repeat, so a table costs few measurements."""
    words = text.split(" ")
    return (sum(_width(w, bold) for w in words if w) + (len(words) - 1) * _width(" ", bold)) * size_pt / _UNIT


def line_height_pt(size_pt: float, bold: bool = False) -> float:
    """The height of one line of text at ``size_pt``, in points."""
    ascent, descent = _font(bold).getmetrics()
    return max(LINE_SPACING, (ascent + descent) / _UNIT) * size_pt


def wrap(text: str, width_pt: float, size_pt: float, bold: bool = False) -> list[str]:
    """``text`` broken into the lines a text box ``width_pt`` wide shows: at spaces, each paragraph
    (``\\n``) on a new line, a word wider than the box broken between characters.

    >>> wrap("Drone debris near the border", 80, 12)
    ['Drone debris', 'near the', 'border']
    """
    width_pt *= 0.98  # a little room for a viewer's own kerning and rounding
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            candidate = f"{line} {word}" if line else word
            if text_width_pt(candidate, size_pt, bold) <= width_pt:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for ch in word:  # the word alone: whole if it fits, else in pieces as wide as the box
                if line and text_width_pt(line + ch, size_pt, bold) > width_pt:
                    lines.append(line)
                    line = ""
                line += ch
        lines.append(line)
    return lines


def fit_lines(text: str, width_pt: float, size_pt: float, max_lines: int, bold: bool = False) -> tuple[str, int]:
    """``text`` cut to at most ``max_lines`` wrapped lines (the last ending in an ellipsis when cut),
    and how many lines it takes."""
    lines = wrap(text, width_pt, size_pt, bold)
    if len(lines) <= max_lines:
        return text, len(lines)
    kept = lines[:max(1, max_lines)]
    last = kept[-1]
    while last and text_width_pt(last + " \u2026", size_pt, bold) > width_pt:  # a whole word goes, if any
        last = last.rsplit(" ", 1)[0] if " " in last.strip() else last[:-1]
    kept[-1] = f"{last.rstrip()} \u2026"
    return "\n".join(kept), len(kept)
