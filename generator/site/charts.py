"""Charts for the data pages: their geometry and SVG here, the figure around them in
templates/site/data/charts.html.j2.

Charts are SVG written at build time: they need no JavaScript, stay sharp on a cheap phone and
on paper, weigh a few hundred bytes, and come out the same on every build. A plotting library
(matplotlib, pygal) would add megabytes of dependencies, draw its own fonts and styles, and embed
ids or timestamps; these few functions write plain markup that the site's stylesheet colours and
that screen readers can read (a title, a one-line reading, and the table of figures behind a
disclosure). The SVG is written here rather than in a Jinja loop because every club page has
two charts: drawn in Jinja they doubled the time of a page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, NamedTuple, Sequence

from markupsafe import Markup, escape

# The viewBox: narrow, so that its 14-unit labels still read at 11 px on a 360 px phone (the
# stylesheet caps the width on a desktop).
WIDTH, HEIGHT = 420, 220
LEFT, RIGHT, TOP, BOTTOM = 48, 6, 14, 28  # margins for the axis labels
LABELS = 8  # at most this many labels under the axis


class Mark(NamedTuple):
    """A label along an axis, or a target line across the plot."""

    at: float
    text: str


@dataclass
class ColumnChart:
    """Columns by label (usually a year), one per series side by side."""

    title: str
    reading: str  # the one line that says what the chart shows
    names: list[str]  # of the series, for the legend and the table
    labels: Sequence[str]
    series: Sequence[Sequence[int | float | None]]
    fmt: Callable[[float], str]
    target: tuple[float, str] | None = None
    width: int = WIDTH
    height: int = HEIGHT
    plot_left: int = LEFT
    plot_right: int = WIDTH - RIGHT
    baseline: int = HEIGHT - BOTTOM

    @property
    def rows(self) -> list[tuple[str, list[str]]]:
        """The table of figures."""
        return [(label, ["–" if vs[i] is None else self.fmt(vs[i]) for vs in self.series])
                for i, label in enumerate(self.labels)]

    def scale(self) -> tuple[int, float]:
        """The step between axis lines and the top of the axis."""
        highest = max([v for vs in self.series for v in vs if v is not None]
                      + [self.target[0] if self.target else 0, 1])
        step = nice_step(highest / 4)
        return step, step * math.ceil(highest / step)

    def svg(self, title_id: str) -> Markup:
        step, top = self.scale()
        base, left, right = self.baseline, self.plot_left, self.plot_right
        per_unit = (base - TOP) / top
        slot = (right - left) / max(1, len(self.labels))
        width = slot * 0.8 / len(self.series)
        out = [f'<svg viewBox="0 0 {self.width} {self.height}" role="img" '
               f'aria-labelledby="{title_id}"><title id="{title_id}">'
               f'{escape(self.title)}: {escape(self.reading)}</title>']
        # Whole units: a tenth of a unit is invisible at this size, and ints format faster.
        for k in range(round(top / step) + 1):
            y = round(base - k * step * per_unit)
            out.append(f'<line class="ishc-grid" x1="{left}" x2="{right}" y1="{y}" y2="{y}"/>'
                       f'<text class="ishc-tick" x="{left - 6}" y="{y + 4}" '
                       f'text-anchor="end">{escape(self.fmt(k * step))}</text>')
        every = math.ceil(len(self.labels) / LABELS)
        for i, label in enumerate(self.labels):
            x = left + slot * (i + 0.1)
            for s, values in enumerate(self.series):
                value = values[i]
                if value is not None:
                    height = round(value * per_unit)
                    out.append(f'<rect class="ishc-s{s}" x="{round(x + s * width)}" '
                               f'y="{base - height}" width="{round(width)}" height="{height}"/>')
            if (len(self.labels) - 1 - i) % every == 0:  # counted back from the last, always shown
                out.append(f'<text class="ishc-tick" x="{round(x + slot * 0.4)}" y="{base + 18}" '
                           f'text-anchor="middle">{escape(label)}</text>')
        if self.target:
            y = round(base - self.target[0] * per_unit)
            out.append(f'<line class="ishc-target" x1="{left}" x2="{right}" y1="{y}" y2="{y}"/>'
                       f'<text class="ishc-target-text" x="{right}" y="{y - 5}" '
                       f'text-anchor="end">{escape(self.target[1])}</text>')
        out.append("</svg>")
        return Markup("\n".join(out))


def column_chart(title: str, reading: str, labels: Sequence[str],
                 series: Sequence[tuple[str, Sequence[int | float | None]]],
                 fmt: Callable[[float], str], target: tuple[float, str] | None = None) -> ColumnChart:
    """Columns by label (usually a year), one per series side by side; None draws no column."""
    return ColumnChart(title, reading, [name for name, _ in series], labels,
                       [values for _, values in series], fmt, target)


def nice_step(value: float) -> int:
    """The round whole number at or above value for the step between axis lines: 1, 2 or 5 × 10^n."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return int(step * power)
    return int(10 * power)


@dataclass(frozen=True)
class Part:
    name: str
    count: int
    share: float  # of the whole, 0-100
    css: str  # the stylesheet's class for its colour


@dataclass
class ShareBar:
    """One bar split into parts (the ratings of the clubs), with a target mark."""

    title: str
    reading: str
    parts: list[Part]
    target: Mark | None = None  # at a share (0-100) of the bar


def share_bar(title: str, reading: str, parts: Sequence[tuple[str, int, str]],
              target: tuple[float, str] | None = None) -> ShareBar:
    total = sum(count for _, count, _ in parts) or 1
    return ShareBar(title, reading, [Part(name, count, round(100 * count / total, 1), css)
                                     for name, count, css in parts],
                    Mark(target[0], target[1]) if target else None)
