"""Installment Tracker (分期账本): installment plans, their schedules, payments and true cost."""

__version__ = "0.1.0"
