"""Payment methods: stored as the Chinese words people use, shown in the UI's language.

The stored values stay 支付宝, 微信支付, 银行卡, 信用卡, 现金 (what imports and older files hold).
On screen the generic ones are translated (Bank card, Credit card, Cash) and the brand names
keep their Chinese name with the English one beside it in English: "支付宝 (Alipay)". Any other
method is what the user typed and is shown as typed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

METHODS = ("支付宝", "微信支付", "银行卡", "信用卡", "现金")
"""The methods offered in the combo, as stored."""


def label(method: str) -> str:
    """How a stored method reads in the UI's language."""
    texts = {
        "支付宝": QCoreApplication.translate("PaymentMethod", "支付宝 (Alipay)"),
        "微信支付": QCoreApplication.translate("PaymentMethod", "微信支付 (WeChat Pay)"),
        "银行卡": QCoreApplication.translate("PaymentMethod", "Bank card"),
        "信用卡": QCoreApplication.translate("PaymentMethod", "Credit card"),
        "现金": QCoreApplication.translate("PaymentMethod", "Cash"),
    }
    return texts.get(method, method)


def stored(text: str) -> str:
    """The stored value for a method picked or typed on screen ("Bank card" → 银行卡)."""
    text = text.strip()
    for method in METHODS:
        if text in (method, label(method)):
            return method
    return text
