"""The plan form's "Periods already paid" field, for a plan already under way.

Shown when the first due date is before today (or an edited plan has periods paid before
tracking). Its default is every period due before today (``domain.underway``) until the user
changes it; it accepts 0 up to the periods due by today. Each period counted is stored as a
payment made before tracking, on its due date, in full, with no penalty.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QSpinBox, QVBoxLayout, QWidget

from tracker.domain.plan import Schedule
from tracker.domain.underway import default_paid_periods, most_paid_periods

__all__ = ["PaidPeriodsField"]


class PaidPeriodsField:
    """A spin box and its explanation; ``box`` is the form row's widget."""

    def __init__(self, initial: int | None = None) -> None:
        self.box = QWidget()
        self.spin = QSpinBox()
        self.spin.setRange(0, 0)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setEnabled(False)  # drawn in the muted colour of a hint
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin)
        layout.addWidget(self.note)
        self.initial = initial
        self.touched = initial is not None  # an edited plan keeps its count until changed
        self.shown = False
        self.spin.valueChanged.connect(self._edited)
        self._syncing = False
        if initial is not None:
            self.spin.setRange(0, initial)
            self._set(initial)

    def _edited(self) -> None:
        if not self._syncing:
            self.touched = True

    def _set(self, value: int) -> None:
        self._syncing = True
        try:
            self.spin.setValue(value)
        finally:
            self._syncing = False

    def sync(self, schedule: Schedule | None, today: date) -> int:
        """Follow the form's schedule: show or hide, limit, default; return the count."""
        if schedule is None:
            return self.spin.value() if self.shown else 0
        items = schedule.installments
        self.shown = schedule.terms.first_due < today or bool(self.initial)
        most = most_paid_periods(items, today)
        self._syncing = True
        try:
            self.spin.setRange(0, most)
        finally:
            self._syncing = False
        if not self.touched:
            self._set(default_paid_periods(items, today))
        self.note.setText(
            QCoreApplication.translate(
                "PlanDialog",
                "%1 of %2 periods were due before today. Periods already paid are recorded as "
                "paid before tracking: on their due dates, in full, with no penalty.",
            )
            .replace("%1", str(default_paid_periods(items, today)))
            .replace("%2", str(len(items)))
        )
        return self.spin.value() if self.shown else 0

    def value(self) -> int | None:
        """The count to save: None when hidden (nothing to settle before tracking)."""
        return self.spin.value() if self.shown else None
