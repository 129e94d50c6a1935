"""Write the malformed import files of this folder (run once; the files are committed).

    uv run python tests/reports/malformed/make_files.py

Each file breaks one rule; ``tests/reports/test_csv_malformed.py`` lists the lines and the
reason every file must be refused for. Payments refer to the plans of the sample ledger
(``tests/reports/test_csv_common.build_sample``): 1 is open (CNY), 5 is paid off, 6 is in JPY;
"today" is 2024-05-10.
"""

from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).parent
BOM = "\ufeff"


def crlf(*lines: str) -> str:
    return "".join(line + "\r\n" for line in lines)


TEXT: dict[str, str] = {
    "short_row.csv": crlf(
        "plan_id,date,amount,method", "1,2024-04-30,10.00,支付宝", "1,2024-04-30"
    ),
    "extra_columns.csv": crlf("plan_id,date,amount", "1,2024-04-30,10.00,支付宝,额外"),
    "bad_dates.csv": crlf(
        "plan_id,date,amount,note",
        "1,2024-02-30,10.00,a",
        "1,31/01/2024,10.00,b",
        "1,yesterday,10.00,c",
        "1,,10.00,d",
    ),
    "bad_amounts.csv": crlf(
        "plan_id,date,amount,note",
        "1,2024-04-01,12.345,a",
        "1,2024-04-01,abc,b",
        "1,2024-04-01,1e5,c",
        "1,2024-04-01,NaN,d",
        "1,2024-04-01,0,e",
        "6,2024-04-01,100.5,yen have no decimals",
    ),
    "negative.csv": crlf(
        "plan_id,date,amount", "1,2024-04-01,-12.00", "1,2024-04-01,'-12.00", "1,2024-04-01,(12)"
    ),
    "unknown_plan.csv": crlf("plan_id,plan_name,date,amount", "99,不存在,2024-04-01,10.00"),
    "duplicate_rows.csv": crlf(
        "plan_id,date,amount,method",
        "1,2024-04-01,10.00,支付宝",
        "1,2024-04-02,10.00,支付宝",
        "1,2024-04-01,10.00,支付宝",
    ),
    "empty.csv": "",
    "header_only.csv": BOM + crlf("plan_id,date,amount"),
    "unknown_column.csv": crlf("plan_id,date,amount,colour", "1,2024-04-01,10.00,red"),
    "missing_column.csv": crlf("name,model,principal,first_due", "A,flat,100,2024-06-01"),
    "bad_model.csv": crlf(
        "name,model,principal,periods,first_due",
        "A,balloon,100,3,2024-06-01",
        "B,flat,100,3,2024-06-01",
    ),
    "periods_zero.csv": crlf(
        "名称,计息方式,本金,期数,首次还款日",
        "零期,flat,100,0,2024-06-01",
        "太多,flat,100,361,2024-06-01",
        "半期,flat,100,1.5,2024-06-01",
    ),
    "overpayment.csv": crlf("plan_id,date,amount", "1,2024-04-01,100.00", "1,2024-04-02,99999.00"),
    "duplicate_ids.csv": crlf(
        "id,name,model,principal,periods,first_due",
        "1,A,flat,100,3,2024-06-01",
        "1,B,flat,200,3,2024-06-01",
    ),
    "future_payment.csv": crlf("plan_id,date,amount", "1,2024-05-11,10.00"),
    "installments_export.csv": BOM
    + crlf(
        "plan_id,plan_name,platform,period,periods,due_date,currency,principal,fee,total,paid,"
        "remaining,penalty,status,days_overdue",
        "1,A,,1,1,2024-01-31,CNY,300.00,21.60,321.60,0.00,321.60,0.00,overdue,100",
    ),
    "bad_quotes.csv": crlf(
        "plan_id,date,amount,note", "1,2024-04-01,10.00,ok", '1,2024-04-02,10.00,"open'
    ).rstrip("\r\n"),
    "closed_plan.csv": crlf("plan_id,date,amount", "5,2024-04-01,1.00"),
    "bad_currency.csv": crlf(
        "plan_id,date,amount,currency", "1,2024-04-01,10.00,USD", "1,2024-04-02,10.00,XYZ"
    ),
    "wrong_plan_name.csv": crlf("分期编号,分期名称,日期,金额", "1,小米13,2024-04-01,10.00"),
    "control_chars.csv": crlf("plan_id,date,amount,note", "1,2024-04-01,10.00,ring\x07bell"),
    "ambiguous_kind.csv": crlf("name,date", "A,2024-04-01"),
    "bad_custom.csv": crlf(
        "name,model,principal,periods,first_due,custom_amounts",
        "A,custom,1000,3,2024-06-01,300;300;300",
        "B,custom,1000,3,2024-06-01,400;400",
        "C,flat,1000,3,2024-06-01,400;400;400",
    ),
    "bad_flags.csv": crlf(
        "plan_id,date,amount,voided,kind", "1,2024-04-01,10.00,maybe,", "1,2024-04-02,10.00,,refund"
    ),
    "bad_plan_fields.csv": crlf(
        "name,model,principal,periods,first_due,rate_pct,grace_days,payoff_policy,remainder",
        "A,flat,100,3,2024-06-01,101,3,charge_all_fees,first",
        "B,flat,100,3,2024-06-01,0.6,-1,charge_all_fees,first",
        "C,flat,100,3,2024-06-01,0.6,3,never,middle",
    ),
    "unnamed_column.csv": crlf("plan_id,,amount,date", "1,x,10.00,2024-04-01"),
    "unnamed_last_column.csv": crlf(
        "plan_id,date,amount,", "1,2024-04-01,10.00,", "1,2024-04-02,10.00,x"
    ),
    "semicolons.csv": crlf("plan_id;date;amount", "1;2024-04-01;10,00"),
    "tabs.csv": crlf("名称\t计息方式\t本金\t期数\t首次还款日", "A\tflat\t100\t3\t2024-06-01"),
    "bad_schedule.csv": crlf(
        "name,model,principal,periods,first_due,schedule",
        "A,flat,1200,3,2024-06-01,400.00/7.20;400.00/7.20",
        "B,flat,1200,3,2024-06-01,400.00/7.20;400.00/7.20;399.99/7.20",
        "C,flat,1200,3,2024-06-01,400.00/7.20;400.00;400.00/7.20",
        "D,flat,1200,3,2024-06-01,400.00/7.20;400.00/-7.20;400.00/7.20",
        "E,flat,1200,3,2024-06-01,400.00/7.20;400.00/7.20;400.00/7.20;0.01/0.00",
        "F,flat,1200,3,2024-06-01,400.00/7.20@2024-02-30;400.00/7.20;400.00/7.20",
    ),
}

