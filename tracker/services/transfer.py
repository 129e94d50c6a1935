"""Moving data in and out: CSV export/import and the calendar feed (see ``export`` and
``imports``; this module keeps one import path for the CLI and the GUI)."""

from .export import (
    KINDS,
    calendar_feed,
    export_csv,
    export_rows,
    installment_lines,
    payment_lines,
    plan_lines,
    save_bytes,
)
from .imports import (
    ImportedPayment,
    ImportedPlan,
    ImportFile,
    ImportProblem,
    ImportRefused,
    ImportReport,
    import_file,
    import_files,
)

__all__ = [
    "KINDS",
    "ImportFile",
    "ImportProblem",
    "ImportRefused",
    "ImportReport",
    "ImportedPayment",
    "ImportedPlan",
    "calendar_feed",
    "export_csv",
    "export_rows",
    "import_file",
    "import_files",
    "installment_lines",
    "payment_lines",
    "plan_lines",
    "save_bytes",
]
