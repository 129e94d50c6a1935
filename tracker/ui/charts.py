"""The overview's two charts, drawn with matplotlib in a Qt widget (never pyplot).

``UpcomingChart``: the next 12 months as bars stacked per plan, the current month shaded and
what is past due as a separate bar on the left (red: overdue; amber: still in its grace days);
hovering a bar shows that month's breakdown per plan.
``BalanceChart``: the balance still owed at each month end, stacked per plan; what is past due
is a flat band of its own at the bottom (overdue red, grace amber), owed until paid.
Each chart has two legends: the statuses (and "this month") above, the plans below.

matplotlib is imported only when a chart is first drawn (it costs ~0.3-0.9 s), and a chart
draws only while shown, so the app opens without waiting for it. Texts and colours come from
``chart_style`` (translated ``ChartText``; colours from the widget's light or dark palette).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, QTimer
from PySide6.QtGui import QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from tracker.domain.money import currency as currency_of

from . import fmt
from .chart_style import PLAN_COLOURS, Colours, chart_text, colours_for, money_axis
from .fonts import setup_matplotlib

if TYPE_CHECKING:  # the series load with the charts' first drawing, after the data paints
    from tracker.reports.series import BalanceSeries, MonthSeries

__all__ = ["PLAN_COLOURS", "BalanceChart", "UpcomingChart"]


def _safe_canvas_class(base: Any) -> Any:
    """FigureCanvasQTAgg whose idle draw (after a resize) goes with the canvas: the base
    class posts it with a plain ``QTimer.singleShot``, which still fires when the canvas was
    deleted in between (the screen collected), and crashes. Here a timer owned by the canvas
    posts it."""

    class Canvas(base):  # type: ignore[misc, valid-type]
        def draw_idle(self) -> None:
            if getattr(self, "_draw_pending", False) or getattr(self, "_is_drawing", False):
                return
            timer = getattr(self, "_idle_timer", None)
            if timer is None:
                timer = self._idle_timer = QTimer(self)
                timer.setSingleShot(True)
                timer.setInterval(0)
                timer.timeout.connect(self._draw_idle)
            self._draw_pending = True
            timer.start()

    return Canvas


def _layout_key(fig: Any) -> tuple[object, ...]:
    """What constrained layout depends on: the figure's size, its axes (new ones start at the
    default position), their tick and axis labels and the legends' texts. Everything else
    drawn (bars, areas, lines, the hover annotation) is inside the axes or left out of it."""
    key: list[object] = [tuple(fig.get_size_inches()), fig.dpi]
    for ax in fig.axes:
        key.append(id(ax))
        for axis in (ax.xaxis, ax.yaxis):
            ticks = axis.get_major_locator()()
            key.append(tuple(axis.get_major_formatter().format_ticks(ticks)))
            key.append(axis.label.get_text())
    for legend in fig.legends:
        key.append(tuple(t.get_text() for t in legend.get_texts()))
    return tuple(key)


def _cached_constrained_layout() -> Any:
    """Constrained layout that runs again only when ``_layout_key`` changed: a redraw with new
    amounts but the same labels keeps the same layout (~15-35 ms a draw saved)."""
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    class CachedConstrainedLayout(ConstrainedLayoutEngine):
        def __init__(self) -> None:
            super().__init__()
            self._key: tuple[object, ...] | None = None

        def execute(self, fig: Any) -> Any:
            key = _layout_key(fig)
            if key == self._key:
                return None
            result = super().execute(fig)
            self._key = _layout_key(fig)  # the tick labels after the axes moved
            return result

    return CachedConstrainedLayout()


def _round_locator() -> Any:
    """The default y tick locator, but the axis limits it gives end on ticks (matplotlib's
    ``axes.autolimit_mode = round_numbers`` for this axis only): a redraw after a small
    change keeps the same limits, so only the data is drawn again (``_Chart._blit``)."""
    from matplotlib.ticker import AutoLocator

    class RoundLocator(AutoLocator):
        def view_limits(self, vmin: Any, vmax: Any) -> Any:
            vmin, vmax = super().view_limits(vmin, vmax)  # made non-singular
            ticks = self._raw_ticks(vmin, vmax)
            return ticks[0], ticks[-1]

    return RoundLocator()


class _Chart(QWidget):
    """A lazily created FigureCanvasQTAgg that redraws when shown or when its data changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure: Any = None
        self.canvas: Any = None
        self.text = chart_text()
        self.currency = "CNY"
        self.plan_colours: dict[int, str] = {}
        self._dirty = True
        self._pending = False
        self._drawn_colours: Colours | None = None
        self._shape: object = None  # what the artists drawn show, but for the amounts
        self._background: Any = None  # the last full draw without the data (see redraw)
        self._plan_labels: list[str] = []  # the plans legend's names, and its columns
        self._plan_cols = 0
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setMinimumSize(280, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        setup_matplotlib()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(5, 3), dpi=100, layout=_cached_constrained_layout())
        self.canvas = _safe_canvas_class(FigureCanvasQTAgg)(self.figure)
        self.canvas.setMinimumSize(200, 160)
        self._layout.addWidget(self.canvas)
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.canvas.mpl_connect("draw_event", self._on_draw)

    def sizeHint(self) -> QSize:
        """The same before and after the canvas exists, so splitters lay out the same."""
        return QSize(480, 250)

    def _changed(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.redraw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.update()  # draw after this widget's first paint (below)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._dirty and not self._pending:
            # after the window has painted (cards and lists first), so opening it never waits
            # for matplotlib: the canvas is built in the next event-loop turn
            self._pending = True
            QTimer.singleShot(0, self, self._redraw_if_dirty)  # cancelled if self goes

    def _redraw_if_dirty(self) -> None:
        self._pending = False
        if self._dirty and self.isVisible():
            self.redraw()

    @property
    def drawn(self) -> bool:
        """Whether the figure shows the current data."""
        return self.canvas is not None and not self._dirty

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._changed()

    def redraw(self) -> None:
        """Draw the current data now (imports matplotlib the first time). With the same
        colours and the same plans as drawn before, only the amounts change in place: no new
        figure, axes or legend."""
        self._ensure_canvas()
        colours = colours_for(self, self.plan_colours)
        before = self._limits()
        if colours == self._drawn_colours and self._update():
            if self._blit(before):
                self._dirty = False
                return
        else:
            self._rebuild(colours)
            for artist in self._moving():
                artist.set_animated(True)  # drawn over the background (_on_draw, _blit)
        self.canvas.draw()
        self._dirty = False

    # A redraw after a change of amounts only (a payment) used to render the whole figure,
    # and most of that is text: tick labels, the legend. Now a full draw keeps a copy of the
    # figure without its data artists (bars, areas, lines, marked animated), and when the axes
    # stay as they were only those are drawn again over that copy (matplotlib's blitting).
    # The y-axis ends on a tick (``_round_locator``), so a small payment rarely changes its
    # limits; when they do change, it is a full draw.

    def _moving(self) -> list[Any]:
        """The artists that show data (and the hover note), in drawing order: everything in
        the axes drawn at zorder 2 or above, but the axis lines, ticks, labels and legend."""
        from matplotlib.axis import Axis
        from matplotlib.legend import Legend
        from matplotlib.spines import Spine

        found: list[Any] = []
        for ax in self.figure.axes:
            fixed = (ax.patch, ax.title, ax._left_title, ax._right_title)
            found += [
                a
                for a in ax.get_children()
                if not isinstance(a, Axis | Spine | Legend)
                and all(a is not f for f in fixed)
                and a.get_zorder() >= 2
            ]
        return sorted(found, key=lambda a: a.get_zorder())

    def _limits(self) -> Any:
        axes = self.figure.axes if self.figure is not None else []
        return [(ax.get_xlim(), ax.get_ylim()) for ax in axes]

    def _blit(self, before: Any) -> bool:
        """Draw only the data over the background of the last full draw; False when the axes
        changed (a full draw is needed)."""
        background, bounds = self._background or (None, None)
        if background is None or bounds != self.figure.bbox.bounds:
            return False  # none yet, or the canvas was resized since: draw afresh
        if len(before) != len(self.figure.axes):
            return False
        for ax, (xlim, (low, high)) in zip(self.figure.axes, before, strict=True):
            new_low, new_high = ax.get_ylim()
            if ax.get_xlim() != xlim or (new_low, new_high) != (low, high):
                return False
        self.canvas.restore_region(background)
        for artist in self._moving():
            self.figure.draw_artist(artist)
        self.canvas.blit(self.figure.bbox)
        return True

    def _on_draw(self, _event: Any) -> None:
        """After every full draw (a change of shape, a resize, a hover note): keep the
        background, then draw the data artists over it."""
        bbox = self.figure.bbox
        self._background = (self.canvas.copy_from_bbox(bbox), bbox.bounds)
        for artist in self._moving():
            self.figure.draw_artist(artist)

    def _rebuild(self, colours: Colours) -> None:
        self.figure.clear()
        self.figure.set_facecolor(colours.background)
        ax = self.figure.add_subplot()
        ax.yaxis.set_major_locator(_round_locator())
        ax.set_facecolor(colours.background)
        for spine in ("top", "right"):
            ax.spines[spine].set_visible(False)
        for spine in ("left", "bottom"):
            ax.spines[spine].set_color(colours.muted)
        ax.tick_params(colors=colours.text, labelsize=8)
        ax.yaxis.grid(True, color=colours.grid, linewidth=0.6)
        ax.set_axisbelow(True)
        self._draw(ax, colours)
        self._drawn_colours = colours

    def _update(self) -> bool:
        """Show the current data in the artists drawn before, if it has the same shape (the
        same plans, months, currency); False: it has not, draw afresh."""
        return False

    def _draw(self, ax: Any, colours: Colours) -> None:
        raise NotImplementedError

    def _on_motion(self, event: Any) -> None:
        """Mouse moved over the canvas (charts that show details override this)."""

    def _legend(self, colours: Colours) -> None:
        """Two legends: what the colours of a status mean (overdue, grace, this month) at the
        top right, the plans below the chart, so a plan is never read as a status."""
        handles, labels = [], []
        for ax in self.figure.axes:
            h, lab = ax.get_legend_handles_labels()
            handles += h
            labels += lab
        statuses = {self.text.overdue, self.text.grace, self.text.this_month}
        groups = (
            ([(h, t) for h, t in zip(handles, labels, strict=True) if t in statuses], "upper"),
            ([(h, t) for h, t in zip(handles, labels, strict=True) if t not in statuses], "lower"),
        )
        for pairs, where in groups:
            if not pairs:
                continue
            legend = self.figure.legend(
                [h for h, _ in pairs],
                [t for _, t in pairs],
                loc=f"outside {where} center",
                ncols=len(pairs) if where == "upper" else self._plan_columns([t for _, t in pairs]),
                fontsize=8,
                frameon=False,
            )
            for t in legend.get_texts():
                t.set_color(colours.text)
            if where == "lower":
                self._plan_labels = [t for _, t in pairs]
                self._plan_cols = self._plan_columns(self._plan_labels)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Narrower or wider: the plans legend takes as many columns as its names fit."""
        super().resizeEvent(event)
        labels = self._plan_labels
        if labels and self._plan_columns(labels) != self._plan_cols:
            self._drawn_colours = None  # a full rebuild, legend included
            self._changed()

    def _plan_columns(self, labels: list[str]) -> int:
        """Columns of the plans legend: up to three, fewer when the widest name would not fit
        the chart's width (a name is never cut: at 1,024 px the balance chart is narrow)."""
        width = self.width()  # the widget's laid-out width (the figure follows it later)

        def text_px(label: str) -> float:  # 8 pt: CJK about 11 px, other characters about 6
            return sum(11.0 if ord(ch) >= 0x2E80 else 6.0 for ch in label)

        cell = max(text_px(t) for t in labels) + 34  # the colour key and the gap
        return max(1, min(3, len(labels), int(width // cell)))

    def legend_texts(self) -> list[list[str]]:
        """The texts of each legend: statuses first, then plans."""
        if self.figure is None:
            return []
        return [[t.get_text() for t in legend.get_texts()] for legend in self.figure.legends]

    def _nothing(self, ax: Any, colours: Colours) -> None:
        ax.text(
            0.5,
            0.5,
            self.text.nothing,
            transform=ax.transAxes,
            ha="center",
            va="center",
            color=colours.muted,
        )
        ax.set_xticks([])
        ax.set_yticks([])


class UpcomingChart(_Chart):
    """Next 12 months stacked per plan, overdue apart, hover shows a month's breakdown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: MonthSeries | None = None
        self.ax: Any = None
        self.annotation: Any = None
        self._offset = 0
        self._heights: list[int] = []
        self._bars: list[Any] = []  # the bar set of each plan, then the late and grace bars
        self._null_limits: Any = None

    def _shape_of(self, series: MonthSeries | None) -> object:
        if series is None or not series.plans:
            return None
        late = series.overdue - series.grace
        plans = tuple((p.plan_id, p.name) for p in series.plans)
        return (series.months, plans, bool(late), bool(series.grace), self.currency)

    def _update(self) -> bool:
        series = self.series
        shape = self._shape_of(series)
        if shape is None or shape != self._shape or series is None:
            return False
        scale = currency_of(self.currency).scale
        bottoms = [0.0] * len(series.months)
        for bars, plan in zip(self._bars, series.plans, strict=False):
            values = [a / scale for a in plan.amounts]
            for rect, value, bottom in zip(bars, values, bottoms, strict=True):
                rect.set_y(bottom)
                rect.set_height(value)
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        late = series.overdue - series.grace
        extra = self._bars[len(series.plans) :]
        if late:
            extra.pop(0)[0].set_height(late / scale)
        if series.grace:
            extra[0][0].set_y(late / scale)
            extra[0][0].set_height(series.grace / scale)
        self._heights = list(series.totals)
        if series.overdue:
            self._heights = [series.overdue, *self._heights]
        # the data limits as ``relim`` finds them (~20 ms over ~100 bars): the bars' corners
        # (the month shading and the dotted line only count along x, which is fixed)
        corners = [
            (x, y)
            for bars in self._bars
            for rect in bars
            for x in (rect.get_x(), rect.get_x() + rect.get_width())
            for y in (rect.get_y(), rect.get_y() + rect.get_height())
        ]
        self.ax.dataLim.set_points(self._null_limits)
        self.ax.ignore_existing_data_limits = True
        self.ax.update_datalim(corners)
        self.ax.autoscale_view()
        return True

    def set_series(
        self, series: MonthSeries, currency: str, plan_colours: dict[int, str] | None = None
    ) -> None:
        """Show a series (amounts in ``currency``); draws now if visible, else when shown."""
        self.series = series
        self.currency = currency
        self.plan_colours = dict(plan_colours or {})
        self._changed()

    def month_label(self, index: int, with_year: bool = False) -> str:
        """ "Nov" or "Nov 2026" for the month at ``index``."""
        assert self.series is not None
        month = self.series.months[index]
        name = self.text.months[month.month - 1]
        if not with_year:
            return name
        return self.text.month_year.replace("%1", name).replace("%2", str(month.year))

    def _draw(self, ax: Any, colours: Colours) -> None:
        self.ax = ax
        series = self.series
        self._shape = self._shape_of(series)
        self._bars = []
        if series is None or (not series.plans):
            self._heights = []
            self._nothing(ax, colours)
            return
        scale = currency_of(self.currency).scale
        n = len(series.months)
        self._offset = 1 if series.overdue else 0
        xs = [self._offset + i for i in range(n)]
        # a faint band with dotted edges: in the dark theme a filled span read as one more bar
        ax.axvspan(
            self._offset - 0.5,
            self._offset + 0.5,
            facecolor=colours.highlight,
            edgecolor=colours.muted,
            linestyle=":",
            linewidth=0.8,
            zorder=0,
            label=self.text.this_month,
        )
        bottoms = [0.0] * n
        for index, plan in enumerate(series.plans):
            values = [a / scale for a in plan.amounts]
            bars = ax.bar(
                xs,
                values,
                0.7,
                bottom=bottoms,
                color=colours.plan(plan.plan_id, index),
                label=plan.name,
                zorder=2,
            )
            self._bars.append(bars)
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        self._heights = list(series.totals)
        from matplotlib.transforms import Bbox

        self._null_limits = Bbox.null().get_points()
        late = series.overdue - series.grace
        if late:
            bars = ax.bar(
                [0],
                [late / scale],
                0.7,
                color=colours.overdue,
                hatch="//",
                edgecolor=colours.background,
                label=self.text.overdue,
                zorder=2,
            )
            self._bars.append(bars)
        if series.grace:
            bars = ax.bar(
                [0],
                [series.grace / scale],
                0.7,
                bottom=[late / scale],
                color=colours.grace,
                hatch="..",
                edgecolor=colours.background,
                label=self.text.grace,
                zorder=2,
            )
            self._bars.append(bars)
        if series.overdue:
            ax.axvline(0.5, color=colours.muted, linewidth=0.8, linestyle=":")
            self._heights = [series.overdue, *self._heights]
        labels = [self.month_label(i) for i in range(n)]
        for i, month in enumerate(series.months):
            if i == 0 or month.month == 1:
                labels[i] += f"\n{month.year}"
        if series.overdue:
            ax.set_xticks([0, *xs], [self.text.overdue if late else self.text.past_due, *labels])
            ax.get_xticklabels()[0].set_color(colours.overdue if late else colours.grace_text)
        else:
            ax.set_xticks(xs, labels)
        ax.get_xticklabels()[self._offset].set_color(colours.accent)
        ax.set_xlim(-0.6, self._offset + n - 0.4)
        ax.yaxis.set_major_formatter(lambda v, _pos: money_axis(v, self.currency))
        ax.set_ylabel(self.text.amount_axis, color=colours.text, fontsize=9)
        self.annotation = ax.annotate(
            "",
            xy=(0, 0),
            xytext=(12, 12),
            textcoords="offset points",
            fontsize=8,
            color=colours.text,
            bbox={"boxstyle": "round", "fc": colours.background, "ec": colours.muted},
            zorder=10,
            annotation_clip=False,
        )
        self.annotation.set_visible(False)
        self.annotation.set_in_layout(False)
        self._legend(colours)

    def hover_text(self, x: float) -> str | None:
        """The breakdown shown for data x (the bar under the mouse), or None between bars."""
        if self.series is None or not self._heights:
            return None
        index = round(x)
        if abs(x - index) > 0.4 or not 0 <= index < len(self._heights):
            return None
        if self.series.overdue and index == 0:
            return self._past_due_text()
        month = index - self._offset
        title = self.month_label(month, True)
        if month == 0:
            title += f" · {self.text.this_month}"
        from tracker.reports.series import month_breakdown

        rows = month_breakdown(self.series, month)
        if not rows:
            return None
        lines = [title]
        lines += [f"{name}: {fmt.money(amount, self.currency)}" for name, amount in rows]
        if len(rows) > 1:
            total = sum(a for _, a in rows)
            lines.append(f"{self.text.total}: {fmt.money(total, self.currency)}")
        return "\n".join(lines)

    def _past_due_text(self) -> str:
        assert self.series is not None
        lines = [self.text.past_due if self.series.grace else self.text.overdue]
        for p in self.series.plans:
            if p.late:
                lines.append(f"{p.name}: {fmt.money(p.late, self.currency)}")
            if p.grace:
                money = fmt.money(p.grace, self.currency)
                lines.append(f"{p.name}: {money} ({self.text.grace})")
        if len(lines) > 2:
            total = fmt.money(self.series.overdue, self.currency)
            lines.append(f"{self.text.total}: {total}")
        return "\n".join(lines)

    def _on_motion(self, event: Any) -> None:
        if self.annotation is None:
            return
        text = None
        if event.inaxes is self.ax and event.xdata is not None:
            text = self.hover_text(event.xdata)
        if text is None:
            if self.annotation.get_visible():
                self.annotation.set_visible(False)
                self.canvas.draw()  # now: an idle draw may outlive the widget
            return
        index = round(event.xdata)
        right = index > (len(self._heights) - 1) / 2
        low, high = self.ax.get_ylim()
        upper = event.ydata > (low + high) / 2
        self.annotation.xy = (index, event.ydata)
        self.annotation.set_position((-14 if right else 14, -8 if upper else 8))
        self.annotation.set_horizontalalignment("right" if right else "left")
        self.annotation.set_verticalalignment("top" if upper else "bottom")
        self.annotation.set_text(text)
        self.annotation.set_visible(True)
        self.canvas.draw()  # now: an idle draw may outlive the widget


class BalanceChart(_Chart):
    """The balance still owed at each month end, stacked per plan, until it reaches zero."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: BalanceSeries | None = None
        self._areas: list[Any] = []
        self._past = 0  # past-due layers under the plans' (overdue, grace)
        self._total: Any = None

    def _shape_of(self, series: BalanceSeries | None) -> object:
        if series is None or not series.plans:
            return None
        plans = tuple((p.plan_id, p.name) for p in series.plans)
        return (series.dates, plans, bool(series.late), bool(series.grace), self.currency)

    def _update(self) -> bool:
        series = self.series
        shape = self._shape_of(series)
        if shape is None or shape != self._shape or series is None:
            return False
        import numpy as np

        scale = currency_of(self.currency).scale
        xs = self._total.get_xdata()
        lower = np.zeros(len(xs))
        layers = [np.full(len(xs), v / scale) for v in (series.late, series.grace) if v]
        layers += [np.asarray(plan.values, dtype=float) / scale for plan in series.plans]
        for area, layer in zip(self._areas, layers, strict=True):
            upper = lower + layer
            area.set_data(xs, lower, upper)
            lower = upper
        self._total.set_ydata([t / scale for t in series.totals])
        # the limits as drawing afresh sets them: the data's, then the bottom fixed at zero
        ax = self._total.axes
        ax.relim()
        for area in self._areas:
            ax.update_datalim(area.get_datalim(ax.transData).get_points())
        ax.set_autoscaley_on(True)
        ax.autoscale_view(scalex=False)
        ax.set_ylim(bottom=0)
        return True

    def set_series(
        self, series: BalanceSeries, currency: str, plan_colours: dict[int, str] | None = None
    ) -> None:
        """Show a series (amounts in ``currency``); draws now if visible, else when shown."""
        self.series = series
        self.currency = currency
        self.plan_colours = dict(plan_colours or {})
        self._changed()

    def date_label(self, value: date) -> str:
        """ "Mar 2027" in the UI language."""
        name = self.text.months[value.month - 1]
        return self.text.month_year.replace("%1", name).replace("%2", str(value.year))

    def _draw(self, ax: Any, colours: Colours) -> None:
        series = self.series
        self._shape = self._shape_of(series)
        self._areas = []
        if series is None or not series.plans:
            self._nothing(ax, colours)
            return
        from matplotlib.dates import AutoDateLocator, date2num, num2date

        scale = currency_of(self.currency).scale
        xs = [date2num(d) for d in series.dates]
        # what is past due first, at the bottom and flat: owed until paid, never a cliff
        past = [
            (series.late, self.text.overdue, colours.overdue),
            (series.grace, self.text.grace, colours.grace),
        ]
        past = [(v, label, colour) for v, label, colour in past if v]
        stacks = [[v / scale] * len(xs) for v, _, _ in past]
        stacks += [[v / scale for v in p.values] for p in series.plans]
        self._past = len(past)
        self._areas = ax.stackplot(
            xs,
            stacks,
            labels=[label for _, label, _ in past] + [p.name for p in series.plans],
            colors=[colour for _, _, colour in past]
            + [colours.plan(p.plan_id, i) for i, p in enumerate(series.plans)],
            alpha=0.85,
            zorder=2,
        )
        for area in self._areas[: self._past]:
            area.set_hatch("//")
            area.set_edgecolor(colours.background)
        (self._total,) = ax.plot(
            xs,
            [t / scale for t in series.totals],
            color=colours.text,
            linewidth=1.2,
            label=self.text.total,
            zorder=3,
        )
        ax.axvline(xs[0], color=colours.muted, linewidth=0.8, linestyle=":")
        ax.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=7))
        ax.xaxis.set_major_formatter(lambda v, _pos: self.date_label(num2date(v).date()))
        ax.set_xlim(xs[0], xs[-1])
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_formatter(lambda v, _pos: money_axis(v, self.currency))
        ax.set_ylabel(self.text.balance_axis, color=colours.text, fontsize=9)
        self._legend(colours)
