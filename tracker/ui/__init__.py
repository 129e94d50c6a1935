"""The desktop app (PySide6): the only package that imports Qt and matplotlib's Qt canvas.

Screens are separate modules (overview, plans, calendar, payments, settings); they get rows
from the services through the ``AppContext`` and refresh on its ``changed`` signal.
"""
