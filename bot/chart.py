"""The /progress chart: warm-ups per day and pain before/after, as a PNG made in memory.

Uses matplotlib's object API on the Agg backend: no pyplot global state, no display, safe to
run in a worker thread while the event loop carries on.
"""

from __future__ import annotations

import io

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot.content import ProgressTexts
from bot.stats import Day

# Wide enough for six weeks of bars, and legible on a phone once Telegram scales it down.
SIZE_INCHES = (8, 4.5)
DPI = 120
BAR = "#4C8BF5"
BEFORE = "#E8710A"
AFTER = "#188038"


def render(days: list[Day], words: ProgressTexts) -> bytes:
    """A PNG of the given days."""
    figure = Figure(figsize=SIZE_INCHES, dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    sessions_axis = figure.add_subplot()
    x = range(len(days))
    sessions_axis.bar(x, [d.sessions for d in days], color=BAR, width=0.8)
    sessions_axis.set_ylabel(words.chart_sessions)
    sessions_axis.set_ylim(0, max(3, *(d.sessions for d in days)) + 0.5)
    sessions_axis.yaxis.set_major_locator(MaxNLocator(integer=True))

    pain_axis = sessions_axis.twinx()
    for label, color, values in (
        (words.chart_before, BEFORE, [d.pain_before for d in days]),
        (words.chart_after, AFTER, [d.pain_after for d in days]),
    ):
        points = [(i, v) for i, v in zip(x, values, strict=True) if v is not None]
        if points:
            pain_axis.plot(*zip(*points, strict=True), "o", color=color, label=label, ms=6)
    pain_axis.set_ylim(0, 10.5)
    pain_axis.set_ylabel(words.chart_pain)
    if pain_axis.get_legend_handles_labels()[0]:
        pain_axis.legend(loc="upper left", frameon=False)

    ticks = list(range(0, len(days), 7))
    sessions_axis.set_xticks(ticks, [days[i].day.strftime("%d %b") for i in ticks])
    sessions_axis.spines[["top"]].set_visible(False)
    pain_axis.spines[["top"]].set_visible(False)

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
