"""Writes to indicator data: single targets and realisations, spreadsheet imports (all or
nothing), the indicators a Pokja adopts, and the catalogue's national targets.

Every function is keyword-only, takes the acting user as `by` and runs in one transaction.
Single-record writes are audited by the model signals (apps.py); an import writes one audit
record that summarises it.

One module per idea (checks, records, the import's parser, upsert and entry point, adoptions);
this package names them all, so `from indicators.services import import_file` keeps working.
"""

from indicators.services.adoptions import Adoption, adopted_counts, set_adoptions
from indicators.services.checks import check_period, check_value
from indicators.services.import_parser import (
    MAX_LISTED_ERRORS,
    NOTE_MAX,
    ImportResult,
    importable_regions,
)
from indicators.services.imports import import_file
from indicators.services.metadata import import_metadata
from indicators.services.records import delete_record, save_national_target, save_target, save_value
from indicators.services.upsert import BATCH_SIZE, TARGET_KEY, VALUE_KEY, save_records

__all__ = [
    "import_metadata",
    "Adoption",
    "BATCH_SIZE",
    "ImportResult",
    "MAX_LISTED_ERRORS",
    "NOTE_MAX",
    "TARGET_KEY",
    "VALUE_KEY",
    "adopted_counts",
    "check_period",
    "check_value",
    "delete_record",
    "import_file",
    "importable_regions",
    "save_national_target",
    "save_records",
    "save_target",
    "save_value",
    "set_adoptions",
]
