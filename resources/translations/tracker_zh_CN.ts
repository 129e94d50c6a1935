<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation>编辑账户</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新建账户</translation>
    </message>
    <message>
        <source>e.g. 招商银行信用卡 or 花呗</source>
        <translation>例如：招商银行信用卡 或 花呗</translation>
    </message>
    <message>
        <source>Month end</source>
        <translation>月末</translation>
    </message>
    <message>
        <source>On day of the month</source>
        <translation>每月固定日</translation>
    </message>
    <message>
        <source>Days after the statement</source>
        <translation>账单日后天数</translation>
    </message>
    <message>
        <source>optional, e.g. 50,000.00</source>
        <translation>选填，例如：50,000.00</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>optional, e.g. 10.00</source>
        <translation>选填，例如：10.00</translation>
    </message>
    <message>
        <source>e.g. 10</source>
        <translation>例如：10</translation>
    </message>
    <message>
        <source>e.g. 0.05</source>
        <translation>例如：0.05</translation>
    </message>
    <message>
        <source>e.g. 5 (0 = none)</source>
        <translation>例如：5（0 表示无）</translation>
    </message>
    <message>
        <source>e.g. 10.00</source>
        <translation>例如：10.00</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Statement day</source>
        <translation>账单日</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>还款日</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation>宽限期</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <source>Minimum payment (% of spending)</source>
        <translation>最低还款（消费的 %）</translation>
    </message>
    <message>
        <source>Interest on a part payment</source>
        <translation>未全额还款的计息</translation>
    </message>
    <message>
        <source>Daily interest rate (%)</source>
        <translation>日利率（%）</translation>
    </message>
    <message>
        <source>Late fee (% of the unpaid minimum)</source>
        <translation>违约金（未还最低额的 %）</translation>
    </message>
    <message>
        <source>Late fee at least</source>
        <translation>违约金最低</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>To save, fill in: %1</source>
        <translation>保存前请填写：%1</translation>
    </message>
    <message>
        <source>= %1% a year (× 365 days)</source>
        <translation>= 年化 %1%（× 365 天）</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账户</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>Credit card</source>
        <translation>信用卡</translation>
    </message>
    <message>
        <source>Huabei (花呗)</source>
        <translation>花呗</translation>
    </message>
    <message>
        <source>Baitiao (白条)</source>
        <translation>白条</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Unpaid part only, after the due date (花呗, 白条)</source>
        <translation>只对未还部分计息，自还款日次日起（花呗、白条）</translation>
    </message>
    <message>
        <source>Whole statement, from the purchase date (全额计息)</source>
        <translation>全额计息，自消费记账日起（银行信用卡）</translation>
    </message>
    <message>
        <source>month end</source>
        <translation>月末</translation>
    </message>
    <message>
        <source>day %1</source>
        <translation>每月 %1 日</translation>
    </message>
    <message>
        <source>statement + %1 days</source>
        <translation>账单日后 %1 天</translation>
    </message>
    <message>
        <source>day %1 after the statement</source>
        <translation>账单日后的 %1 日</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>A card or platform (信用卡, 花呗, 白条) gathers its plans into one monthly bill.</source>
        <translation>一张卡或一个平台（信用卡、花呗、白条）把它的分期汇总成每月一张账单。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>账单日</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>还款日</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>分期数</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Bill…</source>
        <translation>账单(&amp;B)…</translation>
    </message>
    <message>
        <source>Delete the account “%1”?</source>
        <translation>删除账户“%1”吗？</translation>
    </message>
    <message>
        <source>Edit ▸ Undo (Ctrl+Z) brings it back.</source>
        <translation>可通过 编辑 ▸ 撤销（Ctrl+Z）恢复。</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>删除账户</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Today&apos;s backup was not made: %1</source>
        <translation>今天的自动备份未完成：%1</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>Read-only database</source>
        <translation>只读数据库</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>没有可重做的操作。</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Made by you</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Before an upgrade (schema %1)</source>
        <translation>升级前（数据结构 %1）</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Choose a backup to restore. It replaces your current data; the current data is kept as a backup first.</source>
        <translation>选择要恢复的备份。恢复会替换当前的数据；当前数据会先保存为一份备份。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>还款</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>No backups yet. Use “Choose a file…” for a backup elsewhere.</source>
        <translation>还没有备份。其他位置的备份请用“选择文件…”。</translation>
    </message>
    <message>
        <source>Choose a &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <source>Backups (*.sqlite3 *.db);;All files (*)</source>
        <translation>备份 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>The backup was not made; the database was left unchanged.</source>
        <translation>未能完成备份；数据库未作任何改动。</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <source>Restored the backup of %1: %2, %3.</source>
        <translation>已恢复 %1 的备份：%2、%3。</translation>
    </message>
    <message>
        <source>%n plans</source>
        <translation>%n 笔分期</translation>
    </message>
    <message>
        <source>%n payments</source>
        <translation>%n 笔还款</translation>
    </message>
    <message>
        <source>Your previous data was kept as %1</source>
        <translation>原来的数据已保存为 %1</translation>
    </message>
    <message>
        <source>The unusable file was kept aside, unchanged, as %1</source>
        <translation>无法使用的文件已原样移到一旁：%1</translation>
    </message>
    <message>
        <source>The check after the restore found problems; run “tracker check”.</source>
        <translation>恢复后的检查发现问题；请运行“tracker check”。</translation>
    </message>
    <message>
        <source>Restore %1?

This replaces your current data; the current data is kept as a backup.</source>
        <translation>恢复 %1？

这会替换当前的数据；当前数据会保存为一份备份。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>BillDialog</name>
    <message>
        <source>Statement of</source>
        <translation>账单月份</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>from the statement, e.g. 3,000.00</source>
        <translation>按账单填写，例如：3,000.00</translation>
    </message>
    <message>
        <source>Ordinary spending</source>
        <translation>普通消费</translation>
    </message>
    <message>
        <source>Installments</source>
        <translation>分期还款</translation>
    </message>
    <message>
        <source>Total due</source>
        <translation>应还总额</translation>
    </message>
    <message>
        <source>Minimum payment</source>
        <translation>最低还款额</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>还款日</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>What if I pay only the minimum?</source>
        <translation>如果只还最低还款额？</translation>
    </message>
    <message>
        <source>Pay now</source>
        <translation>先还</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>还款日期</translation>
    </message>
    <message>
        <source>The rest paid on</source>
        <translation>余额还清日期</translation>
    </message>
    <message>
        <source>Reconcile with the lender&apos;s statement</source>
        <translation>与机构账单核对</translation>
    </message>
    <message>
        <source>the statement&apos;s total, e.g. 2,345.67</source>
        <translation>账单上的总额，例如：2,345.67</translation>
    </message>
    <message>
        <source>Statement amount</source>
        <translation>账单金额</translation>
    </message>
    <message>
        <source>&amp;Pay bill…</source>
        <translation>还账单(&amp;P)…</translation>
    </message>
    <message>
        <source>Bill: %1</source>
        <translation>账单：%1</translation>
    </message>
    <message>
        <source>statement date %1, due %2</source>
        <translation>账单日 %1，还款日 %2</translation>
    </message>
    <message>
        <source>Period %1 of %2</source>
        <translation>第 %1/%2 期</translation>
    </message>
    <message>
        <source>the minimum, %1</source>
        <translation>最低还款额 %1</translation>
    </message>
    <message>
        <source>Not issued yet (statement on %1)</source>
        <translation>尚未出账（账单日 %1）</translation>
    </message>
    <message>
        <source>No installments on this statement</source>
        <translation>本期账单没有分期</translation>
    </message>
    <message>
        <source>Installments paid</source>
        <translation>分期已还清</translation>
    </message>
    <message>
        <source>Overdue: %1 of installments unpaid</source>
        <translation>已逾期：分期还有 %1 未还</translation>
    </message>
    <message>
        <source>To pay: %1 of installments unpaid</source>
        <translation>待还：分期还有 %1 未还</translation>
    </message>
    <message>
        <source>Save statement</source>
        <translation>保存账单信息</translation>
    </message>
    <message>
        <source>%1 × %2 days from %3</source>
        <translation>%1 × %2 天，自 %3 起</translation>
    </message>
    <message>
        <source>Interest %1 + late fee %2 = %3</source>
        <translation>利息 %1 + 违约金 %2 = %3</translation>
    </message>
    <message>
        <source>Paid in full by the due date: no interest, no late fee.</source>
        <translation>到期前全额还款：无利息，无违约金。</translation>
    </message>
    <message>
        <source>Type the total on the lender&apos;s statement to check it.</source>
        <translation>输入机构账单上的总额以核对。</translation>
    </message>
    <message>
        <source>Statement %1, your plans %2, difference %3</source>
        <translation>账单 %1，您的分期 %2，差额 %3</translation>
    </message>
    <message>
        <source>The statement matches your plans.</source>
        <translation>账单与您的分期一致。</translation>
    </message>
    <message>
        <source>%1, period %2: %3 (%4)</source>
        <translation>%1 第 %2 期：%3（%4）</translation>
    </message>
    <message>
        <source>Pay bill</source>
        <translation>还账单</translation>
    </message>
    <message>
        <source>Pay %1 on %2 towards the bill of %3 due %4?</source>
        <translation>于 %2 为 %3 的账单（还款日 %4）还款 %1 吗？</translation>
    </message>
    <message>
        <source>One payment is recorded on each plan the bill carries, oldest due first.</source>
        <translation>账单中的每个分期各记录一笔还款，先还最早到期的。</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>还款</translation>
    </message>
    <message>
        <source>Pay bill of %1</source>
        <translation>还 %1 的账单</translation>
    </message>
    <message>
        <source>Paid %1 towards the bill of %2</source>
        <translation>已为 %2 的账单还款 %1</translation>
    </message>
    <message>
        <source>Recorded %1.</source>
        <translation>已记录 %1。</translation>
    </message>
    <message>
        <source>%1 is left for the ordinary spending (the tracker does not track it).</source>
        <translation>剩余 %1 用于普通消费（本软件不记录普通消费）。</translation>
    </message>
</context>
<context>
    <name>CalendarScreen</name>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>记录还款…</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>应还金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Bill · 1 installment</source>
        <translation>账单 · 1 笔分期</translation>
    </message>
    <message>
        <source>Bill · %1 installments</source>
        <translation>账单 · %1 笔分期</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>penalty %1</source>
        <translation>罚息 %1</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>This month: %1 scheduled, %2 still due, including %3 penalty</source>
        <translation>本月：应还 %1，尚待还 %2，其中罚息 %3</translation>
    </message>
    <message>
        <source>This month: %1 scheduled, %2 still due</source>
        <translation>本月：应还 %1，尚待还 %2</translation>
    </message>
    <message>
        <source>Click a day to see its installments.</source>
        <translation>点击某一天查看当日到期的分期。</translation>
    </message>
    <message>
        <source>Due on %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <source>Nothing due on %1</source>
        <translation>%1 无到期款项</translation>
    </message>
    <message>
        <source>Nothing to pay</source>
        <translation>没有待还款项</translation>
    </message>
    <message>
        <source>Click a day, then select one of its unpaid installments.</source>
        <translation>请先点击某一天，再选中当天一期未还的款项。</translation>
    </message>
