"""The new/edit plan form: a template, the terms per model, and a live schedule preview.

As the user types, the form is read through the domain's parsers (the same ``AmountError``
messages the CLI gives), invalid fields get a red border and the reason, and the preview
(schedule, total fee, total cost, APR) is rebuilt with ``build_schedule`` and
``cost_of_credit`` without touching the database. Save stays disabled until the form is
valid; saving goes through ``ctx.act`` so it can be undone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker import services as sv
from tracker.domain.dates import add_months
from tracker.domain.money import AmountError, currency
from tracker.domain.payoff import PayoffPolicy, default_payoff_policy
from tracker.domain.plan import FeeMode, FeeRounding, Model, Remainder
from tracker.domain.templates import TEMPLATES, PlanTemplate, template

from . import fmt, palette
from .charge_words import payoff_choices
from .context import AppContext
from .plan_account import AccountField
from .plan_form import (
    FormReader,
    explain_edit,
    fill_from_input,
    fill_from_template,
    percent_text,
    set_combo,
    template_label,
)
from .plan_preview import SchedulePreview
from .plan_underway import PaidPeriodsField
from .workday_words import calendar_choices


class PlanDialog(QDialog):
    """Create a plan (``plan_id`` None) or edit one; ``saved_id`` is set after a save."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, plan_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan_id = plan_id
        self.saved_id: int | None = None
        self.detail = (
            sv.plan_detail(ctx.db, plan_id, ctx.today(), ctx.reminder_days) if plan_id else None
        )
        if self.detail is not None:
            self.currency = self.detail.input.terms.currency
        else:
            try:
                self.currency = currency(ctx.settings.currency).code
            except AmountError:
                self.currency = "CNY"
        self._template: PlanTemplate | None = None
        self.template_platform = ""
        self._first_due_auto = self.detail is None
        self._purchase_known = True
        self._setting = True
        self.touched: set[QWidget] = set()
        self.setWindowTitle(self.tr("Edit plan") if plan_id else self.tr("New plan"))
        self._build()
        self._last_periods = self.periods_spin.value()
        if self.detail is not None:
            fill_from_input(self, self.detail.input)
            explain_edit(self)
            self.preview.settled.update(
                (s.period, s.settled_on)
                for s in self.detail.state.installments
                if s.settled_on is not None and s.period not in self.detail.prior_periods
            )
        else:
            self.purchase_edit.setDate(fmt.qdate(ctx.today()))
            self.model_changed()
        self._setting = False
        self.reader = FormReader(self)
        self.update_preview()
        self.resize(1040, 700)
        self._focus_first_field()

    def _focus_first_field(self) -> None:
        """Open with the cursor in the form's first field that can take it."""
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is None or not widget.isEnabled() or widget.isHidden():
                continue
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    # -- building ---------------------------------------------------------------------------
    def _line(self, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self.update_preview)
        edit.textEdited.connect(lambda _t, e=edit: self.touched.add(e))
        return edit

    def _combo(self, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        for label, data in items:
            combo.addItem(label, data)
        combo.currentIndexChanged.connect(self.update_preview)
        return combo

    def _date(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _build(self) -> None:
        self.template_combo = QComboBox()
        self.template_combo.addItem(self.tr("Choose a template…"), None)
        for tpl in TEMPLATES:
            self.template_combo.addItem(template_label(tpl), tpl.key)
        self.template_combo.currentIndexChanged.connect(self._apply_template)
        self.name_edit = self._line(self.tr("e.g. Xiaomi 14 or 花呗 - 冰箱"))
        self.platform_edit = self._line(self.tr("e.g. 花呗, 京东白条, a bank"))
        self.account = AccountField(self.ctx.db)
        self.account_combo = self.account.combo
        self.account_combo.currentIndexChanged.connect(self._account_changed)
        self.purchase_edit = self._date()
        self.purchase_edit.dateChanged.connect(self._purchase_changed)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)  # Tab moves on; notes rarely need a tab
        self.notes_edit.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.model_combo = self._combo([(fmt.model_label(m.value), m.value) for m in Model])
        self.model_combo.currentIndexChanged.connect(self.model_changed)
        self.principal_edit = self._line(self.tr("e.g. 3600 or 3,600.00"))
        self.periods_spin = QSpinBox()
        self.periods_spin.setRange(1, 360)
        self.periods_spin.setValue(12)
        self.periods_spin.valueChanged.connect(self._periods_changed)
        self.periods_spin.lineEdit().textChanged.connect(self._periods_changed)  # also "0"
        self.rate_label = QLabel()
        self.rate_edit = self._line(self.tr("e.g. 0.6"))
        self.first_due_edit = self._date()
        self.first_due_edit.dateChanged.connect(self._first_due_changed)
        self.remainder_combo = self._combo(
            [
                (self.tr("First period"), Remainder.FIRST.value),
                (self.tr("Last period"), Remainder.LAST.value),
            ]
        )
        self.fee_mode_combo = self._combo(
            [
                (self.tr("Spread over every period"), FeeMode.SPREAD.value),
                (self.tr("All in the first period"), FeeMode.FIRST.value),
            ]
        )
        self.fee_rounding_combo = self._combo(
            [
                (self.tr("Half up (四舍五入)"), FeeRounding.HALF_UP.value),
                (self.tr("Half even (银行家舍入, as 花呗)"), FeeRounding.HALF_EVEN.value),
            ]
        )
        self.holidays_combo = self._combo([])
        for label, code in calendar_choices():
            self.holidays_combo.addItem(label, code)
        self.holidays_combo.setToolTip(
            self.tr(
                "A due date on a weekend or public holiday of this calendar moves to the next "
                "working day; amounts stay the same. China's calendar includes the make-up "
                "working days (调休)."
            )
        )
        self.down_edit = self._line(self.tr("optional, not financed"))
        self.upfront_edit = self._line(self.tr("optional, paid at purchase"))
        self.amounts_edit = self._line(self.tr("e.g. 340.34, 340.33, 340.33"))
        self.paid = PaidPeriodsField(self.detail.prior_count if self.detail else None)
        self.paid_spin = self.paid.spin
        self.paid_spin.valueChanged.connect(self.update_preview)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[QLabel | str, QWidget]] = [
            (self.tr("Template"), self.template_combo),
            (self.tr("Name *"), self.name_edit),
            (self.tr("Platform"), self.platform_edit),
            (self.tr("Account"), self.account_combo),
            (self.tr("Purchase date"), self.purchase_edit),
            (self.tr("Notes"), self.notes_edit),
            (self.tr("Model"), self.model_combo),
            (self.tr("Principal *"), self.principal_edit),
            (self.tr("Periods"), self.periods_spin),
            (self.rate_label, self.rate_edit),
            (self.tr("Per-period amounts"), self.amounts_edit),
            (self.tr("First due date"), self.first_due_edit),
            (self.tr("Move due dates off non-working days"), self.holidays_combo),
            (self.tr("Periods already paid"), self.paid.box),
            (self.tr("Remainder (odd fen) in"), self.remainder_combo),
            (self.tr("Fee charged"), self.fee_mode_combo),
            (self.tr("Total fee rounded"), self.fee_rounding_combo),
            (self.tr("Down payment"), self.down_edit),
            (self.tr("Upfront fee"), self.upfront_edit),
        ]
        for label, widget in rows:
            self.form.addRow(label, widget)
        form_box = QWidget()
        left = QVBoxLayout(form_box)
        left.addLayout(self.form)
        left.addWidget(self._build_advanced())
        left.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(form_box)
        scroll.setWidgetResizable(True)
        for combo in form_box.findChildren(QComboBox):  # long choices must not widen the form
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = scroll.verticalScrollBar().sizeHint().width()
        frame = 2 * scroll.frameWidth()
        scroll.setMinimumWidth(max(460, form_box.minimumSizeHint().width() + bar + frame))

        self.preview = SchedulePreview(self.currency)
        self.warning = QLabel()  # unusual terms: shown, never blocking
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(palette.warning_style())
        self.warning.setVisible(False)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.warning)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        columns.addWidget(scroll, 5)
        columns.addLayout(right, 6)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _build_advanced(self) -> QGroupBox:
        box = QGroupBox(self.tr("Overdue and early payoff"))
        self.grace_spin = QSpinBox()
        self.grace_spin.setRange(0, 365)
        self.grace_spin.setSuffix(self.tr(" days"))
        self.grace_spin.valueChanged.connect(self.update_preview)
        self.tolerance_edit = self._line(self.tr("e.g. 10.00"))
        self.penalty_edit = self._line(self.tr("e.g. 0.05 (0 = none)"))
        self.policy_combo = self._combo(payoff_choices(Model.FLAT))
        self.policy_combo.currentIndexChanged.connect(self._policy_changed)
        self.policy_pct_edit = self._line(self.tr("e.g. 3"))
        self.advanced = QFormLayout(box)
        self.advanced.addRow(self.tr("Grace period"), self.grace_spin)
        self.advanced.addRow(self.tr("Tolerance"), self.tolerance_edit)
        self.advanced.addRow(self.tr("Penalty (% per day)"), self.penalty_edit)
        self.penalty_hint = QLabel()  # a template whose penalty is not known says so
        self.penalty_hint.setObjectName("penalty_hint")
        self.penalty_hint.setWordWrap(True)
        self.advanced.addRow("", self.penalty_hint)
        self.advanced.setRowVisible(self.penalty_hint, False)
        self.advanced.addRow(self.tr("Early payoff"), self.policy_combo)
        self.advanced.addRow(self.tr("Payoff charge (% of principal)"), self.policy_pct_edit)
        self.advanced.setRowVisible(self.policy_pct_edit, False)
        return box

    # -- filling ----------------------------------------------------------------------------
    def _apply_template(self) -> None:
        key = self.template_combo.currentData()
        if not key:
            return
        tpl = template(key)
        self._setting = True
        self._template = None
        fill_from_template(self, tpl)
        self._last_periods = tpl.periods
        self._template = tpl
        self._setting = False
        self.update_preview()

    # -- reacting ---------------------------------------------------------------------------
    def model(self) -> Model:
        """The model chosen in the form."""
        return Model(self.model_combo.currentData())

    def model_changed(self) -> None:
        """Show the fields of the chosen model and label the rate by what it means."""
        model = self.model()
        labels = {
            Model.FLAT: self.tr("Fee per period (%)"),
            Model.TOTAL: self.tr("Total fee rate (%)"),
            Model.ANNUITY: self.tr("Annual interest rate (%)"),
            Model.EQUAL_PRINCIPAL: self.tr("Annual interest rate (%)"),
        }
        self.rate_label.setText(labels.get(model, ""))
        for index, (text, _policy) in enumerate(payoff_choices(model)):
            self.policy_combo.setItemText(index, text)
        visible = {
            self.rate_edit: model.uses_rate,
            self.amounts_edit: model is Model.CUSTOM,
            self.fee_mode_combo: model.takes_fee_mode,
            self.fee_rounding_combo: model.takes_fee_rounding,
            self.remainder_combo: model.takes_remainder,
        }
        for widget, shown in visible.items():
            self.form.setRowVisible(widget, shown)
        set_combo(self.remainder_combo, model.default_remainder.value)
        if not self._setting:  # the user picked a model: its payoff default (templates set theirs)
            set_combo(self.policy_combo, default_payoff_policy(model).value)
        self._sync_first_due()
        self.update_preview()

    def _purchase_changed(self) -> None:
        if not self._setting:
            self._purchase_known = True
        self._sync_first_due()
        self.update_preview()

    def _sync_first_due(self) -> None:
        """Until the user picks a first due date: a month after purchase (pay-in-n: at it)."""
        if self._first_due_auto:
            purchase = fmt.pydate(self.purchase_edit.date())
            due = purchase if self.model() is Model.PAY_IN_N else add_months(purchase, 1)
            due = self.account.first_due(purchase, self.model()) or due  # the account's bill
            self._setting, was = True, self._setting
            self.first_due_edit.setDate(fmt.qdate(due))
            self._setting = was

    def _account_changed(self) -> None:
        self._sync_first_due()
        self.update_preview()

    def _first_due_changed(self) -> None:
        if not self._setting:
            self._first_due_auto = False
        self.update_preview()

    def _periods_changed(self) -> None:
        """Follow a template's rate for the new term if the rate is still the template's."""
        tpl, periods = self._template, self.periods_spin.value()
        if tpl is not None and tpl.model is self.model() and periods != self._last_periods:
            untouched = self.rate_edit.text() == percent_text(tpl.rate_for(self._last_periods))
            if untouched:
                self.rate_edit.setText(percent_text(tpl.rate_for(periods)))
        self._last_periods = periods
        self.update_preview()

    def _policy_changed(self) -> None:
        shown = self.policy_combo.currentData() == PayoffPolicy.PENALTY_PCT.value
        self.advanced.setRowVisible(self.policy_pct_edit, shown)

    def set_purchase_date(self, purchase: date | None, first_due: date) -> None:
        """Show a stored purchase date; a plan stored without one keeps none unless changed."""
        self.purchase_edit.setDate(fmt.qdate(purchase or add_months(first_due, -1)))
        self._purchase_known = purchase is not None

    def purchase_date(self) -> date | None:
        """The purchase date, or None when an edited plan never had one and it was not set."""
        return fmt.pydate(self.purchase_edit.date()) if self._purchase_known else None

    def update_preview(self, *_args: object) -> None:
        """Re-read the form: mark errors, rebuild the preview, enable Save when valid."""
        if self._setting or not hasattr(self, "reader"):
            return
        result = self.reader.read()
        for widget in self.reader.widgets():
            bad = widget in result.errors and not result.is_pending(widget)
            name = widget.metaObject().className()
            widget.setStyleSheet(f"{name} {{ {palette.invalid_border()} }}" if bad else "")
            widget.setToolTip(result.errors[widget] if bad else "")
        self.message.setText(result.message())
        tones = palette.current()
        colour = tones.error if result.has_shown_errors() else tones.secondary
        self.message.setStyleSheet(f"color: {colour};")
        self.message.setVisible(bool(result.errors))
        paid = self.paid.sync(result.schedule, self.ctx.today())
        self.form.setRowVisible(self.paid.box, self.paid.shown)
        self.preview.show_schedule(result.schedule, paid, result.moved, result.workday_note)
        self.warning.setText("\n".join(result.warnings))
        self.warning.setVisible(bool(result.warnings))
        self.save_button.setEnabled(result.data is not None)

    # -- saving -----------------------------------------------------------------------------
    def _undo_add(self, change: sv.Change) -> Callable[[], sv.Change]:
        """Undoing an added plan deletes it."""
        created, ctx = change.created_id, self.ctx
        assert created is not None
        return lambda: sv.delete_plan(ctx.db, created)

    def save(self) -> None:
        """Store the plan (undoable) and close, or keep the form open on a refusal."""
        data = self.reader.read().data
        if data is None:
            return
        ctx, plan_id = self.ctx, self.plan_id
        paid, today = self.paid.value(), ctx.today()
        if plan_id is None:
            done = self.tr("Added “%1”").replace("%1", data.name)
            change = ctx.act(
                self,
                self.tr("Add plan"),
                sv.add_plan,
                data,
                today,
                paid or 0,
                undo=self._undo_add,
                done=done,
            )
            self.saved_id = change.created_id if change is not None else None
        else:
            label, done = self.tr("Edit plan"), self.tr("Saved “%1”").replace("%1", data.name)
            edited = ctx.act(
                self, label, sv.edit_plan, plan_id, data, today, paid, plan_id=plan_id, done=done
            )
            self.saved_id = plan_id if edited is not None else None
        if self.saved_id is None:
            return
        self.accept()


def open_plan_dialog(
    ctx: AppContext, parent: QWidget | None, plan_id: int | None = None
) -> int | None:
    """Show the plan form; return the saved plan's id, or None if cancelled."""
    dialog = PlanDialog(ctx, parent, plan_id)
    try:
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
