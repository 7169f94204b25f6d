"""Text drawn into an exported frame: the caption band (date, milestone) and the map's names.

Pillow draws glyphs one after another, left to right. Arabic needs its letters joined
(each takes its initial, medial, final or isolated form) and its runs put in visual order;
Pillow does both only through libraqm, whose wheel build needs the system's FriBiDi at run
time (not installed by the project's own files: without it, Pillow silently draws Arabic
unjoined and backwards). So the text is shaped beforehand, always, with ``arabic-reshaper``
(the joined presentation forms) and ``python-bidi`` (the Unicode bidirectional algorithm),
and drawn with Pillow's basic layout: the same pixels on every machine.

The font is DejaVu Sans, shipped in the package (``render/fonts/``, with its licence): it
has Latin and Arabic glyphs, presentation forms included, so a fresh machine needs no
system font.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Final

import arabic_reshaper
from bidi import get_display
from PIL import Image, ImageDraw, ImageFont

from corridors.render.styles import RGBA

#: The font file, in the package.
FONT: Final = ("fonts", "DejaVuSans.ttf")
#: The caption band's colours: a light band with a rule on top, dark text, grey title.
BAND_FILL: Final[RGBA] = (250, 249, 246, 255)
BAND_RULE: Final[RGBA] = (120, 120, 120, 255)
TEXT_COLOR: Final[RGBA] = (25, 25, 25, 255)
TITLE_COLOR: Final[RGBA] = (95, 95, 95, 255)
ELLIPSIS: Final = "…"
#: python-bidi's paragraph direction for each ``rtl`` (``None``: found from the text).
_BASE: Final[dict[bool | None, str | None]] = {True: "R", False: "L", None: None}


@dataclass(frozen=True, slots=True)
class Caption:
    """What the band says: the playhead's date, a line under it, and the atlas's name."""

    date: str
    detail: str = ""
    title: str = ""
    rtl: bool = False


@lru_cache(maxsize=32)
def font(size: int) -> ImageFont.FreeTypeFont:
    """The caption font at ``size`` pixels, laid out glyph by glyph (text is pre-shaped)."""
    data = resources.files("corridors.render").joinpath(*FONT).read_bytes()
    return ImageFont.truetype(io.BytesIO(data), max(size, 1), layout_engine=ImageFont.Layout.BASIC)


def visual(text: str, *, rtl: bool | None) -> str:
    """``text`` as Pillow must draw it, left to right: Arabic joined, runs in visual order.

    ``rtl``: the paragraph's direction (``None``: that of its first letter with one).

    The bidirectional controls (the isolates round a translated string's values) are
    dropped once they have been applied: the font has no glyph for them.
    """
    ordered = get_display(arabic_reshaper.reshape(text), base_dir=_BASE[rtl])
    return "".join(char for char in ordered if unicodedata.category(char) != "Cf")


def fitted(text: str, size: int, width: float, *, rtl: bool) -> str:
    """``text`` in visual order, cut with an ellipsis (at its logical end) to ``width`` pixels."""
    shown = visual(text, rtl=rtl)
    cut = text
    while cut and font(size).getlength(shown) > width:
        cut = cut[:-1].rstrip()
        shown = visual(cut + ELLIPSIS, rtl=rtl)
    return shown


def draw_caption(image: Image.Image, caption: Caption, *, top: int, scale: float) -> None:
    """The band from ``top`` to the bottom of ``image``: the date large, then the detail.

    Written from the right in a right-to-left language, from the left otherwise; the
    atlas's name on the other side.
    """
    draw = ImageDraw.Draw(image)
    width, height = image.size
    draw.rectangle((0, top, width, height), fill=BAND_FILL)
    draw.line((0, top, width, top), fill=BAND_RULE, width=max(1, round(scale)))
    band = height - top
    margin = round(band * 0.3)
    big, small = round(band * 0.36), round(band * 0.22)
    title_room = font(small).getlength(visual(caption.title, rtl=caption.rtl)) + margin
    room = width - 2 * margin - title_room
    lines = ((caption.date, big, TEXT_COLOR), (caption.detail, small, TEXT_COLOR))
    y = top + round(band * 0.12)
    for text, size, color in lines:
        shown = fitted(text, size, room, rtl=caption.rtl)
        x = width - margin - font(size).getlength(shown) if caption.rtl else margin
        draw.text((x, y), shown, font=font(size), fill=color)
        y += round(size * 1.3)
    _draw_title(draw, caption, size=small, margin=margin, bottom=height - margin // 2)


def _draw_title(
    draw: ImageDraw.ImageDraw, caption: Caption, *, size: int, margin: int, bottom: int
) -> None:
    """The atlas's name at the band's far corner (left in a right-to-left language)."""
    shown = visual(caption.title, rtl=caption.rtl)
    width = draw.im.size[0]
    x = margin if caption.rtl else width - margin - font(size).getlength(shown)
    draw.text((x, bottom), shown, font=font(size), fill=TITLE_COLOR, anchor="ls")


def text_box(
    text: str, size: int, at: tuple[float, float], *, anchor: str
) -> tuple[float, float, float, float]:
    """The box ``text`` (already visual) covers when drawn at ``at`` with ``anchor``."""
    left, top, right, bottom = font(size).getbbox(text, anchor=anchor)
    return (at[0] + left, at[1] + top, at[0] + right, at[1] + bottom)