</context>
<context>
    <name>Charge</name>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>Interest rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Fee rate</source>
        <translation>费率</translation>
    </message>
    <message>
        <source>Total interest</source>
        <translation>总利息</translation>
    </message>
    <message>
        <source>Total fee</source>
        <translation>总手续费</translation>
    </message>
    <message>
        <source>Interest charged:</source>
        <translation>计收利息：</translation>
    </message>
    <message>
        <source>Fees charged:</source>
        <translation>计收手续费：</translation>
    </message>
    <message>
        <source>Interest waived:</source>
        <translation>减免利息：</translation>
    </message>
    <message>
        <source>Fees waived:</source>
        <translation>减免手续费：</translation>
    </message>
    <message>
        <source>Remaining principal + interest already due</source>
        <translation>剩余本金 + 已到期利息</translation>
    </message>
    <message>
        <source>Remaining principal + fees already due</source>
        <translation>剩余本金 + 已到期手续费</translation>
    </message>
    <message>
        <source>Remaining principal + interest due + %1 of the principal</source>
        <translation>剩余本金 + 已到期利息 + 本金的 %1</translation>
    </message>
    <message>
        <source>Remaining principal + fees due + %1 of the principal</source>
        <translation>剩余本金 + 已到期手续费 + 本金的 %1</translation>
    </message>
    <message>
        <source>Remaining principal + all remaining interest</source>
        <translation>剩余本金 + 全部剩余利息</translation>
    </message>
    <message>
        <source>Remaining principal + all remaining fees</source>
        <translation>剩余本金 + 全部剩余手续费</translation>
    </message>
    <message>
        <source>Waive interest not yet due</source>
        <translation>未到期利息全部减免</translation>
    </message>
    <message>
        <source>Waive fees not yet due</source>
        <translation>未到期手续费全部减免</translation>
    </message>
    <message>
        <source>Interest due plus %1 of the remaining principal</source>
        <translation>已到期利息加剩余本金的 %1</translation>
    </message>
    <message>
        <source>Fees due plus %1 of the remaining principal</source>
        <translation>已到期手续费加剩余本金的 %1</translation>
    </message>
    <message>
        <source>Charge all remaining interest</source>
        <translation>收取全部剩余利息</translation>
    </message>
    <message>
        <source>Charge all remaining fees</source>
        <translation>收取全部剩余手续费</translation>
    </message>
    <message>
        <source>Pay all remaining interest</source>
        <translation>支付全部剩余利息</translation>
    </message>
    <message>
        <source>Pay only interest already due</source>
        <translation>只付已到期的利息</translation>
    </message>
    <message>
        <source>Interest due + a % of the principal</source>
        <translation>已到期利息 + 本金的一定比例</translation>
    </message>
    <message>
        <source>Pay all remaining fees</source>
        <translation>支付全部剩余手续费</translation>
    </message>
    <message>
        <source>Pay only fees already due</source>
        <translation>只付已到期的手续费</translation>
    </message>
    <message>
        <source>Fees due + a % of the principal</source>
        <translation>已到期手续费 + 本金的一定比例</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>In grace period</source>
        <translation>宽限期内</translation>
    </message>
    <message>
        <source>Past due</source>
        <translation>已过还款日</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>%1 = month name, %2 = year</comment>
        <translation>%2年%1</translation>
    </message>
    <message>
        <source>Due per month</source>
        <translation>每月应还</translation>
    </message>
    <message>
        <source>Balance owed</source>
        <translation>待还余额</translation>
    </message>
    <message>
        <source>Nothing left to pay</source>
        <translation>已无待还款项</translation>
    </message>
    <message>
        <source>Other plans</source>
        <translation>其他分期</translation>
    </message>
</context>
<context>
    <name>Currency</name>
    <message>
        <source>Chinese yuan</source>
        <translation>人民币</translation>
    </message>
    <message>
        <source>Hong Kong dollar</source>
        <translation>港币</translation>
    </message>
    <message>
        <source>New Taiwan dollar</source>
        <translation>新台币</translation>
    </message>
    <message>
        <source>Macanese pataca</source>
        <translation>澳门元</translation>
    </message>
    <message>
        <source>US dollar</source>
        <translation>美元</translation>
    </message>
    <message>
        <source>Euro</source>
        <translation>欧元</translation>
    </message>
    <message>
        <source>Pound sterling</source>
        <translation>英镑</translation>
    </message>
    <message>
        <source>Singapore dollar</source>
        <translation>新加坡元</translation>
    </message>
    <message>
        <source>Australian dollar</source>
        <translation>澳元</translation>
    </message>
    <message>
        <source>Canadian dollar</source>
        <translation>加元</translation>
    </message>
    <message>
        <source>Japanese yen</source>
        <translation>日元</translation>
    </message>
    <message>
        <source>South Korean won</source>
        <translation>韩元</translation>
    </message>
    <message>
        <source>Kuwaiti dinar</source>
        <translation>科威特第纳尔</translation>
    </message>
