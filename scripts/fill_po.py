"""Fill a .po catalogue from a Python dict of translations (a helper for translators).

Usage: python scripts/fill_po.py path/to/django.po translations.py
The translations file defines T = {msgid: msgstr} and optionally PLURALS = {msgid: [forms]}.
Entries already translated are kept; the script lists what is still missing.
"""

import runpy
import sys

import polib

po_path, table_path = sys.argv[1], sys.argv[2]
table = runpy.run_path(table_path)
singular, plurals = table.get("T", {}), table.get("PLURALS", {})
po = polib.pofile(po_path)
missing = []
for entry in po:
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
        entry.msgstr = ""
    if entry.msgid_plural:
        if entry.msgid in plurals:
            entry.msgstr_plural = dict(enumerate(plurals[entry.msgid]))
        elif not all(entry.msgstr_plural.values()):
            missing.append(entry.msgid)
    elif entry.msgid in singular:
        entry.msgstr = singular[entry.msgid]
    elif not entry.msgstr:
        missing.append(entry.msgid)
po.metadata["Language"] = "id"
po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
po.save(po_path)
print(f"{po_path}: {len(missing)} missing")
for msgid in missing:
    print("  ", repr(msgid))
