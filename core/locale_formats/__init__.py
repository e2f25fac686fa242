"""Sipokja's date formats per interface language (settings.FORMAT_MODULE_PATH), so the `date`
filter and `localize` write dates in full: `4 Desember 2026`, `Kamis, 4 Desember 2026 pukul
09.00 WITA`; in English `4 December 2026`, `Thursday, 4 December 2026 at 09:00 WITA`. The rest
comes from Django's own locale formats."""