</context>
<context>
    <name>DebtTools</name>
    <message>
        <source>Installments only</source>
        <translation>只按期还款</translation>
    </message>
    <message>
        <source>With the extra budget</source>
        <translation>加上额外还款</translation>
    </message>
    <message>
        <source>Plan to be debt-free</source>
        <translation>还清计划</translation>
    </message>
    <message>
        <source>Highest APR first (avalanche: cheapest)</source>
        <translation>年化利率最高的先还（雪崩法：最省钱）</translation>
    </message>
    <message>
        <source>Smallest balance first (snowball: quickest wins)</source>
        <translation>余额最少的先还（雪球法：最快见效）</translation>
    </message>
    <message>
        <source>Extra each &amp;month:</source>
        <translation>每月额外还款(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>还款顺序(&amp;O)：</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>APR</source>
        <translation>年化利率</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>剩余本金</translation>
    </message>
    <message>
        <source>Repaid on</source>
        <translation>还清日期</translation>
    </message>
    <message>
        <source>Without extra</source>
        <translation>不额外还款时</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Type what you can pay each month on top of your installments.</source>
        <translation>请输入每月在按期还款之外还能多还的金额。</translation>
    </message>
    <message>
        <source>No open plans: nothing to plan.</source>
        <translation>没有未结清的分期，无需计划。</translation>
    </message>
    <message>
        <source>Not debt-free within 40 years at this budget.</source>
        <translation>按这个预算，40 年内无法还清。</translation>
    </message>
    <message>
        <source>Debt-free on {date}, {months} months sooner; saves {saved}.</source>
        <translation>{date} 还清全部欠款，提前 {months} 个月；共节省 {saved}。</translation>
    </message>
    <message>
        <source>Export the plan</source>
        <translation>导出还清计划</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Prepay part of a loan</source>
        <translation>部分提前还款</translation>
    </message>
    <message>
        <source>&amp;Amount to prepay:</source>
        <translation>提前还款金额(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Keep the term, lower the payment (减少月供)</source>
        <translation>期限不变，减少月供</translation>
    </message>
    <message>
        <source>Keep the payment, shorten the term (缩短期限)</source>
        <translation>月供不变，缩短期限</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>月供</translation>
    </message>
    <message>
        <source>Periods left</source>
        <translation>剩余期数</translation>
    </message>
    <message>
        <source>Last payment</source>
        <translation>最后一期</translation>
    </message>
    <message>
        <source>Interest left</source>
        <translation>剩余利息</translation>
    </message>
    <message>
        <source>Interest saved</source>
        <translation>节省利息</translation>
    </message>
    <message>
        <source>Nothing is recorded until you choose Record prepayment.</source>
        <translation>选择“记录提前还款”之前不会记录任何内容。</translation>
    </message>
    <message>
        <source>&amp;Record prepayment…</source>
        <translation>记录提前还款(&amp;R)…</translation>
    </message>
    <message>
        <source>The lender&apos;s choice:</source>
        <translation>贷款方的方式：</translation>
    </message>
    <message>
        <source>Type the amount you want to prepay.</source>
        <translation>请输入想提前还款的金额。</translation>
    </message>
    <message>
        <source>Balance {before} → {after}</source>
        <translation>剩余本金 {before} → {after}</translation>
    </message>
    <message>
        <source>Without prepaying, the interest left is {interest}.</source>
        <translation>不提前还款，剩余利息为 {interest}。</translation>
    </message>
    <message>
        <source>Record a prepayment of {amount} on {date}? {choice}: {periods} × {payment} until {last}, interest left {interest}. The schedule from that date is regenerated; paid periods stay as they are.</source>
        <translation>记录 {date} 提前还款 {amount}？{choice}：{periods} 期 × {payment}，至 {last}，剩余利息 {interest}。从该日起重新生成还款计划；已还的期数保持不变。</translation>
    </message>
    <message>
        <source>Record prepayment</source>
        <translation>记录提前还款</translation>
    </message>
    <message>
        <source>Prepayment of {amount}</source>
        <translation>提前还款 {amount}</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Plan to be &amp;debt-free…</source>
        <translation>还清计划(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Prepay part of a loan…</source>
        <translation>部分提前还款(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Accounts and bills…</source>
        <translation>账户与账单(&amp;A)…</translation>
    </message>
    <message>
        <source>Select a loan (equal installments or equal principal) on the Plans tab first.</source>
        <translation>请先在“分期”页选择一笔贷款（等额本息或等额本金）。</translation>
    </message>
</context>
<context>
    <name>DueList</name>
    <message>
        <source>Nothing needs attention. You are all caught up.</source>
        <translation>暂无需要处理的款项，一切正常。</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message numerus="yes">
        <source>Overdue, in grace, or due within %n days</source>
        <translation>
            <numerusform>逾期、宽限期内或 %n 天内到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Pay all overdue</source>
        <translation>还清全部逾期</translation>
    </message>
    <message>
        <source>Record one payment of %1 for the overdue periods of %2</source>
        <translation>为 %2 的逾期各期记录一笔 %1 的还款</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>记录还款</translation>
    </message>
    <message>
        <source>Pay the bill of %1</source>
        <translation>还 %1 的账单</translation>
    </message>
    <message>
        <source>Record a payment on %1</source>
        <translation>为“%1”记录还款</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>unknown currency {code!r}; accepted: {known}</source>
        <translation>未知的货币“{code}”；可用的货币：{known}</translation>
    </message>
    <message>
        <source>the last month ({last}) is before the first ({first})</source>
        <translation>结束月份（{last}）早于开始月份（{first}）</translation>
    </message>
    <message>
        <source>at most {count} months can be printed at once</source>
        <translation>一次最多只能打印 {count} 个月</translation>
    </message>
    <message>
        <source>a positive amount with at most {digits} decimal places, e.g. 3600 or 3,600.00</source>
        <translation>大于零、最多 {digits} 位小数的金额，例如 3600 或 3,600.00</translation>
    </message>
    <message>
        <source>a positive amount with at most 0 decimal places, e.g. 3600</source>
        <translation>大于零的整数金额，例如 3600</translation>
    </message>
    <message>
        <source>an amount is required; enter {accepted}</source>
        <translation>金额为必填项，请输入{accepted}</translation>
    </message>
    <message>
        <source>{text!r} is not an amount; enter {accepted}</source>
        <translation>“{text}”不是有效的金额，请输入{accepted}</translation>
    </message>
    <message>
        <source>{text!r} has more than {digits} decimal places for {code}; enter {accepted}</source>
        <translation>“{text}”的小数位数超过了 {code} 允许的 {digits} 位，请输入{accepted}</translation>
    </message>
    <message>
        <source>{text!r} is negative; enter {accepted}</source>
        <translation>“{text}”是负数，请输入{accepted}</translation>
    </message>
    <message>
        <source>the amount must be more than zero; enter {accepted}</source>
        <translation>金额必须大于零，请输入{accepted}</translation>
    </message>
    <message>
        <source>{text!r} is too large; the most accepted is {most:,}</source>
        <translation>“{text}”太大了，最多只能是 {most:,}</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>费率</translation>
    </message>
    <message>
        <source>penalty rate</source>
        <translation>罚息利率</translation>
    </message>
    <message>
        <source>payoff penalty</source>
        <translation>提前结清违约金比例</translation>
    </message>
    <message>
        <source>payoff charge</source>
        <translation>提前结清违约金比例</translation>
    </message>
    <message>
        <source>a percentage from 0 to 100, e.g. 0.6 or 0.6%</source>
        <translation>0 到 100 之间的百分数，例如 0.6 或 0.6%</translation>
    </message>
    <message>
        <source>a {what} is required; enter {accepted}</source>
        <translation>{what}为必填项，请输入{accepted}</translation>
    </message>
    <message>
        <source>the {what} {text!r} is negative; enter {accepted}</source>
        <translation>{what}“{text}”是负数，请输入{accepted}</translation>
    </message>
    <message>
        <source>{text!r} is not a {what}; enter {accepted}</source>
        <translation>“{text}”不是有效的{what}，请输入{accepted}</translation>
    </message>
    <message>
        <source>the {what} {text!r} is above 100%; enter {accepted}</source>
        <translation>{what}“{text}”超过了 100%，请输入{accepted}</translation>
    </message>
    <message>
        <source>{text!r} is not a number of periods; enter a whole number 1 to 360</source>
        <translation>“{text}”不是有效的期数，请输入 1 到 360 之间的整数</translation>
    </message>
    <message>
        <source>{n} periods is out of range; enter a whole number from 1 to 360</source>
        <translation>{n} 期超出了范围，请输入 1 到 360 之间的整数</translation>
    </message>
    <message>
        <source>principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>upfront_fee</source>
        <translation>前置手续费</translation>
    </message>
    <message>
        <source>down_payment</source>
        <translation>首付</translation>
    </message>
    <message>
        <source>{name} must be an integer number of minor units</source>
        <translation>{name}必须是以最小货币单位（如分）计的整数</translation>
    </message>
    <message>
        <source>{name} must be from 0 to {most:,} {currency}</source>
        <translation>{name}必须在 0 到 {most:,} {currency} 之间</translation>
    </message>
    <message>
        <source>the principal must be more than zero</source>
        <translation>本金必须大于零</translation>
    </message>
    <message>
        <source>the upfront fee must be less than the principal it finances</source>
        <translation>前置手续费必须小于分期的本金</translation>
    </message>
    <message>
        <source>the number of periods must be a whole number from 1 to 360</source>
        <translation>期数必须是 1 到 360 之间的整数</translation>
    </message>
    <message>
        <source>the number of periods must be from 1 to 360</source>
        <translation>期数必须在 1 到 360 之间</translation>
    </message>
    <message>
        <source>the last due date would be after 9999-12-31; enter an earlier first due date</source>
        <translation>最后一期还款日将晚于 9999-12-31；请填写更早的首次还款日</translation>
    </message>
    <message>
        <source>the rate must be a finite Decimal fraction</source>
        <translation>费率必须是有限的小数</translation>
    </message>
    <message>
        <source>the rate must be from 0% to 100%</source>
        <translation>费率必须在 0% 到 100% 之间</translation>
    </message>
    <message>
        <source>per-period amounts are only for custom plans</source>
        <translation>只有“自定义金额”的分期才能填写每期金额</translation>
    </message>
    <message>
        <source>a custom plan needs one amount per period: {periods} periods, {count} amounts given</source>
        <translation>自定义金额的分期每期需要一个金额：共 {periods} 期，却填写了 {count} 个金额</translation>
    </message>
    <message>
        <source>every per-period amount must be more than zero</source>
        <translation>每期金额都必须大于零</translation>
    </message>
    <message>
        <source>a per-period amount is above {most:,}</source>
        <translation>有一期的金额超过了 {most:,}</translation>
    </message>
    <message>
        <source>the per-period amounts add up to less than the principal; they must cover the principal (the difference is the fee)</source>
        <translation>每期金额合计少于本金；合计必须覆盖本金（超出本金的部分即为手续费）</translation>
    </message>
    <message>
        <source>{paid} periods are already paid; the plan must keep more than {paid} periods</source>
        <translation>已有 {paid} 期还清，分期的期数必须多于 {paid} 期</translation>
    </message>
    <message>
        <source>the new principal is less than the principal already repaid</source>
        <translation>新的本金少于已归还的本金</translation>
    </message>
    <message>
        <source>the remaining per-period amounts do not cover the unpaid principal</source>
        <translation>剩余各期金额合计不足以覆盖未还本金</translation>
    </message>
    <message>
        <source>the {code} calendar has no working day within {days} days after {day}</source>
        <translation>{code} 日历在 {day} 之后 {days} 天内没有工作日</translation>
    </message>
    <message>
        <source>unknown holiday calendar {code!r}: use a two-letter country code such as CN, US, GB, DE or JP</source>
        <translation>未知的节假日日历 {code!r}：请使用两个字母的国家/地区代码，例如 CN、US、GB、DE 或 JP</translation>
    </message>
    <message>
        <source>{text!r} is not a country code; use two letters such as CN, or leave it blank</source>
        <translation>{text!r} 不是国家/地区代码；请填写两个字母，例如 CN，或留空</translation>
    </message>
    <message>
        <source>nothing was financed once the upfront fee is taken off</source>
        <translation>扣除前置手续费后，实际到手的金额为零</translation>
    </message>
    <message>
        <source>a payment must be more than zero</source>
        <translation>还款金额必须大于零</translation>
    </message>
    <message>
        <source>the payment of {amount} is more than the remaining balance of {balance} on {date}</source>
        <translation>还款金额 {amount} 超过了 {date} 的待还余额 {balance}</translation>
    </message>
    <message>
        <source>a plan needs a name, e.g. &apos;Xiaomi 14&apos; or &apos;花呗 - 冰箱&apos;</source>
        <translation>请为分期填写名称，例如“小米 14”或“花呗 - 冰箱”</translation>
    </message>
    <message>
        <source>the name is longer than {most} characters</source>
        <translation>名称超过了 {most} 个字符</translation>
    </message>
    <message>
        <source>the {what} contains a control character (such as NUL); remove it</source>
        <translation>{what}含有控制字符（如 NUL），请删除</translation>
    </message>
    <message>
        <source>the {what} is not valid text (bytes that are not UTF-8, e.g. GBK); enter it again as UTF-8</source>
        <translation>{what}不是有效的文本（含有非 UTF-8 字节，例如 GBK），请以 UTF-8 重新输入</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>the notes are longer than {most} characters</source>
        <translation>备注超过了 {most} 个字符</translation>
    </message>
    <message>
        <source>grace days must be a whole number from 0 to 365</source>
        <translation>宽限期天数必须是 0 到 365 之间的整数</translation>
    </message>
    <message>
        <source>the tolerance cannot be negative</source>
        <translation>容差不能为负数</translation>
    </message>
    <message>
        <source>the {what} must be from 0% to 100%</source>
        <translation>{what}必须在 0% 到 100% 之间</translation>
    </message>
    <message>
        <source>there is no plan with id {id}</source>
        <translation>不存在编号为 {id} 的分期</translation>
    </message>
    <message>
        <source>the payments so far ({paid}) are more than the edited plan&apos;s total ({total})</source>
        <translation>已还金额（{paid}）超过了修改后分期的应还总额（{total}）</translation>
    </message>
    <message>
        <source>this plan is paid off; its terms can no longer change</source>
        <translation>该分期已结清，条款不能再修改</translation>
    </message>
    <message>
        <source>the periods already paid must be a whole number from 0 to {periods}</source>
        <translation>已还期数必须是 0 到 {periods} 之间的整数</translation>
    </message>
    <message>
        <source>period {period} is due on {due}, after {as_of}: only periods due by then can be paid before tracking; enter 0 to {most} (record later payments as payments)</source>
        <translation>第 {period} 期的还款日是 {due}，晚于 {as_of}：只有在此之前到期的期数才能记为记账前已还；请输入 0 到 {most}（之后的还款请记录为还款）</translation>
    </message>
    <message>
        <source>this plan is paid off; the periods paid before tracking can no longer change</source>
        <translation>此分期已结清，记账前已还的期数不能再修改</translation>
    </message>
    <message>
        <source>periods can be paid before tracking only as of a date</source>
        <translation>记账前已还的期数需要一个日期才能记录</translation>
    </message>
    <message>
        <source>{count} periods cannot be marked paid before tracking: {reason}</source>
        <translation>无法将 {count} 期记为记账前已还：{reason}</translation>
    </message>
    <message>
        <source>the first due date is in the past and the file does not say how many periods were paid: the {count} due before {as_of} are recorded as paid before tracking (a paid_periods column sets another number)</source>
        <translation>首次还款日已过，文件未写明已还期数：{as_of} 之前到期的 {count} 期记为记账前已还（可用 paid_periods（已还期数）列指定其他数目）</translation>
    </message>
    <message>
        <source>number of periods</source>
        <translation>期数</translation>
    </message>
    <message>
        <source>method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>plan {id} ({name}) is paid off; nothing is owed</source>
        <translation>分期 {id}（{name}）已结清，无待还款项</translation>
    </message>
    <message>
        <source>the date {date} is in the future; a payment is recorded on or after the day it is made</source>
        <translation>日期 {date} 晚于今天；还款只能在实际还款当天或之后记录</translation>
    </message>
    <message>
        <source>the {what} is longer than {most} characters</source>
        <translation>{what}超过了 {most} 个字符</translation>
    </message>
    <message>
        <source>there is no payment with id {id}</source>
        <translation>不存在编号为 {id} 的还款</translation>
    </message>
    <message>
        <source>payment {id} is already voided</source>
        <translation>还款 {id} 已作废</translation>
    </message>
    <message>
        <source>a payment dated {date} is already recorded; pay off on or after that date</source>
        <translation>已记录了一笔 {date} 的还款；提前结清日期不能早于该日期</translation>
    </message>
    <message>
        <source>nothing is owed on plan {id}</source>
        <translation>分期 {id} 没有待还款项</translation>
    </message>
    <message>
        <source>the payoff did not settle the plan; nothing was recorded</source>
        <translation>提前结清未能还清该分期；未记录任何内容</translation>
    </message>
    <message>
        <source>the window must be zero or more days</source>
        <translation>天数不能小于零</translation>
    </message>
    <message>
        <source>the reminder window must be zero or more days</source>
        <translation>提醒提前天数不能小于零</translation>
    </message>
    <message>
        <source>the range ends ({end}) before it starts ({start})</source>
        <translation>结束日期（{end}）早于开始日期（{start}）</translation>
    </message>
    <message>
        <source>no plans to remove</source>
        <translation>没有要删除的分期</translation>
    </message>
    <message>
        <source>a date range selects payments (by date) and installments (by due date), not plans; export all plans or one with --plan</source>
        <translation>日期范围只用于筛选还款（按还款日期）和各期（按到期日），不能筛选分期；请导出全部分期，或用 --plan 导出单个分期</translation>
    </message>
    <message>
        <source>unknown export {kind!r}; choose {choices}</source>
        <translation>未知的导出类型“{kind}”；可选：{choices}</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>no file to import</source>
        <translation>没有要导入的文件</translation>
    </message>
    <message>
        <source>the check after the import found {count} problem(s), the first: {first}; nothing was imported</source>
        <translation>导入后的检查发现 {count} 个问题，第一个：{first}；没有导入任何内容</translation>
    </message>
    <message>
        <source>{n} problem on {lines} line of {files}; nothing was imported</source>
        <translation>{files} 中有 {n} 个问题（共 {lines} 行），未导入任何内容</translation>
    </message>
    <message>
        <source>{n} problems on {lines} line of {files}; nothing was imported</source>
        <translation>{files} 中有 {n} 个问题（共 {lines} 行），未导入任何内容</translation>
    </message>
    <message>
        <source>{n} problems on {lines} lines of {files}; nothing was imported</source>
        <translation>{files} 中有 {n} 个问题（共 {lines} 行），未导入任何内容</translation>
    </message>
    <message>
        <source>{file} line {line}</source>
        <translation>{file} 第 {line} 行</translation>
    </message>
    <message>
        <source>{file} line {line} has an error</source>
        <translation>{file} 第 {line} 行有错误</translation>
    </message>
    <message>
        <source>plan id {id} is also on {where}</source>
        <translation>{where}已使用过分期编号 {id}</translation>
    </message>
    <message>
        <source>plan {key} is not imported ({reason})</source>
        <translation>分期 {key} 未导入（{reason}）</translation>
    </message>
    <message>
        <source>there is no plan {key}, neither in the database nor in the import</source>
        <translation>数据库和本次导入中都没有分期 {key}</translation>
    </message>
    <message>
        <source>this payment is already recorded (payment {payment} of plan {plan}); remove the row, or give it a note if it is another payment</source>
        <translation>这笔还款已经记录过（分期 {plan} 的还款 {payment}）；请删除这一行；如果确实是另一笔还款，请为它填写备注</translation>
    </message>
    <message>
        <source>paying plan {plan} off on {date} costs {quote} under its policy, not {amount}</source>
        <translation>按分期 {plan} 的结清规则，{date} 提前结清应付 {quote}，而不是 {amount}</translation>
    </message>
    <message>
        <source>plan id {key} is taken in the database; this plan gets id {id}, and the payments of this import that name plan {key} go to it</source>
        <translation>数据库中已有编号为 {key} 的分期；此分期将使用编号 {id}，本次导入中指向分期 {key} 的还款也会记到它名下</translation>
    </message>
    <message>
        <source>plan {id} ({name}) in the database has the same name, platform, model, principal, periods and first due date; this adds a second one (remove the row if the file was imported before)</source>
        <translation>数据库中的分期 {id}（{name}）与此行的名称、平台、计息方式、本金、期数和首期还款日都相同；导入后会多出一个相同的分期（如果该文件以前导入过，请删除这一行）</translation>
    </message>
    <message>
        <source>payment id {key} is taken in the database; this payment gets id {id}</source>
        <translation>数据库中已有编号为 {key} 的还款；此笔还款将使用编号 {id}</translation>
    </message>
    <message>
        <source>the file is larger than {mb} MB</source>
        <translation>文件超过了 {mb} MB</translation>
    </message>
    <message>
        <source>the file is UTF-16; save it as CSV UTF-8 (or GBK) instead</source>
        <translation>文件是 UTF-16 编码；请改存为 CSV UTF-8（或 GBK）格式</translation>
    </message>
    <message>
        <source>contains a NUL byte; not a text CSV file</source>
        <translation>含有 NUL 字节，不是文本格式的 CSV 文件</translation>
    </message>
    <message>
        <source>contains the control character U+{code}; not a text file</source>
        <translation>含有控制字符 U+{code}，不是文本文件</translation>
    </message>
    <message>
        <source>mixed encodings: this line is not UTF-8 but line(s) {lines} are; save the whole file as CSV UTF-8</source>
        <translation>编码混杂：此行不是 UTF-8 编码，第 {lines} 行却是；请将整个文件另存为 CSV UTF-8</translation>
    </message>
    <message>
        <source>bytes that are neither UTF-8 nor GBK/GB18030; save the file as CSV UTF-8</source>
        <translation>含有既非 UTF-8 也非 GBK/GB18030 编码的字节；请将文件另存为 CSV UTF-8</translation>
    </message>
    <message>
        <source>not valid CSV ({reason})</source>
        <translation>不是有效的 CSV（{reason}）</translation>
    </message>
    <message>
        <source>an amount has a comma in a file separated by semicolons, where it may be a decimal comma or a thousands separator; write amounts with a decimal point and no grouping, e.g. 3600.00</source>
        <translation>以分号分隔的文件中金额含有逗号，无法确定是小数点还是千位分隔符；请用小数点书写金额且不加分组，例如 3600.00</translation>
    </message>
    <message>
        <source>this is an installments export; installments are computed from their plans, so import the plans (and payments) files instead</source>
        <translation>这是导出的各期明细文件；各期由所属分期计算得出，请改为导入分期文件（及还款文件）</translation>
    </message>
    <message>
        <source>cannot tell what this file holds: a plans file has a principal (本金) column, a payments file an amount (金额) column</source>
        <translation>无法判断此文件的内容：分期文件有“本金”（principal）列，还款文件有“金额”（amount）列</translation>
    </message>
    <message>
        <source>column {n} has no name</source>
        <translation>第 {n} 列没有列名</translation>
    </message>
    <message>
        <source>unknown column {name!r}</source>
        <translation>未知的列“{name}”</translation>
    </message>
    <message>
        <source>column {name!r} repeats {key!r}</source>
        <translation>列“{name}”与列“{key}”重复</translation>
    </message>
    <message>
        <source>missing required column(s): {columns}</source>
        <translation>缺少必需的列：{columns}</translation>
    </message>
    <message>
        <source>{problem} (the columns of a plans file are: {columns})</source>
        <translation>{problem}（分期文件的列为：{columns}）</translation>
    </message>
    <message>
        <source>{problem} (the columns of a payments file are: {columns})</source>
        <translation>{problem}（还款文件的列为：{columns}）</translation>
    </message>
    <message>
        <source>the file is empty; expected a header row and data rows</source>
        <translation>文件是空的；应有一行表头和若干数据行</translation>
    </message>
    <message>
        <source>the first line must be the header row</source>
        <translation>第一行必须是表头</translation>
    </message>
    <message>
        <source>{count} cells but the header has {width} columns</source>
        <translation>有 {count} 个单元格，但表头有 {width} 列</translation>
    </message>
    <message>
        <source>{count} cells but the header has only {width} columns</source>
        <translation>有 {count} 个单元格，但表头只有 {width} 列</translation>
    </message>
    <message>
        <source>the file has a header but no rows; nothing to import</source>
        <translation>文件只有表头，没有数据行，没有可导入的内容</translation>
    </message>
    <message>
        <source>{key}: a value is required</source>
        <translation>{key} 列不能为空</translation>
    </message>
    <message>
        <source>{key}: {error}</source>
        <translation>{key} 列：{error}</translation>
    </message>
    <message>
        <source>repeats line {line} exactly (a duplicate row)</source>
        <translation>与第 {line} 行完全相同（重复的行）</translation>
    </message>
    <message>
        <source>id {id} is also used on line {line}</source>
        <translation>第 {line} 行已使用过编号 {id}</translation>
    </message>
    <message>
        <source>plan id</source>
        <translation>分期编号</translation>
    </message>
    <message>
        <source>payment id</source>
        <translation>还款编号</translation>
    </message>
    <message>
        <source>number of days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>model</source>
        <translation>计息方式</translation>
    </message>
    <message>
        <source>remainder</source>
        <translation>尾差计入方式</translation>
    </message>
    <message>
        <source>fee mode</source>
        <translation>手续费收取方式</translation>
    </message>
    <message>
        <source>payoff policy</source>
        <translation>提前结清规则</translation>
    </message>
    <message>
        <source>payment kind</source>
        <translation>还款类型</translation>
    </message>
    <message>
        <source>name: a plan needs a name</source>
        <translation>name 列：请为分期填写名称</translation>
    </message>
    <message>
        <source>plan_name: plan {id} is {name!r}, not {named!r}; check the plan_id column</source>
        <translation>plan_name 列：分期 {id} 的名称是“{name}”，不是“{named}”；请检查 plan_id 列</translation>
    </message>
    <message>
        <source>currency: plan {id} is in {currency}, not {given}</source>
        <translation>currency 列：分期 {id} 的币种是 {currency}，不是 {given}</translation>
    </message>
    <message>
        <source>{text!r} is not a date; use YYYY-MM-DD, e.g. 2024-01-31</source>
        <translation>“{text}”不是日期，请使用 YYYY-MM-DD 格式，例如 2024-01-31</translation>
    </message>
    <message>
        <source>{text!r} is not a real date</source>
        <translation>日期“{text}”不存在</translation>
    </message>
    <message>
        <source>{text!r} is not a {what}; enter a whole number from {low} to {high}</source>
        <translation>“{text}”不是有效的{what}，请输入 {low} 到 {high} 之间的整数</translation>
    </message>
    <message>
        <source>{text!r} is not true or false</source>
        <translation>“{text}”不是有效的是/否值（true 或 false）</translation>
    </message>
    <message>
        <source>{text!r} is not a {what}; use one of: {accepted}</source>
        <translation>“{text}”不是有效的{what}，可选值：{accepted}</translation>
    </message>
    <message>
        <source>{count} entries for {periods} periods; write one PRINCIPAL/FEE entry per period, or clear the cell to rebuild the schedule from the terms</source>
        <translation>共 {count} 项，但分期有 {periods} 期；请每期填写一项“本金/手续费”（PRINCIPAL/FEE），或清空该单元格，按分期条款重新生成还款计划</translation>
    </message>
    <message>
        <source>entry {k} {entry!r} is not PRINCIPAL/FEE, e.g. 416.62/29.99 (with @YYYY-MM-DD when it is due on another day)</source>
        <translation>第 {k} 项“{entry}”不是“本金/手续费”格式，例如 416.62/29.99（在其他日期到期时加上 @YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>entry {k}: {error}</source>
        <translation>第 {k} 项：{error}</translation>
    </message>
    <message>
        <source>this is not a prepayment&apos;s detail as exported (a JSON object with keep, paid_periods and replaced); copy it from the export unchanged</source>
        <translation>这不是导出的提前还款明细（含 keep、paid_periods 和 replaced 的 JSON 对象）；请从导出文件原样复制</translation>
    </message>
    <message>
        <source>kind: a prepayment needs its detail in the prepay column (as exported); other payments leave that column empty</source>
        <translation>kind：提前还款需要在 prepay 列填写明细（与导出一致）；其他还款该列留空</translation>
    </message>
    <message>
        <source>schedule: {count} entries for {periods} periods, and no prepayment of the plan in the payments file explains them; import the payments file with it, or clear the cell to rebuild the schedule from the terms</source>
        <translation>schedule：{count} 项对应 {periods} 期，而还款文件中没有该分期的提前还款可以解释；请同时导入还款文件，或清空此格以按条款重建还款计划</translation>
    </message>
    <message>
        <source>entry {k} follows the last period, so it can only be an early-payoff charge; its principal must be 0</source>
        <translation>第 {k} 项在最后一期之后，只能是提前结清违约金，其本金必须为 0</translation>
    </message>
    <message>
        <source>the principal parts add up to {repaid}, not the principal {principal}; correct them, or clear the cell to rebuild the schedule from the terms</source>
        <translation>各项本金合计为 {repaid}，与本金 {principal} 不符；请更正，或清空该单元格，按分期条款重新生成还款计划</translation>
    </message>
    <message>
        <source>the first due date {first_due} is before the purchase date {purchase}; enter a first due date on or after the purchase date</source>
        <translation>首期还款日 {first_due} 早于购买日期 {purchase}；请填写购买日期当天或之后的首期还款日</translation>
    </message>
    <message>
        <source>the first due date {first_due} is more than a year ago; check the date</source>
        <translation>首期还款日 {first_due} 已是一年多以前；请核对日期</translation>
    </message>
    <message>
        <source>a fee of {rate}% per period is unusually high (most are under 3%); check the rate</source>
        <translation>每期手续费率 {rate}% 异常偏高（通常低于 3%）；请核对费率</translation>
    </message>
    <message>
        <source>an annual interest rate of {rate}% is above 36%; check the rate</source>
        <translation>年利率 {rate}% 超过 36%；请核对利率</translation>
    </message>
    <message>
        <source>the APR (IRR) is {apr}%, above 36%; check the rate, the fees and the periods</source>
        <translation>年化利率（IRR）为 {apr}%，超过 36%；请核对费率、费用和期数</translation>
    </message>
    <message>
        <source>fee rounding</source>
        <translation>手续费取整方式</translation>
    </message>
    <message>
        <source>only total plans round a total fee; leave the cell blank or half_up for a {model} plan</source>
        <translation>只有总费率分期才对总手续费取整；{model} 分期请留空或填 half_up</translation>
    </message>
    <message>
        <source>enter each period&apos;s total, separated by commas, e.g. 340.34, 340.33, 340.33</source>
        <translation>请输入每期应还总额，用逗号分隔，例如 340.34, 340.33, 340.33</translation>
    </message>
    <message>
        <source>{count} amounts for {periods} periods; enter one amount per period (or change the number of periods)</source>
        <translation>填写了 {count} 个金额，但共有 {periods} 期；请每期填写一个金额（或修改期数）</translation>
    </message>
    <message>
        <source>amount {k}: {error}</source>
        <translation>第 {k} 个金额：{error}</translation>
    </message>
    <message>
        <source>The due day must be a day of the month from 1 to 31, not {value}.</source>
        <translation>还款日必须是每月 1 到 31 日中的一天，而不是 {value}。</translation>
    </message>
    <message>
        <source>The days from statement to due date must be 1 to {most}, not {value}.</source>
        <translation>账单日到还款日的天数必须为 1 到 {most}，而不是 {value}。</translation>
    </message>
    <message>
        <source>The statement day must be 1 to 28, or the month&apos;s end; not {day}.</source>
        <translation>账单日必须是 1 到 28 日或月末，而不是 {day}。</translation>
    </message>
    <message>
        <source>The late fee cap is below its floor.</source>
        <translation>违约金上限低于下限。</translation>
    </message>
    <message>
        <source>Grace days must be 0 to 30, not {days}.</source>
        <translation>宽限天数必须为 0 到 30，而不是 {days}。</translation>
    </message>
    <message>
        <source>minimum payment share</source>
        <translation>最低还款比例</translation>
    </message>
    <message>
        <source>daily interest rate</source>
        <translation>日利率</translation>
    </message>
    <message>
        <source>late fee share</source>
        <translation>违约金比例</translation>
    </message>
    <message>
        <source>The {what} must be a percentage from 0% to 100%, not {value}.</source>
        <translation>{what}必须是 0% 到 100% 之间的百分比，而不是 {value}。</translation>
    </message>
    <message>
        <source>late fee floor</source>
        <translation>违约金下限</translation>
    </message>
    <message>
        <source>late fee cap</source>
        <translation>违约金上限</translation>
    </message>
    <message>
        <source>credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <source>The {what} must be an amount from 0 up to {cap_yuan} yuan.</source>
        <translation>{what}必须是 0 到 {cap_yuan} 元之间的金额。</translation>
    </message>
    <message>
        <source>A part payment must be between 0 and the statement&apos;s total {total}.</source>
        <translation>部分还款金额必须在 0 到账单总额 {total} 之间。</translation>
    </message>
    <message>
        <source>The rest cannot be paid before the first part.</source>
        <translation>剩余部分不能早于第一笔还款。</translation>
    </message>
    <message>
        <source>A bill cannot be paid before its statement date.</source>
        <translation>账单不能在账单日之前还款。</translation>
    </message>
    <message>
        <source>A bill cannot be due before its statement date.</source>
        <translation>账单的还款日不能早于账单日。</translation>
    </message>
    <message>
        <source>Fees and an unpaid minimum cannot be negative.</source>
        <translation>费用和未还的最低还款额不能为负数。</translation>
    </message>
    <message>
        <source>Spending on a statement cannot be negative.</source>
        <translation>账单上的消费金额不能为负数。</translation>
    </message>
    <message>
        <source>Spending posted on {posted} is after the statement date {statement}.</source>
        <translation>{posted} 入账的消费晚于账单日 {statement}。</translation>
    </message>
    <message>
        <source>Only loans (annuity or equal principal) take a partial prepayment; pay a consumer installment plan off instead.</source>
        <translation>只有贷款（等额本息或等额本金）可以部分提前还款；消费分期请改为提前结清。</translation>
    </message>
    <message>
        <source>Paid periods must be 0 to {most} for a partial prepayment.</source>
        <translation>部分提前还款时，已还期数必须为 0 到 {most}。</translation>
    </message>
    <message>
        <source>A prepayment must be a positive amount.</source>
        <translation>提前还款金额必须为正数。</translation>
    </message>
    <message>
        <source>{amount} repays the whole balance {balance}; pay the plan off instead.</source>
        <translation>{amount} 已还清全部余额 {balance}；请改为提前结清。</translation>
    </message>
    <message>
        <source>The prepayment date is before period {period}&apos;s due date {due}, already paid.</source>
        <translation>提前还款日期早于已还的第 {period} 期还款日 {due}。</translation>
    </message>
    <message>
        <source>Period {period} is due on {due}, before the prepayment: record it first.</source>
        <translation>第 {period} 期在提前还款之前（{due}）到期：请先记录这期还款。</translation>
    </message>
    <message>
        <source>The payment does not cover the interest; keep the term instead.</source>
        <translation>月供不足以支付利息；请改为保持期限不变。</translation>
    </message>
    <message>
        <source>the whole fee charged in period 1</source>
        <translation>手续费在第 1 期一次性收取</translation>
    </message>
    <message>
        <source>the fee spread over every period</source>
        <translation>手续费分摊到每一期</translation>
    </message>
    <message>
        <source>the remainder in the {where} period</source>
        <translation>尾差放在{where}期</translation>
    </message>
    <message>
        <source>the total fee rounded {how}</source>
        <translation>总手续费按{how}取整</translation>
    </message>
    <message>
        <source>the statement does not carry it</source>
        <translation>账单上没有这一期</translation>
    </message>
    <message>
        <source>last</source>
        <translation>最后一</translation>
    </message>
    <message>
        <source>first</source>
        <translation>第一</translation>
    </message>
    <message>
        <source>half-even</source>
        <translation>银行家舍入</translation>
    </message>
    <message>
        <source>half-up</source>
        <translation>四舍五入</translation>
    </message>
    <message>
        <source>the statement carries it twice</source>
        <translation>账单上这一期出现了两次</translation>
    </message>
    <message>
        <source>its fees are charged in full even when paid off early, so paying early saves nothing</source>
        <translation>提前结清也要付全部手续费，提前还款省不了钱</translation>
    </message>
    <message>
        <source>interest-free: paying it early saves nothing</source>
        <translation>免息：提前还款省不了钱</translation>
    </message>
    <message>
        <source>The monthly budget cannot be negative.</source>
        <translation>每月预算不能为负数。</translation>
    </message>
    <message>
        <source>A plan is listed twice.</source>
        <translation>同一个分期被列了两次。</translation>
    </message>
    <message>
        <source>an account needs a name</source>
        <translation>账户需要一个名称</translation>
    </message>
    <message>
        <source>there is already an account named {name}</source>
        <translation>已经有名为 {name} 的账户</translation>
    </message>
    <message>
        <source>there is no account with id {id}</source>
        <translation>没有编号为 {id} 的账户</translation>
    </message>
    <message>
        <source>a payment must be a positive amount</source>
        <translation>还款金额必须为正数</translation>
    </message>
    <message>
        <source>there is no account named {name}</source>
        <translation>没有名为 {name} 的账户</translation>
    </message>
    <message>
        <source>{count} plan(s) belong to account {name}; move or delete them first</source>
        <translation>账户 {name} 下有 {count} 笔分期；请先移走或删除它们</translation>
    </message>
    <message>
        <source>spending on the statement of {statement} is posted from {start} to {statement}</source>
        <translation>{statement} 账单的消费入账日期在 {start} 到 {statement} 之间</translation>
    </message>
    <message>
        <source>nothing is owed on the installments of this bill</source>
        <translation>这期账单上的分期已经还清</translation>
    </message>
    <message>
        <source>account {name} bills in {currency}; the plan is in {plan_currency}</source>
        <translation>账户 {name} 以 {currency} 出账，而这笔分期是 {plan_currency}</translation>
    </message>
    <message>
        <source>period {period} is partly paid; settle it before a prepayment</source>
        <translation>第 {period} 期只还了一部分；请先还清这期再提前还款</translation>
    </message>
    <message>
        <source>plan {id} owes a penalty of {amount}; pay it before a prepayment</source>
        <translation>分期 {id} 欠罚息 {amount}；请先还清罚息再提前还款</translation>
    </message>
    <message>
        <source>a payment dated {date} is already recorded; record the prepayment on or after that date</source>
        <translation>已记录一笔 {date} 的还款；提前还款的日期须在该日或之后</translation>
    </message>
    <message>
        <source>prepayment {later} was recorded after this one; void it first</source>
        <translation>提前还款 {later} 记录在这笔之后；请先作废它</translation>
    </message>
    <message>
        <source>the plan was paid off after this prepayment (payment {payoff}); void that first</source>
        <translation>这笔提前还款之后分期已提前结清（还款 {payoff}）；请先作废结清</translation>
    </message>
    <message>
        <source>a prepayment is recorded on this plan; void it before changing the terms</source>
        <translation>这笔分期记录了提前还款；请先作废提前还款再修改条款</translation>
    </message>
    <message>
        <source>there is no bill payment with id {id}</source>
        <translation>没有编号为 {id} 的账单还款</translation>
    </message>
    <message>
        <source>bill payment {id} is already voided</source>
        <translation>账单还款 {id} 已作废</translation>
    </message>
    <message>
        <source>account: there is no account named {name}; the accounts are {known} (add it first, or clear the cell)</source>
        <translation>账户：没有名为 {name} 的账户；现有账户为 {known}（请先添加该账户，或清空此单元格）</translation>
    </message>
    <message>
        <source>account: there is no account named {name}, and no account yet; add the account first, or clear the cell</source>
        <translation>账户：没有名为 {name} 的账户，目前也没有任何账户；请先添加该账户，或清空此单元格</translation>
    </message>
    <message>
        <source>This database is read-only: its file, folder or disk cannot be written, so nothing in it can be changed. You can view, export and print; to make changes, copy it to a folder you can write to and open the copy.</source>
        <translation>此数据库是只读的：它的文件、所在文件夹或磁盘不可写入，因此其中的任何内容都无法修改。可以查看、导出和打印；如需修改，请把它复制到可写入的文件夹，再打开副本。</translation>
    </message>
    <message>
        <source>The database file could not be used.</source>
        <translation>无法使用数据库文件。</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>The check at start-up found problems in %1 (%2 in all):</source>
        <translation>启动检查在 %1 中发现问题（共 %2 处）：</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>……另有 %1 处。</translation>
    </message>
    <message>
        <source>Totals shown may be wrong. Restore a backup with File ▸ Restore from backup…, and avoid recording payments in this file until then.</source>
        <translation>显示的合计可能有误。请通过“文件 ▸ 从备份恢复…”恢复备份，在此之前不要在这个文件中记录还款。</translation>
    </message>
    <message>
        <source>Your database needs attention</source>
        <translation>数据库需要处理</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>&amp;About Installment Tracker</source>
        <translation>关于分期账本(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Every installment plan, due date and true cost, to the fen.</source>
        <translation>每一笔分期、每个还款日和真实成本，精确到分。</translation>
    </message>
    <message>
        <source>Installment Tracker</source>
        <translation>分期账本</translation>
    </message>
    <message>
        <source>About Installment Tracker</source>
        <translation>关于分期账本</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>In the attention list, double-click a row to record its payment.</source>
        <translation>在“需要处理”列表中双击一行即可记录该笔还款。</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>No file manager could be started. The data folder is %1</source>
        <translation>无法启动文件管理器。数据文件夹位于 %1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from CSV</source>
        <translation>从 CSV 导入</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>警告（%1）</translation>
    </message>
    <message>
        <source>Plans to add (%1)</source>
        <translation>待添加的分期（%1）</translation>
    </message>
    <message>
        <source>Payments to add (%1)</source>
        <translation>待添加的还款（%1）</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Nothing can be imported: %1 problem(s) in %2. Fix the file(s) and import again.</source>
        <translation>无法导入：%2 中有 %1 个问题。请修正文件后重新导入。</translation>
    </message>
    <message>
        <source>%1 holds nothing to import.</source>
        <translation>%1 中没有可导入的内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n plans</source>
        <translation>
            <numerusform>%n 笔分期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n payments</source>
        <translation>
            <numerusform>%n 笔还款</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to import %1 and %2 from %3.</source>
        <translation>准备从 %3 导入 %1 和 %2。</translation>
    </message>
    <message numerus="yes">
        <source>Check the %n warnings before you import.</source>
        <translation>
            <numerusform>导入前请检查这 %n 条警告。</numerusform>
        </translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>计息方式</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>期数</translation>
    </message>
    <message>
        <source>First due</source>
        <translation>首期还款日</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Early payoff</source>
        <translation>提前结清</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>还款</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Installment Tracker</source>
        <translation>分期账本</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>还款记录</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>Read-only: %1 cannot be changed (its file, folder or disk cannot be written). You can view, export and print; to make changes, copy it to a folder you can write to and open the copy.</source>
        <translation>只读：%1 无法修改（该文件、所在文件夹或磁盘不可写入）。可以查看、导出和打印；如需修改，请把它复制到可写入的文件夹，再打开副本。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New plan…</source>
        <translation>新建分期(&amp;N)…</translation>
    </message>
    <message>
        <source>Load sa&amp;mple data</source>
        <translation>载入示例数据(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Record &amp;payment…</source>
        <translation>记录还款(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Delete works on the Plans and Payments tabs: select a plan or a payment.</source>
        <translation>删除仅适用于“分期”和“还款记录”页：请先选中一个分期或一笔还款。</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销“%1”(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做“%1”(&amp;R)</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>下一个标签页</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>上一个标签页</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>转到“%1”</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>New plan (Ctrl+N)</source>
        <translation>新建分期（Ctrl+N）</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>新建分期</translation>
    </message>
    <message>
        <source>Record a payment on the selected plan or installment (Ctrl+P)</source>
        <translation>为选中的分期或账单期记录一笔还款（Ctrl+P）</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>记录还款</translation>
    </message>
    <message>
        <source>Void the selected payment (Payments tab)</source>
        <translation>作废选中的还款（还款记录页）</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Print the calendar</source>
        <translation>打印还款日历</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>导出为 CSV</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>MethodCombo</name>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>How you paid</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Type how you paid</source>
        <translation>输入还款方式</translation>
    </message>
</context>
<context>
    <name>Model</name>
    <message>
        <source>Flat fee per period</source>
        <translation>每期固定手续费</translation>
    </message>
    <message>
        <source>Total fee rate</source>
        <translation>总费率</translation>
    </message>
    <message>
        <source>Equal installments (annuity)</source>
        <translation>等额本息</translation>
    </message>
    <message>
        <source>Equal principal</source>
        <translation>等额本金</translation>
    </message>
    <message>
        <source>Interest-free</source>
        <translation>免息</translation>
    </message>
    <message>
        <source>Pay in N (every 2 weeks)</source>
        <translation>分 N 次付（每两周）</translation>
    </message>
    <message>
        <source>Custom amounts</source>
        <translation>自定义金额</translation>
    </message>
</context>
<context>
    <name>MonthGrid</name>
    <message>
        <source>+%1 more</source>
        <translation>另有 %1 笔</translation>
    </message>
</context>
<context>
    <name>MonthRangeDialog</name>
    <message>
        <source>Print calendar</source>
        <translation>打印日历</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>美式信纸（Letter）</translation>
    </message>
    <message>
        <source>From month:</source>
        <translation>起始月份：</translation>
    </message>
    <message>
        <source>To month:</source>
        <translation>结束月份：</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>%n loans used the old early-payoff default: all future interest.</source>
        <translation>%n 笔贷款使用旧的提前结清默认规则：收取全部未来利息。</translation>
    </message>
    <message>
        <source>They now quote what a bank asks: remaining principal + interest already due.</source>
        <translation>现在按银行的做法报价：剩余本金 + 已到期利息。</translation>
    </message>
    <message>
        <source>You can change this per plan with Edit.</source>
        <translation>可在“编辑”中按计划修改。</translation>
    </message>
    <message>
        <source>A leftover change log (-wal) beside the database did not belong to it (the database was probably restored by copying a backup over it), so its changes were not applied. It was moved aside, unchanged, to:</source>
        <translation>数据库旁遗留的变更日志（-wal）不属于该数据库（数据库可能是用备份直接覆盖恢复的），因此其中的更改没有被应用。它已原样移到：</translation>
    </message>
    <message>
        <source>Your data was upgraded</source>
        <translation>数据已升级</translation>
    </message>
    <message>
        <source>About your database</source>
        <translation>关于您的数据库</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Bill</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>1 day late</source>
        <translation>逾期 1 天</translation>
    </message>
    <message>
        <source>%1 days late</source>
        <translation>逾期 %1 天</translation>
    </message>
    <message>
        <source>%1 periods overdue</source>
        <translation>%1 期逾期</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>还款日</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>罚息</translation>
    </message>
    <message>
        <source>Total due</source>
        <translation>合计应还</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <source>Welcome to Installment Tracker</source>
        <translation>欢迎使用分期账本</translation>
    </message>
    <message>
        <source>Keep every installment plan in one place — 花呗, 京东白条, credit-card installments, loans.
See what is due and when, what each plan really costs (APR), and never miss a payment.</source>
        <translation>把所有分期集中在一处管理——花呗、京东白条、信用卡分期、贷款。
随时掌握何时该还多少、每笔分期的真实成本（年化利率），不再错过任何一次还款。</translation>
    </message>
    <message>
        <source>Add your first plan</source>
        <translation>添加第一笔分期</translation>
    </message>
    <message>
        <source>Load sample data</source>
        <translation>载入示例数据</translation>
    </message>
    <message>
        <source>Total still owed</source>
        <translation>待还总额</translation>
    </message>
    <message>
        <source>Due in the next %1 days</source>
        <translation>未来 %1 天内到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Next payment</source>
        <translation>下一笔还款</translation>
    </message>
    <message>
        <source>Next 12 months</source>
        <translation>未来 12 个月</translation>
    </message>
    <message>
        <source>Balance owed</source>
        <translation>待还余额</translation>
    </message>
    <message>
        <source>Open plans: %1</source>
        <translation>未结清分期：%1 笔</translation>
    </message>
    <message>
        <source>%1 in other currencies not included</source>
        <translation>另有 %1 笔其他货币的分期未计入</translation>
    </message>
    <message>
        <source>Installments: %1</source>
        <translation>共 %1 期</translation>
    </message>
    <message>
        <source>Installments: %1 · penalty %2</source>
        <translation>共 %1 期 · 罚息 %2</translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation>无逾期</translation>
    </message>
    <message>
        <source>Nothing scheduled</source>
        <translation>暂无还款计划</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <source>in %n days</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>bill of %n installments</source>
        <translation>
            <numerusform>账单（%n 期）</numerusform>
        </translation>
    </message>
    <message>
        <source>Added five sample plans</source>
        <translation>已添加五笔示例分期</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>及另外 %1 笔</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>记录还款</translation>
    </message>
    <message>
        <source>Nothing needs attention right now. Record other payments from the Plans tab.</source>
        <translation>目前没有需要处理的款项。其他还款可在“分期”页记录。</translation>
    </message>
    <message>
        <source>You already have plans. Add five sample plans next to them? Undo (Ctrl+Z) removes them again.</source>
        <translation>你已经有分期记录。要在旁边添加五笔示例分期吗？之后可用撤销（Ctrl+Z）移除。</translation>
    </message>
    <message>
        <source>Add sample plans</source>
        <translation>添加示例分期</translation>
    </message>
</context>
<context>
    <name>PayBillDialog</name>
    <message>
        <source>Pay bill</source>
        <translation>还账单</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>还款日期</translation>
    </message>
    <message>
        <source>Pay…</source>
        <translation>还款…</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
</context>
<context>
    <name>PaymentMethod</name>
    <message>
        <source>支付宝 (Alipay)</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>微信支付 (WeChat Pay)</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>信用卡</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
</context>
<context>
    <name>PaymentsScreen</name>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>All plans</source>
        <translation>全部分期</translation>
    </message>
    <message>
        <source>Search note or method</source>
        <translation>搜索备注或还款方式</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>记录还款…</translation>
    </message>
    <message>
        <source>Void payment</source>
        <translation>作废还款</translation>
    </message>
    <message>
        <source>Mark the selected payment void (Delete)</source>
        <translation>将选中的还款标记为作废（Delete）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>还款期数</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Bill %1 · %2</source>
        <translation>%1 账单 · %2</translation>
    </message>
    <message>
        <source>Early payoff</source>
        <translation>提前结清</translation>
    </message>
    <message>
        <source>Paid before tracking</source>
        <translation>记账前已还</translation>
    </message>
    <message>
        <source>Prepayment</source>
        <translation>提前还款</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>还款</translation>
    </message>
    <message>
        <source>Bill payment %1</source>
        <translation>账单还款 %1</translation>
    </message>
    <message>
        <source>%1 (voided)</source>
        <translation>%1（已作废）</translation>
    </message>
    <message numerus="yes">
        <source>%n payments shown, total %2</source>
        <translation>
            <numerusform>显示 %n 笔还款，合计 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 voided (not counted)</source>
        <translation>%1 笔已作废（不计入）</translation>
    </message>
    <message>
        <source>Void the payment of %1 on %2 for %3? It stays in the history, struck out.</source>
        <translation>作废 %2 为“%3”支付的 %1 吗？该记录仍保留在还款记录中，并以删除线显示。</translation>
    </message>
    <message>
        <source>This payment is part of bill payment %1: voiding it voids the whole bill payment, every plan&apos;s part. It stays in the history, struck out.</source>
        <translation>这笔还款属于账单还款 %1：作废它会作废整笔账单还款，包括每笔分期的部分。它们仍留在记录中，显示为删除线。</translation>
    </message>
    <message>
        <source>Void payment of %1</source>
        <translation>作废 %1 的还款</translation>
    </message>
    <message>
        <source>Voided the payment of %1 for %2</source>
        <translation>已作废 %2 的一笔 %1 还款</translation>
    </message>
    <message>
        <source>No plan selected</source>
        <translation>未选择分期</translation>
    </message>
    <message>
        <source>Select a payment, or choose a plan in the filter, first.</source>
        <translation>请先选中一笔还款，或在筛选中选择一个分期。</translation>
    </message>
</context>
<context>
    <name>PayoffDialog</name>
    <message>
        <source>Pay off early</source>
        <translation>提前结清</translation>
    </message>
    <message>
        <source>Payoff policy: %1</source>
        <translation>提前结清规则：%1</translation>
    </message>
    <message>
        <source>Payoff date:</source>
        <translation>结清日期：</translation>
    </message>
    <message>
        <source>Remaining principal:</source>
        <translation>剩余本金：</translation>
    </message>
    <message>
        <source>Penalty and charges:</source>
        <translation>罚息及违约金：</translation>
    </message>
    <message>
        <source>Total to pay:</source>
        <translation>应付总额：</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>还款方式：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Pay off %1</source>
        <translation>结清 %1</translation>
    </message>
    <message>
        <source>Pay off</source>
        <translation>结清</translation>
    </message>
    <message>
        <source>Payoff of %1</source>
        <translation>提前结清“%1”</translation>
    </message>
    <message>
        <source>Paid off %1 with %2</source>
        <translation>已提前结清 %1，支付 %2</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <source>Period %1/%2</source>
        <translation>第 %1/%2 期</translation>
    </message>
    <message>
        <source>Periods %1–%2/%3</source>
        <translation>第 %1–%2/%3 期</translation>
    </message>
</context>
<context>
    <name>PlanDetail</name>
    <message>
        <source>%1 per period</source>
        <translation>每期 %1</translation>
    </message>
    <message>
        <source>%1 of the principal, in total</source>
        <translation>共计本金的 %1</translation>
    </message>
    <message>
        <source>%1 a year</source>
        <translation>年化 %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Early payoff</source>
        <translation>提前结清</translation>
    </message>
    <message>
        <source>Paid before tracking</source>
        <translation>记账前已还</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>还款期数</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>PlanDetailPanel</name>
    <message>
        <source>Select a plan to see its terms and schedule.</source>
        <translation>选择一个分期以查看其条款和还款计划。</translation>
    </message>
    <message>
        <source>%1 (%2 paid)</source>
        <translation>%1 期（已还 %2 期）</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>期数</translation>
    </message>
    <message>
        <source>First due</source>
        <translation>首期还款日</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>购买日期</translation>
    </message>
    <message>
        <source>Working-day calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Down payment</source>
        <translation>首付</translation>
    </message>
    <message>
        <source>Upfront fee</source>
        <translation>前置手续费</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n periods</source>
        <translation>
            <numerusform>%n 期</numerusform>
        </translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation>宽限期</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>罚息</translation>
    </message>
    <message>
        <source>Early payoff</source>
        <translation>提前结清</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>总成本</translation>
    </message>
    <message>
        <source>APR</source>
        <translation>年化利率</translation>
    </message>
    <message>
        <source>Effective rate</source>
        <translation>实际年利率</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已还</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>待还</translation>
    </message>
    <message>
        <source>Paid before tracking</source>
        <translation>记账前已还</translation>
    </message>
    <message>
        <source>Penalty owed</source>
        <translation>应付罚息</translation>
    </message>
    <message>
        <source>Paid off on</source>
        <translation>结清日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Payments: %1, total %2</source>
        <translation>还款记录：%1 笔，合计 %2</translation>
    </message>
    <message>
        <source>No payments recorded yet</source>
        <translation>尚无还款记录</translation>
    </message>
    <message>
        <source>penalty %1</source>
        <translation>罚息 %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 per day overdue</source>
        <translation>逾期每日 %1</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Edit plan</source>
        <translation>编辑分期</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>新建分期</translation>
    </message>
    <message>
        <source>Choose a template…</source>
        <translation>选择模板…</translation>
    </message>
    <message>
        <source>e.g. Xiaomi 14 or 花呗 - 冰箱</source>
        <translation>例如：小米 14 或 花呗 - 冰箱</translation>
    </message>
    <message>
        <source>e.g. 花呗, 京东白条, a bank</source>
        <translation>例如：花呗、京东白条、某银行</translation>
    </message>
    <message>
        <source>e.g. 3600 or 3,600.00</source>
        <translation>例如：3600 或 3,600.00</translation>
    </message>
    <message>
        <source>e.g. 0.6</source>
        <translation>例如：0.6</translation>
    </message>
    <message>
        <source>First period</source>
        <translation>第一期</translation>
    </message>
    <message>
        <source>Last period</source>
        <translation>最后一期</translation>
    </message>
    <message>
        <source>Spread over every period</source>
        <translation>分摊到每一期</translation>
    </message>
    <message>
        <source>All in the first period</source>
        <translation>全部计入第一期</translation>
    </message>
    <message>
        <source>Half up (四舍五入)</source>
        <translation>四舍五入</translation>
    </message>
    <message>
        <source>Half even (银行家舍入, as 花呗)</source>
        <translation>银行家舍入（四舍六入五成双，花呗用法）</translation>
    </message>
    <message>
        <source>A due date on a weekend or public holiday of this calendar moves to the next working day; amounts stay the same. China&apos;s calendar includes the make-up working days (调休).</source>
        <translation>还款日如逢该日历的周末或法定节假日，顺延至下一个工作日；金额不变。中国日历包含调休上班日。</translation>
    </message>
    <message>
        <source>optional, not financed</source>
        <translation>选填，不计入分期</translation>
    </message>
    <message>
        <source>optional, paid at purchase</source>
        <translation>选填，购买时支付</translation>
    </message>
    <message>
        <source>e.g. 340.34, 340.33, 340.33</source>
        <translation>例如：340.34, 340.33, 340.33</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>购买日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>计息方式</translation>
    </message>
    <message>
        <source>Principal *</source>
        <translation>本金 *</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>期数</translation>
    </message>
    <message>
        <source>Per-period amounts</source>
        <translation>每期金额</translation>
    </message>
    <message>
        <source>First due date</source>
        <translation>首期还款日</translation>
    </message>
    <message>
        <source>Move due dates off non-working days</source>
        <translation>节假日还款日顺延</translation>
    </message>
    <message>
        <source>Periods already paid</source>
        <translation>已还期数</translation>
    </message>
    <message>
        <source>Remainder (odd fen) in</source>
        <translation>尾差（零头分）计入</translation>
    </message>
    <message>
        <source>Fee charged</source>
        <translation>手续费收取方式</translation>
    </message>
    <message>
        <source>Total fee rounded</source>
        <translation>总手续费取整</translation>
    </message>
    <message>
        <source>Down payment</source>
        <translation>首付</translation>
    </message>
    <message>
        <source>Upfront fee</source>
        <translation>前置手续费</translation>
    </message>
    <message>
        <source>Overdue and early payoff</source>
        <translation>逾期与提前结清</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>e.g. 10.00</source>
        <translation>例如：10.00</translation>
    </message>
    <message>
        <source>e.g. 0.05 (0 = none)</source>
        <translation>例如：0.05（0 表示无）</translation>
    </message>
    <message>
        <source>e.g. 3</source>
        <translation>例如：3</translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation>宽限期</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <source>Penalty (% per day)</source>
        <translation>罚息（每日 %）</translation>
    </message>
    <message>
        <source>Early payoff</source>
        <translation>提前结清</translation>
    </message>
    <message>
        <source>Payoff charge (% of principal)</source>
        <translation>提前结清违约金（本金的 %）</translation>
    </message>
    <message>
        <source>Saved “%1”</source>
        <translation>已保存“%1”</translation>
    </message>
    <message>
        <source>This plan is paid off: its terms can no longer change.</source>
        <translation>该分期已结清，条款不能再修改。</translation>
    </message>
    <message>
        <source>This plan has payments. They are kept: new terms only regenerate the periods that are not paid yet.</source>
        <translation>该分期已有还款记录，这些记录会保留；新条款只重新生成尚未还款的各期。</translation>
    </message>
    <message>
        <source>Fee per period (%)</source>
        <translation>每期手续费率（%）</translation>
    </message>
    <message>
        <source>Total fee rate (%)</source>
        <translation>总费率（%）</translation>
    </message>
    <message>
        <source>Annual interest rate (%)</source>
        <translation>年利率（%）</translation>
    </message>
    <message>
        <source>Added “%1”</source>
        <translation>已添加“%1”</translation>
    </message>
    <message>
        <source>Add plan</source>
        <translation>添加分期</translation>
    </message>
    <message>
        <source>%1 of %2 periods were due before today. Periods already paid are recorded as paid before tracking: on their due dates, in full, with no penalty.</source>
        <translation>共 %2 期，其中 %1 期在今天之前已到期。已还的期数记为记账前已还：按各期还款日全额记录，不计罚息。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The card or platform whose monthly bill carries this plan: its due dates follow the account&apos;s statements.</source>
        <translation>该分期所在的卡或平台的月度账单：还款日随账户的账单日确定。</translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <source>%1 does not publish its overdue penalty, so none is filled in: enter the daily rate in your contract (0 = no penalty tracked).</source>
        <translation>%1 未公开逾期罚息标准，因此未预填：请按合同填写日罚息率（0 表示不计罚息）。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between field names</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>To save, fill in: %1</source>
        <translation>请先填写：%1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>期数</translation>
    </message>
    <message>
        <source>Per-period amounts</source>
        <translation>每期金额</translation>
    </message>
    <message>
        <source>Down payment</source>
        <translation>首付</translation>
    </message>
    <message>
        <source>Upfront fee</source>
        <translation>前置手续费</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>罚息</translation>
    </message>
    <message>
        <source>Payoff charge</source>
        <translation>提前结清违约金</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>First due date</source>
        <translation>首期还款日</translation>
    </message>
</context>
<context>
    <name>PlanTemplate</name>
    <message>
        <source>Xiaomi installments (小米分期)</source>
        <translation>小米分期</translation>
    </message>
    <message>
        <source>Huabei installments (花呗分期)</source>
        <translation>花呗分期</translation>
    </message>
    <message>
        <source>JD Baitiao (京东白条)</source>
        <translation>京东白条</translation>
    </message>
    <message>
        <source>Credit-card installments (信用卡分期)</source>
        <translation>信用卡分期</translation>
    </message>
    <message>
        <source>Loan, equal installments (等额本息)</source>
        <translation>贷款（等额本息）</translation>
    </message>
    <message>
        <source>Loan, equal principal (等额本金)</source>
        <translation>贷款（等额本金）</translation>
    </message>
    <message>
        <source>Interest-free (免息)</source>
        <translation>免息分期</translation>
    </message>
    <message>
        <source>Pay in 4 (every 2 weeks)</source>
        <translation>分 4 次付（每两周）</translation>
    </message>
    <message>
        <source>Custom amounts (自定义)</source>
        <translation>自定义金额</translation>
    </message>
</context>
<context>
    <name>PlansScreen</name>
    <message>
        <source>Overdue: %1</source>
        <translation>逾期：%1</translation>
    </message>
    <message>
        <source>Penalty: %1</source>
        <translation>罚息：%1</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>无账户</translation>
    </message>
    <message>
        <source>%1 · 1 plan</source>
        <translation>%1 · 1 个分期</translation>
    </message>
    <message>
        <source>%1 · %2 plans</source>
        <translation>%1 · %2 个分期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Paid / periods</source>
        <translation>已还/总期数</translation>
    </message>
    <message>
        <source>Per period</source>
        <translation>每期应还</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次还款日</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>待还</translation>
    </message>
    <message>
        <source>APR</source>
        <translation>年化利率</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation>新建分期…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>记录还款…</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Pay off early…</source>
        <translation>提前结清…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Search name, platform, notes (Ctrl+F)</source>
        <translation>搜索名称、平台、备注（Ctrl+F）</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>还款中</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Paid off</source>
        <translation>已结清</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <source>No matching plans. Esc clears the search.</source>
        <translation>没有匹配的分期。按 Esc 清除搜索。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>No plans yet. Click “New plan…” to add one.</source>
        <translation>还没有分期。点击“新建分期…”添加一个。</translation>
    </message>
    <message>
        <source>No plan matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的分期。</translation>
    </message>
    <message>
        <source>Select a plan to see its terms and schedule.</source>
        <translation>选择一个分期以查看其条款和还款计划。</translation>
    </message>
    <message>
        <source>No plan selected</source>
        <translation>未选择分期</translation>
    </message>
    <message>
        <source>Select a plan in the table first.</source>
        <translation>请先在表格中选择一个分期。</translation>
    </message>
    <message>
        <source>Restore plan</source>
        <translation>恢复分期</translation>
    </message>
    <message>
        <source>Archive plan</source>
        <translation>归档分期</translation>
    </message>
    <message>
        <source>Restored “%1”</source>
        <translation>已恢复“%1”</translation>
    </message>
    <message>
        <source>Archived “%1”</source>
        <translation>已归档“%1”</translation>
    </message>
    <message>
        <source>Delete “%1”? It has no payments.</source>
        <translation>删除“%1”吗？它没有还款记录。</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>已删除“%1”</translation>
    </message>
    <message numerus="yes">
        <source>Delete “%1” and its %n payments?</source>
        <translation>
            <numerusform>删除“%1”及其 %n 笔还款记录吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit ▸ Undo (Ctrl+Z) brings it back.</source>
        <translation>可通过 编辑 ▸ 撤销（Ctrl+Z）恢复。</translation>
    </message>
    <message>
        <source>Delete plan</source>
        <translation>删除分期</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Show the plans of one account</source>
        <translation>只显示一个账户的分期</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>全部账户</translation>
    </message>
    <message>
        <source>Group by account</source>
        <translation>按账户分组</translation>
    </message>
    <message>
        <source>Bill of “%1”…</source>
        <translation>“%1”的账单…</translation>
    </message>
    <message>
        <source>Edit account “%1”…</source>
        <translation>编辑账户“%1”…</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Installment Tracker</source>
        <translation>分期账本</translation>
    </message>
    <message>
        <source>Status as of %1</source>
        <translation>截至 %1 的状态</translation>
    </message>
    <message>
        <source>Each of them is listed on the agenda page after this month.</source>
        <translation>每一笔都列在本月之后的明细页上。</translation>
    </message>
    <message>
        <source>%n items</source>
        <translation>%n 项</translation>
    </message>
    <message>
        <source>Overdue from earlier months: %n items, %2</source>
        <translation>此前月份逾期：%n 项，%2</translation>
    </message>
    <message>
        <source>Installments due</source>
        <translation>应还分期</translation>
    </message>
    <message>
        <source>Total this month: %1</source>
        <translation>本月合计：%1</translation>
    </message>
    <message>
        <source>Still to pay: %1</source>
        <translation>尚待还：%1</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>逾期：%1</translation>
    </message>
    <message>
        <source>✓ paid (amount scheduled) · other amounts: still to pay · red: overdue</source>
        <translation>✓ 已还（显示计划金额）· 其他金额：尚待还 · 红色：逾期</translation>
    </message>
    <message>
        <source>+%1 more: see the agenda page</source>
        <translation>另有 %1 笔，见明细页</translation>
    </message>
    <message>
        <source>Agenda: the items the grid has no room for</source>
        <translation>明细：日历格中放不下的各笔</translation>
    </message>
    <message>
        <source>#</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>还款日</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已还</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>待还</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Fee rate per period</source>
        <translation>每期手续费率</translation>
    </message>
    <message>
        <source>Total fee rate</source>
        <translation>总费率</translation>
    </message>
    <message>
        <source>Annual interest rate</source>
        <translation>年利率</translation>
    </message>
    <message>
        <source>Schedule model</source>
        <translation>计息方式</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>期数</translation>
    </message>
    <message>
        <source>First due date</source>
        <translation>首期还款日</translation>
    </message>
    <message>
        <source>Down payment</source>
        <translation>首付</translation>
    </message>
    <message>
        <source>Upfront fee</source>
        <translation>前置手续费</translation>
    </message>
    <message>
        <source>Working-day calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>总成本</translation>
    </message>
    <message>
        <source>APR</source>
        <translation>年化利率</translation>
    </message>
    <message>
        <source>Effective annual rate</source>
        <translation>实际年利率</translation>
    </message>
    <message>
        <source>Paid so far</source>
        <translation>已还金额</translation>
    </message>
    <message>
        <source>Remaining balance</source>
        <translation>待还余额</translation>
    </message>
    <message>
        <source>Overdue, %n days</source>
        <translation>逾期 %n 天</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1（续）</translation>
    </message>
    <message>
        <source>Payment schedule</source>
        <translation>还款计划</translation>
    </message>
    <message>
        <source>Remaining includes late-payment penalties of %1.</source>
        <translation>待还金额含逾期罚息 %1。</translation>
    </message>
    <message>
        <source>Installment calendar</source>
        <translation>分期还款日历</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>Export as PDF</source>
        <translation>导出为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Print plan schedule</source>
        <translation>打印还款计划</translation>
    </message>
    <message>
        <source>Select a plan on the Plans tab first.</source>
        <translation>请先在“分期”页选择一个分期。</translation>
    </message>
    <message>
        <source>Print calendar</source>
        <translation>打印日历</translation>
    </message>
    <message>
        <source>Export calendar as PDF</source>
        <translation>将日历导出为 PDF</translation>
    </message>
    <message>
        <source>Export plan schedule as PDF</source>
        <translation>将还款计划导出为 PDF</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 pages)</source>
        <translation>已保存 %1（共 %2 页）</translation>
    </message>
    <message>
        <source>&amp;Print calendar…</source>
        <translation>打印日历(&amp;P)…</translation>
    </message>
    <message>
        <source>Print plan sc&amp;hedule…</source>
        <translation>打印还款计划(&amp;H)…</translation>
    </message>
    <message>
        <source>Export calendar as P&amp;DF…</source>
        <translation>将日历导出为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Export plan schedu&amp;le as PDF…</source>
        <translation>将还款计划导出为 PDF(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>RecordPaymentDialog</name>
    <message>
        <source>Record payment</source>
        <translation>记录还款</translation>
    </message>
    <message>
        <source>Balance owed: %1</source>
        <translation>待还余额：%1</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>Date paid:</source>
        <translation>还款日期：</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>还款方式：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>This plan is paid off; nothing is owed.</source>
        <translation>该分期已结清，无待还款项。</translation>
    </message>
    <message>
        <source>Nothing is owed on this plan.</source>
        <translation>该分期暂无待还款项。</translation>
    </message>
    <message>
        <source>Next: period %1 of %2, due %3: %4</source>
        <translation>下一期：第 %1/%2 期，%3 到期：%4</translation>
    </message>
    <message numerus="yes">
        <source>%n days overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Recorded %1 for %2</source>
        <translation>已为 %2 记录还款 %1</translation>
    </message>
    <message>
        <source>penalty %1</source>
        <translation>罚息 %1</translation>
    </message>
    <message>
        <source>Overdue: %1 periods (%2–%3), %4</source>
        <translation>逾期：%1 期（第 %2–%3 期），%4</translation>
    </message>
    <message>
        <source>Enter the amount paid.</source>
        <translation>请输入还款金额。</translation>
    </message>
    <message>
        <source>More than the balance owed (%1): a payment can pay off at most the whole balance.</source>
        <translation>超过待还余额（%1）：一笔还款最多还清全部余额。</translation>
    </message>
    <message>
        <source>Payment of %1 on %2</source>
        <translation>%2 还款 %1</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>&amp;Show the list</source>
        <translation>查看列表(&amp;S)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提醒</translation>
    </message>
</context>
<context>
    <name>ReminderSettingsBox</name>
    <message>
        <source>Reminders and start-up</source>
        <translation>提醒与启动</translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation>关闭窗口后在系统托盘中继续运行(&amp;K)</translation>
    </message>
    <message>
        <source>Start at lo&amp;gin</source>
        <translation>登录时启动(&amp;G)</translation>
    </message>
    <message>
        <source>The app checks what needs attention when it starts and every hour, and shows one summary in the notification area.</source>
        <translation>应用在启动时和之后每小时检查需要处理的还款，并在通知区域显示一条汇总提醒。</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so the app cannot keep running there; reminders show as a desktop notification or a banner in the window.</source>
        <translation>此桌面没有系统托盘，应用无法在托盘中运行；提醒将以桌面通知或窗口顶部横幅的形式显示。</translation>
    </message>
    <message>
        <source>Start at login could not be changed: %1</source>
        <translation>无法更改登录时启动：%1</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Installment Tracker</source>
        <translation>分期账本</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Record &amp;payment…</source>
        <translation>记录还款(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Show the list</source>
        <translation>查看列表</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <source>Paid off %1</source>
        <translation>结清 %1</translation>
    </message>
    <message>
        <source>Penalty %1: %2 paid, %3 still owed</source>
        <translation>罚息 %1：已还 %2，尚欠 %3</translation>
    </message>
    <message>
        <source>#</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>还款日</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>罚息</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>Paid before tracking</source>
        <translation>记账前已还</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已还</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>待还</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>SchedulePreview</name>
    <message>
        <source>%1 × %n periods</source>
        <translation>每期 %1 × %n 期</translation>
    </message>
    <message>
        <source>%1 (%n periods)</source>
        <translation>%1（共 %n 期）</translation>
    </message>
    <message>
        <source>%1 to %2 a period, %n periods</source>
        <translation>每期 %1 至 %2，共 %n 期</translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation>已还 %1</translation>
    </message>
    <message>
        <source>Total cost (incl. upfront fee)</source>
        <translation>总成本（含前置手续费）</translation>
    </message>
    <message>
        <source>Repaid in installments</source>
        <translation>分期还款总额</translation>
    </message>
    <message>
        <source>Still to pay after the periods paid</source>
        <translation>扣除已还期数后待还</translation>
    </message>
    <message>
        <source>APR (年化利率)</source>
        <translation>年化利率（APR）</translation>
    </message>
    <message>
        <source>Effective annual rate</source>
        <translation>实际年利率</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Installments due within this many days are shown as due soon.</source>
        <translation>在此天数内到期的分期显示为“即将到期”。</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Reminder window:</source>
        <translation>提醒提前天数(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Create &amp;new file…</source>
        <translation>新建文件(&amp;N)…</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>With the symbol: ¥3,600.00</source>
        <translation>显示符号：¥3,600.00</translation>
    </message>
    <message>
        <source>With the code: CNY 3,600.00</source>
        <translation>显示代码：CNY 3,600.00</translation>
    </message>
    <message>
        <source>Show &amp;bills instead of single installments for accounts</source>
        <translation>账户按账单显示，而不是逐笔分期(&amp;B)</translation>
    </message>
    <message>
        <source>The Overview and the Calendar show one row per card or platform bill (account, due date, total) instead of each installment on it.</source>
        <translation>总览和日历中，每张卡或每个平台的账单显示为一行（账户、还款日、总额），而不是其中的每笔分期。</translation>
    </message>
    <message>
        <source>&amp;Default currency for new plans:</source>
        <translation>新建分期的默认货币(&amp;D)：</translation>
    </message>
    <message>
        <source>Each existing plan keeps its own currency; the overview totals use this one when any plan is in it.</source>
        <translation>已有分期沿用各自的货币；概览合计优先使用此货币。</translation>
    </message>
    <message>
        <source>&amp;Show amounts:</source>
        <translation>金额显示(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Open another…</source>
        <translation>打开其他文件(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Opening or creating a file switches to it at once; your plans stay in the file they were saved in.</source>
        <translation>打开或新建文件后会立即切换到该文件；原有分期仍保存在原来的文件中。</translation>
    </message>
    <message>
        <source>Tracker databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>分期账本数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Create a database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 already exists. Choose a new file name; existing files are never overwritten.</source>
        <translation>%1 已存在。请换一个新文件名；已有文件绝不会被覆盖。</translation>
    </message>
    <message>
        <source>This file cannot be used; it was left unchanged.</source>
        <translation>无法使用此文件；文件未作任何改动。</translation>
    </message>
    <message>
        <source>Your data was upgraded</source>
        <translation>数据已升级</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>The backup was not made; the database was left unchanged.</source>
        <translation>未能完成备份；数据库未作任何改动。</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>已备份到 %1</translation>
    </message>
</context>
<context>
    <name>StartProblem</name>
    <message>
        <source>This file was saved by a newer version of Installment Tracker. Update the app to open it.</source>
        <translation>此文件由更新版本的分期账本保存。请更新应用后再打开。</translation>
    </message>
    <message>
        <source>This file is damaged, empty, or not an Installment Tracker database, so it cannot be opened.</source>
        <translation>此文件已损坏、为空，或不是分期账本的数据库，因此无法打开。</translation>
    </message>
    <message>
        <source>The database file cannot be opened.</source>
        <translation>无法打开数据库文件。</translation>
    </message>
    <message>
        <source>Cannot open your data</source>
        <translation>无法打开你的数据</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>The file has not been changed.</source>
        <translation>此文件未被改动。</translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <translation>技术细节：%1</translation>
    </message>
    <message>
        <source>&amp;Restore the newest good backup (%1, %2 plans)</source>
        <translation>恢复最新的完好备份(&amp;R)（%1，%2 笔分期）</translation>
    </message>
    <message>
        <source>&amp;Open another file…</source>
        <translation>打开其他文件(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>备份未恢复</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Tracker databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>账本数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Paid</source>
        <translation>已还</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>部分已还</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>In grace period</source>
        <translation>宽限期内</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>还款中</translation>
    </message>
    <message>
        <source>Paid off</source>
        <translation>已结清</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
</context>
<context>
    <name>TransferActions</name>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Payments (CSV)…</source>
        <translation>还款记录（CSV）(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Installments with status (CSV)…</source>
        <translation>各期及状态（CSV）(&amp;I)…</translation>
    </message>
    <message>
        <source>P&amp;lans (CSV)…</source>
        <translation>分期（CSV）(&amp;L)…</translation>
    </message>
    <message>
        <source>CSV with &amp;Chinese headers and status words (for WPS/Excel)</source>
        <translation>CSV 使用中文表头和状态(&amp;C)（适合 WPS/Excel）</translation>
    </message>
    <message>
        <source>Export &amp;calendar (.ics)…</source>
        <translation>导出日历（.ics）(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Import from CSV…</source>
        <translation>从 CSV 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export payments</source>
        <translation>导出还款记录</translation>
    </message>
    <message>
        <source>Export installments</source>
        <translation>导出各期明细</translation>
    </message>
    <message>
        <source>Export plans</source>
        <translation>导出分期</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n due dates to %2</source>
        <translation>
            <numerusform>已将 %n 个还款日导出到 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported: the backup before the import failed.</source>
        <translation>未导入任何内容：导入前的备份失败。</translation>
    </message>
    <message numerus="yes">
        <source>%n plans</source>
        <translation>
            <numerusform>%n 笔分期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n payments</source>
        <translation>
            <numerusform>%n 笔还款</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported %1 and %2</source>
        <translation>已导入 %1 和 %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>Remind me this many days before each due date (0 = on the day):</source>
        <translation>在每个还款日前几天提醒（0 表示当天）：</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n rows to %2</source>
        <translation>
            <numerusform>已导出 %n 行到 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <source>Import from CSV</source>
        <translation>从 CSV 导入</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>已取消导入，未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>Workdays</name>
    <message>
        <source>(none)</source>
        <translation>（不顺延）</translation>
    </message>
    <message>
        <source>China (with 调休)</source>
        <translation>中国（含调休）</translation>
    </message>
    <message>
        <source>Hong Kong, China</source>
        <translation>中国香港</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>美国</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>德国</translation>
    </message>
    <message>
        <source>Country code %1</source>
        <translation>国家/地区代码 %1</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1（原 %2）</translation>
    </message>
    <message>
        <source>%1: no calendar for %2 yet; due dates there only skip weekends.</source>
        <translation>%1：尚无 %2 年的日历，这些日期只避开周末。</translation>
    </message>
</context>
</TS>