BYTES: dict[str, bytes] = {
    "mixed_encodings.csv": (
        b"plan_id,date,amount,method\r\n"
        + "1,2024-04-01,10.00,支付宝\r\n".encode()
        + "1,2024-04-02,10.00,微信支付\r\n".encode("gb18030")
    ),
    "undecodable.csv": (
        b"plan_id,date,amount,note\r\n1,2024-04-01,10.00,ok\r\n1,2024-04-02,10.00,\xff\xfe\xff\r\n"
    ),
    "nul_byte.csv": b"plan_id,date,amount\r\n1,2024-04-01,10.00\r\n1,2024-04-02,1\x000.00\r\n",
    "utf16.csv": "plan_id,date,amount\r\n1,2024-04-01,10.00\r\n".encode("utf-16"),
    "binary_junk.bin": bytes(b or 1 for b in random.Random(5).randbytes(600)),
    "gbk_bad_row.csv": ("分期编号,日期,金额,备注\r\n1,2024-04-01,十元,现金\r\n").encode("gbk"),
}


def main() -> None:
    for name in list(HERE.glob("*.csv")) + list(HERE.glob("*.bin")):
        name.unlink()
    for name, text in TEXT.items():
        (HERE / name).write_bytes(text.encode("utf-8"))
    for name, data in BYTES.items():
        (HERE / name).write_bytes(data)
    print(f"wrote {len(TEXT) + len(BYTES)} files to {HERE}")


if __name__ == "__main__":
    main()
