"""The plans legend under a chart never cuts a name: it takes as many columns (up to three) as
its widest name fits in the chart's width, and follows the window when it is resized."""

from __future__ import annotations

from datetime import date

from tracker.reports.series import BalanceSeries, PlanBalance
from tracker.ui.charts import BalanceChart

NAMES = ["MacBook Air 账单分期", "比亚迪秦PLUS 车贷", "罚息计划 Phone", "小米14 Pro 手机"]


def _series() -> BalanceSeries:
    dates = (date(2026, 11, 21), date(2026, 11, 30), date(2026, 12, 31))
    plans = tuple(
        PlanBalance(i + 1, name, (30000 * (i + 1), 20000 * (i + 1), 0))
        for i, name in enumerate(NAMES)
    )
    return BalanceSeries(dates, plans)


def _plans_legend(chart: BalanceChart) -> list[str]:
    return chart.legend_texts()[-1]


def test_a_narrow_chart_puts_fewer_names_on_a_row(qtbot) -> None:
    chart = BalanceChart()
    qtbot.addWidget(chart)
    chart.resize(380, 260)
    chart.show()
    chart.set_series(_series(), "CNY")
    qtbot.waitUntil(lambda: chart.drawn)
    assert set(NAMES) <= set(_plans_legend(chart))
    assert chart._plan_cols == 2  # "MacBook Air 账单分期" and its key: ~150 px a column

    chart.resize(1000, 260)
    qtbot.waitUntil(lambda: chart._plan_cols == 3 and chart.drawn)
    chart.resize(280, 260)  # its minimum width
    qtbot.waitUntil(lambda: chart._plan_cols == 1 and chart.drawn)
    assert set(NAMES) <= set(_plans_legend(chart))
