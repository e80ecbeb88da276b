"""The /progress chart: warm-ups per day and pain before/after, as a PNG made in memory.
Imported only when a chart is drawn (`bot/chat/progress.py`): matplotlib is slow to import.

Uses matplotlib's object API on the Agg backend: no pyplot global state, no display, safe to
run in a worker thread while the event loop carries on.
"""

from __future__ import annotations

import io

from babel.dates import format_skeleton
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot.coaching.progress import Day
from bot.content import ProgressTexts

# Wide enough for six weeks of bars, and legible on a phone once Telegram scales it down.
SIZE_INCHES = (8, 4.5)
DPI = 120
BAR = "#4C8BF5"
BEFORE = "#E8710A"
AFTER = "#188038"


# Phone-width legibility: Telegram shows the picture about 360 points wide.
FONT_SIZE = 13


def render(days: list[Day], words: ProgressTexts, locale: str = "en") -> bytes:
    """A PNG of the given days (see `draw`)."""
    buffer = io.BytesIO()
    draw(days, words, locale).savefig(buffer, format="png")
    return buffer.getvalue()


def draw(days: list[Day], words: ProgressTexts, locale: str = "en") -> Figure:
    """The chart: pain above, warm-ups below, each panel with its own axis; dates as the
    language writes a day and month (`Nov 3`, `3 нояб.`), from CLDR.

    Before and after differ by marker shape (hollow circle, filled square) as well as colour,
    so they read apart in grey and for colour-blind eyes.
    """
    figure = Figure(figsize=SIZE_INCHES, dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    pain_axis, sessions_axis = figure.subplots(
        2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 2]}
    )
    _pain(pain_axis, days, words)
    _sessions(sessions_axis, days, words)
    ticks = list(range(0, len(days), 7))
    dates = [format_skeleton("MMMd", days[i].day, locale=locale) for i in ticks]
    sessions_axis.set_xticks(ticks, dates)
    for axis in (pain_axis, sessions_axis):
        axis.tick_params(labelsize=FONT_SIZE)
        axis.spines[["top", "right"]].set_visible(False)
    return figure


def _pain(axis: Axes, days: list[Day], words: ProgressTexts) -> None:
    # After first, so an unchanged day shows the hollow "before" ring around the square.
    for label, color, marker, filled, values in (
        (words.chart_after, AFTER, "s", AFTER, [d.pain_after for d in days]),
        (words.chart_before, BEFORE, "o", "none", [d.pain_before for d in days]),
    ):
        points = [(i, v) for i, v in enumerate(values) if v is not None]
        if points:
            axis.plot(
                *zip(*points, strict=True),
                marker,
                color=color,
                markerfacecolor=filled,
                markeredgewidth=2,
                ms=8 if marker == "s" else 12,
                label=label,
            )
    axis.set_ylim(-0.5, 10.5)
    axis.set_yticks([0, 5, 10])
    axis.set_ylabel(words.chart_pain, fontsize=FONT_SIZE)
    if axis.get_legend_handles_labels()[0]:
        handles, labels = axis.get_legend_handles_labels()
        axis.legend(
            handles[::-1],
            labels[::-1],
            loc="upper left",
            frameon=False,
            fontsize=FONT_SIZE,
            ncols=2,
        )


def _sessions(axis: Axes, days: list[Day], words: ProgressTexts) -> None:
    axis.bar(range(len(days)), [d.sessions for d in days], color=BAR, width=0.8)
    axis.set_ylabel(words.chart_sessions, fontsize=FONT_SIZE)
    axis.set_ylim(0, max(2, *(d.sessions for d in days)) + 0.3)
    axis.yaxis.set_major_locator(MaxNLocator(integer=True))
