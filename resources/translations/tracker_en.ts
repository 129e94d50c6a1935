<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>Backups</name>
        <message numerus="yes">
            <source>%n plans</source>
            <translation>
                <numerusform>%n plan</numerusform>
                <numerusform>%n plans</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n payments</source>
            <translation>
                <numerusform>%n payment</numerusform>
                <numerusform>%n payments</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CalendarScreen</name>
        <message numerus="yes">
            <source>%n days</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DueList</name>
        <message numerus="yes">
            <source>Overdue, in grace, or due within %n days</source>
            <translation>
                <numerusform>Overdue, in grace, or due within %n day</numerusform>
                <numerusform>Overdue, in grace, or due within %n days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message numerus="yes">
            <source>%n plans</source>
            <translation>
                <numerusform>%n plan</numerusform>
                <numerusform>%n plans</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n payments</source>
            <translation>
                <numerusform>%n payment</numerusform>
                <numerusform>%n payments</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Check the %n warnings before you import.</source>
            <translation>
                <numerusform>Check the warning before you import.</numerusform>
                <numerusform>Check the %n warnings before you import.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Notices</name>
        <message numerus="yes">
            <source>%n loans used the old early-payoff default: all future interest.</source>
            <translation>
                <numerusform>%n loan used the old early-payoff default: all future interest.</numerusform>
                <numerusform>%n loans used the old early-payoff default: all future interest.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OverviewScreen</name>
        <message numerus="yes">
            <source>in %n days</source>
            <translation>
                <numerusform>in %n day</numerusform>
                <numerusform>in %n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>bill of %n installments</source>
            <translation>
                <numerusform>bill of %n installment</numerusform>
                <numerusform>bill of %n installments</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PaymentsScreen</name>
        <message numerus="yes">
            <source>%n payments shown, total %2</source>
            <translation>
                <numerusform>%n payment shown, total %2</numerusform>
                <numerusform>%n payments shown, total %2</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PlanDetailPanel</name>
        <message numerus="yes">
            <source>%n days</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n periods</source>
            <translation>
                <numerusform>%n period</numerusform>
                <numerusform>%n periods</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PlansScreen</name>
        <message numerus="yes">
            <source>Delete “%1” and its %n payments?</source>
            <translation>
                <numerusform>Delete “%1” and its %n payment?</numerusform>
                <numerusform>Delete “%1” and its %n payments?</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Print</name>
        <message numerus="yes">
            <source>%n items</source>
            <translation>
                <numerusform>%n item</numerusform>
                <numerusform>%n items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Overdue from earlier months: %n items, %2</source>
            <translation>
                <numerusform>Overdue from earlier months: %n item, %2</numerusform>
                <numerusform>Overdue from earlier months: %n items, %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Overdue, %n days</source>
            <translation>
                <numerusform>Overdue, %n day</numerusform>
                <numerusform>Overdue, %n days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RecordPaymentDialog</name>
        <message numerus="yes">
            <source>%n days overdue</source>
            <translation>
                <numerusform>%n day overdue</numerusform>
                <numerusform>%n days overdue</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SchedulePreview</name>
        <message numerus="yes">
            <source>%1 × %n periods</source>
            <translation>
                <numerusform>%1 × %n period</numerusform>
                <numerusform>%1 × %n periods</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 (%n periods)</source>
            <translation>
                <numerusform>%1 (%n period)</numerusform>
                <numerusform>%1 (%n periods)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 to %2 a period, %n periods</source>
            <translation>
                <numerusform>%1 to %2 a period, %n period</numerusform>
                <numerusform>%1 to %2 a period, %n periods</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TransferActions</name>
        <message numerus="yes">
            <source>Exported %n due dates to %2</source>
            <translation>
                <numerusform>Exported %n due date to %2</numerusform>
                <numerusform>Exported %n due dates to %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n plans</source>
            <translation>
                <numerusform>%n plan</numerusform>
                <numerusform>%n plans</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n payments</source>
            <translation>
                <numerusform>%n payment</numerusform>
                <numerusform>%n payments</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %n rows to %2</source>
            <translation>
                <numerusform>Exported %n row to %2</numerusform>
                <numerusform>Exported %n rows to %2</numerusform>
            </translation>
        </message>
    </context>
</TS>
