"""Pictures for review: the contact sheet (each exercise's held pose with its name) and a strip
of each exercise's key poses. Made from frames already rendered for the videos."""

from __future__ import annotations

import io
import textwrap

import numpy as np
from matplotlib import font_manager
from numpy.typing import NDArray
from PIL import Image, ImageDraw, ImageFont

from bot.drawing.camera import HEIGHT, WIDTH

INK = (40, 52, 64)
PAPER = (255, 255, 255)
COLUMNS = 3
TITLE = 46  # pixels above each picture for its name


def _font(size: int) -> ImageFont.FreeTypeFont:
    # matplotlib (a dependency already) ships DejaVu Sans: the same glyphs on every machine.
    return ImageFont.truetype(font_manager.findfont("DejaVu Sans"), size)


def _png(image: Image.Image) -> bytes:
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def contact_sheet(held: list[tuple[str, NDArray[np.uint8]]]) -> bytes:
    """The held pose of each exercise under its name, in a grid."""
    rows = (len(held) + COLUMNS - 1) // COLUMNS
    sheet = Image.new("RGB", (WIDTH * COLUMNS, (HEIGHT + TITLE) * rows), PAPER)
    draw = ImageDraw.Draw(sheet)
    font = _font(15)
    for index, (name, frame) in enumerate(held):
        x, y = (index % COLUMNS) * WIDTH, (index // COLUMNS) * (HEIGHT + TITLE)
        draw.multiline_text((x + 10, y + 4), textwrap.fill(name, 52), fill=INK, font=font)
        sheet.paste(Image.fromarray(frame), (x, y + TITLE))
    return _png(sheet)


def strip(name: str, keys: list[NDArray[np.uint8]]) -> bytes:
    """The key poses in order, numbered, under the exercise's name."""
    picture = Image.new("RGB", (WIDTH * len(keys), HEIGHT + TITLE), PAPER)
    draw = ImageDraw.Draw(picture)
    draw.text((10, 12), name, fill=INK, font=_font(17))
    for index, frame in enumerate(keys):
        picture.paste(Image.fromarray(frame), (index * WIDTH, TITLE))
        draw.text((index * WIDTH + 10, TITLE + 6), str(index + 1), fill=INK, font=_font(20))
    return _png(picture)
