"""Refusals from the domain, the services and the CSV reader, in the UI's language.

A ``UserError`` carries its English template and parameters (``tracker.domain.errors``);
``str(exc)`` is the English sentence the CLI prints. ``describe`` translates the template in
the "Errors" context instead and fills in the parameters the GUI's way: amounts with the
currency symbol (``fmt.money``: ¥1,373.87), dates as ISO, nested phrases and errors
translated too. lupdate only sees literal strings, so ``CATALOGUE`` lists every template of the
code; tests/ui/test_error_text.py fails when a raise site uses one that is not listed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QCoreApplication

from tracker.domain.errors import Phrase, UserError
from tracker.domain.money import Amount
from tracker.storage import ReadOnlyDatabaseError, StorageError

from . import fmt
from .fmt import QT_TRANSLATE_NOOP

__all__ = ["CATALOGUE", "describe", "phrase_text"]

CATALOGUE: tuple[str, ...] = (
    # tracker/domain/money.py
    QT_TRANSLATE_NOOP("Errors", "unknown currency {code!r}; accepted: {known}"),
    QT_TRANSLATE_NOOP("Errors", "the last month ({last}) is before the first ({first})"),
    QT_TRANSLATE_NOOP("Errors", "at most {count} months can be printed at once"),
    QT_TRANSLATE_NOOP(
        "Errors", "a positive amount with at most {digits} decimal places, e.g. 3600 or 3,600.00"
    ),
    QT_TRANSLATE_NOOP("Errors", "a positive amount with at most 0 decimal places, e.g. 3600"),
    QT_TRANSLATE_NOOP("Errors", "an amount is required; enter {accepted}"),
    QT_TRANSLATE_NOOP("Errors", "{text!r} is not an amount; enter {accepted}"),
    QT_TRANSLATE_NOOP(
        "Errors", "{text!r} has more than {digits} decimal places for {code}; enter {accepted}"
    ),
    QT_TRANSLATE_NOOP("Errors", "{text!r} is negative; enter {accepted}"),
    QT_TRANSLATE_NOOP("Errors", "the amount must be more than zero; enter {accepted}"),
    QT_TRANSLATE_NOOP("Errors", "{text!r} is too large; the most accepted is {most:,}"),
    QT_TRANSLATE_NOOP("Errors", "rate"),
    QT_TRANSLATE_NOOP("Errors", "penalty rate"),
    QT_TRANSLATE_NOOP("Errors", "payoff penalty"),
    QT_TRANSLATE_NOOP("Errors", "payoff charge"),
    QT_TRANSLATE_NOOP("Errors", "a percentage from 0 to 100, e.g. 0.6 or 0.6%"),
    QT_TRANSLATE_NOOP("Errors", "a {what} is required; enter {accepted}"),
    QT_TRANSLATE_NOOP("Errors", "the {what} {text!r} is negative; enter {accepted}"),
    QT_TRANSLATE_NOOP("Errors", "{text!r} is not a {what}; enter {accepted}"),
    QT_TRANSLATE_NOOP("Errors", "the {what} {text!r} is above 100%; enter {accepted}"),
    QT_TRANSLATE_NOOP(
        "Errors", "{text!r} is not a number of periods; enter a whole number 1 to 360"
    ),
    QT_TRANSLATE_NOOP("Errors", "{n} periods is out of range; enter a whole number from 1 to 360"),
    # tracker/domain/plan.py
    QT_TRANSLATE_NOOP("Errors", "principal"),
    QT_TRANSLATE_NOOP("Errors", "upfront_fee"),
    QT_TRANSLATE_NOOP("Errors", "down_payment"),
    QT_TRANSLATE_NOOP("Errors", "{name} must be an integer number of minor units"),
    QT_TRANSLATE_NOOP("Errors", "{name} must be from 0 to {most:,} {currency}"),
    QT_TRANSLATE_NOOP("Errors", "the principal must be more than zero"),
    QT_TRANSLATE_NOOP("Errors", "the upfront fee must be less than the principal it finances"),
    QT_TRANSLATE_NOOP("Errors", "the number of periods must be a whole number from 1 to 360"),
    QT_TRANSLATE_NOOP("Errors", "the number of periods must be from 1 to 360"),
    QT_TRANSLATE_NOOP(
        "Errors", "the last due date would be after 9999-12-31; enter an earlier first due date"
    ),
    QT_TRANSLATE_NOOP("Errors", "the rate must be a finite Decimal fraction"),
    QT_TRANSLATE_NOOP("Errors", "the rate must be from 0% to 100%"),
    QT_TRANSLATE_NOOP("Errors", "per-period amounts are only for custom plans"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "a custom plan needs one amount per period: {periods} periods, {count} amounts given",
    ),
    QT_TRANSLATE_NOOP("Errors", "every per-period amount must be more than zero"),
    QT_TRANSLATE_NOOP("Errors", "a per-period amount is above {most:,}"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "the per-period amounts add up to less than the principal; "
        "they must cover the principal (the difference is the fee)",
    ),
    # tracker/domain/schedule.py
    QT_TRANSLATE_NOOP(
        "Errors", "{paid} periods are already paid; the plan must keep more than {paid} periods"
    ),
    QT_TRANSLATE_NOOP("Errors", "the new principal is less than the principal already repaid"),
    QT_TRANSLATE_NOOP(
        "Errors", "the remaining per-period amounts do not cover the unpaid principal"
    ),
    # tracker/domain/workdays.py, tracker/services/workdays.py, tracker/reports/csv_columns.py
    QT_TRANSLATE_NOOP(
        "Errors", "the {code} calendar has no working day within {days} days after {day}"
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "unknown holiday calendar {code!r}: use a two-letter country code such as CN, "
        "US, GB, DE or JP",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{text!r} is not a country code; use two letters such as CN, or leave it blank",
    ),
    # tracker/domain/apr.py
    QT_TRANSLATE_NOOP("Errors", "nothing was financed once the upfront fee is taken off"),
    # tracker/domain/ledger.py
    QT_TRANSLATE_NOOP("Errors", "a payment must be more than zero"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "the payment of {amount} is more than the remaining balance of {balance} on {date}",
    ),
    # tracker/services/plans.py (the first two also in tracker/ui/plan_form.py)
    QT_TRANSLATE_NOOP("Errors", "a plan needs a name, e.g. 'Xiaomi 14' or '花呗 - 冰箱'"),
    QT_TRANSLATE_NOOP("Errors", "the name is longer than {most} characters"),
    QT_TRANSLATE_NOOP("Errors", "the {what} contains a control character (such as NUL); remove it"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "the {what} is not valid text (bytes that are not UTF-8, e.g. GBK); "
        "enter it again as UTF-8",
    ),
    QT_TRANSLATE_NOOP("Errors", "name"),
    QT_TRANSLATE_NOOP("Errors", "platform"),
    QT_TRANSLATE_NOOP("Errors", "notes"),
    QT_TRANSLATE_NOOP("Errors", "the notes are longer than {most} characters"),
    QT_TRANSLATE_NOOP("Errors", "grace days must be a whole number from 0 to 365"),
    QT_TRANSLATE_NOOP("Errors", "the tolerance cannot be negative"),
    QT_TRANSLATE_NOOP("Errors", "the {what} must be from 0% to 100%"),
    QT_TRANSLATE_NOOP("Errors", "there is no plan with id {id}"),
    QT_TRANSLATE_NOOP(
        "Errors", "the payments so far ({paid}) are more than the edited plan's total ({total})"
    ),
    QT_TRANSLATE_NOOP("Errors", "this plan is paid off; its terms can no longer change"),
    # tracker/domain/underway.py, tracker/services/underway.py (plans already under way)
    QT_TRANSLATE_NOOP(
        "Errors", "the periods already paid must be a whole number from 0 to {periods}"
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "period {period} is due on {due}, after {as_of}: only periods due by then can be "
        "paid before tracking; enter 0 to {most} (record later payments as payments)",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "this plan is paid off; the periods paid before tracking can no longer change"
    ),
    QT_TRANSLATE_NOOP("Errors", "periods can be paid before tracking only as of a date"),
    QT_TRANSLATE_NOOP("Errors", "{count} periods cannot be marked paid before tracking: {reason}"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "the first due date is in the past and the file does not say how many periods were "
        "paid: the {count} due before {as_of} are recorded as paid before tracking (a "
        "paid_periods column sets another number)",
    ),
    QT_TRANSLATE_NOOP("Errors", "number of periods"),
    # tracker/services/payments.py
    QT_TRANSLATE_NOOP("Errors", "method"),
    QT_TRANSLATE_NOOP("Errors", "note"),
    QT_TRANSLATE_NOOP("Errors", "plan {id} ({name}) is paid off; nothing is owed"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "the date {date} is in the future; a payment is recorded on or after the day it is made",
    ),
    QT_TRANSLATE_NOOP("Errors", "the {what} is longer than {most} characters"),
    QT_TRANSLATE_NOOP("Errors", "there is no payment with id {id}"),
    QT_TRANSLATE_NOOP("Errors", "payment {id} is already voided"),
    QT_TRANSLATE_NOOP(
        "Errors", "a payment dated {date} is already recorded; pay off on or after that date"
    ),
    QT_TRANSLATE_NOOP("Errors", "nothing is owed on plan {id}"),
    QT_TRANSLATE_NOOP("Errors", "the payoff did not settle the plan; nothing was recorded"),
    QT_TRANSLATE_NOOP("Errors", "the window must be zero or more days"),
    # tracker/services/dashboard.py, calendar.py, sample.py, export.py
    QT_TRANSLATE_NOOP("Errors", "the reminder window must be zero or more days"),
    QT_TRANSLATE_NOOP("Errors", "the range ends ({end}) before it starts ({start})"),
    QT_TRANSLATE_NOOP("Errors", "no plans to remove"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "a date range selects payments (by date) and installments (by due date), not plans; "
        "export all plans or one with --plan",
    ),
    QT_TRANSLATE_NOOP("Errors", "unknown export {kind!r}; choose {choices}"),
    QT_TRANSLATE_NOOP("Errors", "{reason}"),
    # tracker/services/imports.py
    QT_TRANSLATE_NOOP("Errors", "no file to import"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "the check after the import found {count} problem(s), the first: {first}; "
        "nothing was imported",
    ),
    QT_TRANSLATE_NOOP("Errors", "{n} problem on {lines} line of {files}; nothing was imported"),
    QT_TRANSLATE_NOOP("Errors", "{n} problems on {lines} line of {files}; nothing was imported"),
    QT_TRANSLATE_NOOP("Errors", "{n} problems on {lines} lines of {files}; nothing was imported"),
    QT_TRANSLATE_NOOP("Errors", "{file} line {line}"),
    QT_TRANSLATE_NOOP("Errors", "{file} line {line} has an error"),
    QT_TRANSLATE_NOOP("Errors", "plan id {id} is also on {where}"),
    QT_TRANSLATE_NOOP("Errors", "plan {key} is not imported ({reason})"),
    QT_TRANSLATE_NOOP(
        "Errors", "there is no plan {key}, neither in the database nor in the import"
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "this payment is already recorded (payment {payment} of plan {plan}); "
        "remove the row, or give it a note if it is another payment",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "paying plan {plan} off on {date} costs {quote} under its policy, not {amount}"
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "plan id {key} is taken in the database; this plan gets id {id}, "
        "and the payments of this import that name plan {key} go to it",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "plan {id} ({name}) in the database has the same name, platform, model, "
        "principal, periods and first due date; this adds a second one (remove "
        "the row if the file was imported before)",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "payment id {key} is taken in the database; this payment gets id {id}"
    ),
    # tracker/reports/csv_import.py: the file as a whole (encoding, CSV, header)
    QT_TRANSLATE_NOOP("Errors", "the file is larger than {mb} MB"),
    QT_TRANSLATE_NOOP("Errors", "the file is UTF-16; save it as CSV UTF-8 (or GBK) instead"),
    QT_TRANSLATE_NOOP("Errors", "contains a NUL byte; not a text CSV file"),
    QT_TRANSLATE_NOOP("Errors", "contains the control character U+{code}; not a text file"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "mixed encodings: this line is not UTF-8 but line(s) {lines} are; "
        "save the whole file as CSV UTF-8",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "bytes that are neither UTF-8 nor GBK/GB18030; save the file as CSV UTF-8"
    ),
    QT_TRANSLATE_NOOP("Errors", "not valid CSV ({reason})"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "an amount has a comma in a file separated by semicolons, where it may be a decimal "
        "comma or a thousands separator; write amounts with a decimal point and no grouping, "
        "e.g. 3600.00",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "this is an installments export; installments are computed from their plans, "
        "so import the plans (and payments) files instead",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "cannot tell what this file holds: a plans file has a principal (本金) column, "
        "a payments file an amount (金额) column",
    ),
    QT_TRANSLATE_NOOP("Errors", "column {n} has no name"),
    QT_TRANSLATE_NOOP("Errors", "unknown column {name!r}"),
    QT_TRANSLATE_NOOP("Errors", "column {name!r} repeats {key!r}"),
    QT_TRANSLATE_NOOP("Errors", "missing required column(s): {columns}"),
    QT_TRANSLATE_NOOP("Errors", "{problem} (the columns of a plans file are: {columns})"),
    QT_TRANSLATE_NOOP("Errors", "{problem} (the columns of a payments file are: {columns})"),
    QT_TRANSLATE_NOOP("Errors", "the file is empty; expected a header row and data rows"),
    QT_TRANSLATE_NOOP("Errors", "the first line must be the header row"),
    QT_TRANSLATE_NOOP("Errors", "{count} cells but the header has {width} columns"),
    QT_TRANSLATE_NOOP("Errors", "{count} cells but the header has only {width} columns"),
    QT_TRANSLATE_NOOP("Errors", "the file has a header but no rows; nothing to import"),
    # tracker/reports/csv_import.py: rows and cells
    QT_TRANSLATE_NOOP("Errors", "{key}: a value is required"),
    QT_TRANSLATE_NOOP("Errors", "{key}: {error}"),
    QT_TRANSLATE_NOOP("Errors", "repeats line {line} exactly (a duplicate row)"),
    QT_TRANSLATE_NOOP("Errors", "id {id} is also used on line {line}"),
    QT_TRANSLATE_NOOP("Errors", "plan id"),
    QT_TRANSLATE_NOOP("Errors", "payment id"),
    QT_TRANSLATE_NOOP("Errors", "number of days"),
    QT_TRANSLATE_NOOP("Errors", "model"),
    QT_TRANSLATE_NOOP("Errors", "remainder"),
    QT_TRANSLATE_NOOP("Errors", "fee mode"),
    QT_TRANSLATE_NOOP("Errors", "payoff policy"),
    QT_TRANSLATE_NOOP("Errors", "payment kind"),
    QT_TRANSLATE_NOOP("Errors", "name: a plan needs a name"),
    QT_TRANSLATE_NOOP(
        "Errors", "plan_name: plan {id} is {name!r}, not {named!r}; check the plan_id column"
    ),
    QT_TRANSLATE_NOOP("Errors", "currency: plan {id} is in {currency}, not {given}"),
    # tracker/reports/csv_columns.py: cells
    QT_TRANSLATE_NOOP("Errors", "{text!r} is not a date; use YYYY-MM-DD, e.g. 2024-01-31"),
    QT_TRANSLATE_NOOP("Errors", "{text!r} is not a real date"),
    QT_TRANSLATE_NOOP(
        "Errors", "{text!r} is not a {what}; enter a whole number from {low} to {high}"
    ),
    QT_TRANSLATE_NOOP("Errors", "{text!r} is not true or false"),
    QT_TRANSLATE_NOOP("Errors", "{text!r} is not a {what}; use one of: {accepted}"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{count} entries for {periods} periods; write one PRINCIPAL/FEE entry per period, "
        "or clear the cell to rebuild the schedule from the terms",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "entry {k} {entry!r} is not PRINCIPAL/FEE, e.g. 416.62/29.99 "
        "(with @YYYY-MM-DD when it is due on another day)",
    ),
    QT_TRANSLATE_NOOP("Errors", "entry {k}: {error}"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "this is not a prepayment's detail as exported (a JSON object with keep, "
        "paid_periods and replaced); copy it from the export unchanged",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "kind: a prepayment needs its detail in the prepay column (as exported); "
        "other payments leave that column empty",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "schedule: {count} entries for {periods} periods, and no prepayment of "
        "the plan in the payments file explains them; import the payments file "
        "with it, or clear the cell to rebuild the schedule from the terms",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "entry {k} follows the last period, so it can only be an early-payoff charge; "
        "its principal must be 0",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "the principal parts add up to {repaid}, not the principal {principal}; correct "
        "them, or clear the cell to rebuild the schedule from the terms",
    ),
    # tracker/domain/checks.py
    QT_TRANSLATE_NOOP(
        "Errors",
        "the first due date {first_due} is before the purchase date {purchase}; "
        "enter a first due date on or after the purchase date",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "the first due date {first_due} is more than a year ago; check the date"
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "a fee of {rate}% per period is unusually high (most are under 3%); check the rate",
    ),
    QT_TRANSLATE_NOOP("Errors", "an annual interest rate of {rate}% is above 36%; check the rate"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "the APR (IRR) is {apr}%, above 36%; check the rate, the fees and the periods",
    ),
    # tracker/reports/csv_import.py: fee rounding
    QT_TRANSLATE_NOOP("Errors", "fee rounding"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "only total plans round a total fee; leave the cell blank or half_up for a {model} plan",
    ),
    # tracker/ui/plan_form.py
    QT_TRANSLATE_NOOP(
        "Errors", "enter each period's total, separated by commas, e.g. 340.34, 340.33, 340.33"
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{count} amounts for {periods} periods; enter one amount per period "
        "(or change the number of periods)",
    ),
    QT_TRANSLATE_NOOP("Errors", "amount {k}: {error}"),
    # tracker/domain/accounts.py
    QT_TRANSLATE_NOOP(
        "Errors",
        "The due day must be a day of the month from 1 to 31, not {value}.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The days from statement to due date must be 1 to {most}, not {value}.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The statement day must be 1 to 28, or the month's end; not {day}.",
    ),
    QT_TRANSLATE_NOOP("Errors", "The late fee cap is below its floor."),
    QT_TRANSLATE_NOOP("Errors", "Grace days must be 0 to 30, not {days}."),
    QT_TRANSLATE_NOOP("Errors", "minimum payment share"),
    QT_TRANSLATE_NOOP("Errors", "daily interest rate"),
    QT_TRANSLATE_NOOP("Errors", "late fee share"),
    QT_TRANSLATE_NOOP("Errors", "The {what} must be a percentage from 0% to 100%, not {value}."),
    QT_TRANSLATE_NOOP("Errors", "late fee floor"),
    QT_TRANSLATE_NOOP("Errors", "late fee cap"),
    QT_TRANSLATE_NOOP("Errors", "credit limit"),
    QT_TRANSLATE_NOOP("Errors", "tolerance"),
    QT_TRANSLATE_NOOP("Errors", "The {what} must be an amount from 0 up to {cap_yuan} yuan."),
    # tracker/domain/bills.py
    QT_TRANSLATE_NOOP(
        "Errors",
        "A part payment must be between 0 and the statement's total {total}.",
    ),
    QT_TRANSLATE_NOOP("Errors", "The rest cannot be paid before the first part."),
    QT_TRANSLATE_NOOP("Errors", "A bill cannot be paid before its statement date."),
    QT_TRANSLATE_NOOP("Errors", "A bill cannot be due before its statement date."),
    QT_TRANSLATE_NOOP("Errors", "Fees and an unpaid minimum cannot be negative."),
    QT_TRANSLATE_NOOP("Errors", "Spending on a statement cannot be negative."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "Spending posted on {posted} is after the statement date {statement}.",
    ),
    # tracker/domain/prepay.py
    QT_TRANSLATE_NOOP(
        "Errors",
        "Only loans (annuity or equal principal) take a partial prepayment; pay a "
        "consumer installment plan off instead.",
    ),
    QT_TRANSLATE_NOOP("Errors", "Paid periods must be 0 to {most} for a partial prepayment."),
    QT_TRANSLATE_NOOP("Errors", "A prepayment must be a positive amount."),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{amount} repays the whole balance {balance}; pay the plan off instead.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The prepayment date is before period {period}'s due date {due}, already paid.",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "Period {period} is due on {due}, before the prepayment: record it first.",
    ),
    QT_TRANSLATE_NOOP("Errors", "The payment does not cover the interest; keep the term instead."),
    # tracker/domain/reconcile.py
    QT_TRANSLATE_NOOP("Errors", "the whole fee charged in period 1"),
    QT_TRANSLATE_NOOP("Errors", "the fee spread over every period"),
    QT_TRANSLATE_NOOP("Errors", "the remainder in the {where} period"),
    QT_TRANSLATE_NOOP("Errors", "the total fee rounded {how}"),
    QT_TRANSLATE_NOOP("Errors", "the statement does not carry it"),
    QT_TRANSLATE_NOOP("Errors", "last"),
    QT_TRANSLATE_NOOP("Errors", "first"),
    QT_TRANSLATE_NOOP("Errors", "half-even"),
    QT_TRANSLATE_NOOP("Errors", "half-up"),
    QT_TRANSLATE_NOOP("Errors", "the statement carries it twice"),
    # tracker/domain/planner.py
    QT_TRANSLATE_NOOP(
        "Errors",
        "its fees are charged in full even when paid off early, so paying early saves nothing",
    ),
    QT_TRANSLATE_NOOP("Errors", "interest-free: paying it early saves nothing"),
    QT_TRANSLATE_NOOP("Errors", "The monthly budget cannot be negative."),
    QT_TRANSLATE_NOOP("Errors", "A plan is listed twice."),
    # tracker/services/accounts.py
    QT_TRANSLATE_NOOP("Errors", "an account needs a name"),
    QT_TRANSLATE_NOOP("Errors", "there is already an account named {name}"),
    QT_TRANSLATE_NOOP("Errors", "there is no account with id {id}"),
    QT_TRANSLATE_NOOP("Errors", "a payment must be a positive amount"),
    QT_TRANSLATE_NOOP("Errors", "there is no account named {name}"),
    QT_TRANSLATE_NOOP(
        "Errors", "{count} plan(s) belong to account {name}; move or delete them first"
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "spending on the statement of {statement} is posted from {start} to {statement}",
    ),
    QT_TRANSLATE_NOOP("Errors", "nothing is owed on the installments of this bill"),
    QT_TRANSLATE_NOOP(
        "Errors", "account {name} bills in {currency}; the plan is in {plan_currency}"
    ),
    # tracker/services/debt_plan.py
    QT_TRANSLATE_NOOP("Errors", "period {period} is partly paid; settle it before a prepayment"),
    # tracker/services/prepayments.py, bill_payments.py, imports.py (accounts), plans.py
    QT_TRANSLATE_NOOP("Errors", "plan {id} owes a penalty of {amount}; pay it before a prepayment"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "a payment dated {date} is already recorded; record the prepayment on or after that date",
    ),
    QT_TRANSLATE_NOOP("Errors", "prepayment {later} was recorded after this one; void it first"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "the plan was paid off after this prepayment (payment {payoff}); void that first",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "a prepayment is recorded on this plan; void it before changing the terms"
    ),
    QT_TRANSLATE_NOOP("Errors", "there is no bill payment with id {id}"),
    QT_TRANSLATE_NOOP("Errors", "bill payment {id} is already voided"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "account: there is no account named {name}; the accounts are {known} "
        "(add it first, or clear the cell)",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "account: there is no account named {name}, and no account yet; add the "
        "account first, or clear the cell",
    ),
)
"""Every template of a ``UserError`` or ``Phrase`` made anywhere in ``tracker``."""


def describe(exc: BaseException) -> str:
    """What went wrong, for the GUI: a ``UserError`` in the UI's language with amounts as
    ``fmt.money``; a storage failure under a translated headline; anything else as it is."""
    if isinstance(exc, UserError):
        return _render(exc.template, exc.params)
    if isinstance(exc, ReadOnlyDatabaseError):
        return QCoreApplication.translate(
            "Errors",
            "This database is read-only: its file, folder or disk cannot be written, so "
            "nothing in it can be changed. You can view, export and print; to make changes, "
            "copy it to a folder you can write to and open the copy.",
        )
    if isinstance(exc, StorageError):
        headline = QCoreApplication.translate("Errors", "The database file could not be used.")
        return f"{headline}\n\n{exc}"
    return str(exc)


def phrase_text(phrase: Phrase) -> str:
    """A phrase (a warning, a field's name) in the UI's language, parameters the GUI's way."""
    return _render(phrase.template, phrase.params)


def _render(template: str, params: Mapping[str, object]) -> str:
    translated = QCoreApplication.translate("Errors", template)
    if not params:
        return translated
    values = {name: _display(value) for name, value in params.items()}
    try:
        return translated.format_map(values)
    except (KeyError, IndexError, ValueError):  # a translation that does not fit: English
        return template.format_map(values)


def _display(value: object) -> object:
    if isinstance(value, UserError):
        return describe(value)
    if isinstance(value, Phrase):
        return _render(value.template, value.params)
    if isinstance(value, Amount):
        return fmt.money(value.minor, value.currency)
    if isinstance(value, date):
        return fmt.day(value)
    return value
