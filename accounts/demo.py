"""Demo log-ins, one per persona. Loaded by `manage.py load_demo` (never in production)."""

from accounts.services import upsert_user_with_role

DEMO_PASSWORD = "demo-sipokja-2026"

PERSONAS = [
    ("nasional", "national_admin", None, "Admin Nasional (demo)"),
    ("sulsel", "provincial_admin", "73", "Admin Perwakilan BKKBN Sulsel (demo)"),
    ("gowa", "regency_operator", "73.06", "Operator Kabupaten Gowa (demo)"),
    ("anggota.gowa", "member", "73.06", "Anggota Pokja Gowa (demo)"),
    ("pimpinan.sulsel", "viewer", "73", "Pimpinan Sulsel (demo)"),
    ("sultra", "provincial_admin", "74", "Admin Perwakilan BKKBN Sultra (demo)"),
]


def load(stdout):
    for username, role, region, name in PERSONAS:
        upsert_user_with_role(
            username=username, role=role, region_code=region, password=DEMO_PASSWORD, full_name=name
        )
    stdout.write(f"Demo users: {len(PERSONAS)} (password {DEMO_PASSWORD}).")
