"""Reports: plain data computed from service records, with no Qt.

Chart series (series), print layouts (print_data), CSV (csv_*) and the calendar feed (ics);
import the module you need.
"""
