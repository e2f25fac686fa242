import getpass
import os

from django.core.management.base import BaseCommand, CommandError

from accounts.roles import ROLES
from accounts.services import upsert_user_with_role
from core.errors import DomainError


class Command(BaseCommand):
    help = (
        "Create or update a user and give them a role for a region. The password comes from "
        "SIPOKJA_PASSWORD, otherwise it is prompted."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLES))
        parser.add_argument("--region", help="Kemendagri code such as 73 or 73.06 (7306 works too)")
        parser.add_argument("--email", default="")
        parser.add_argument("--name", default="", help="Full name")

    def handle(self, *args, **options):
        password = os.environ.get("SIPOKJA_PASSWORD")
        if not password:
            if not self.stdin_is_tty():
                raise CommandError("Set SIPOKJA_PASSWORD or run the command in a terminal.")
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The passwords do not match.")
        from django.contrib.auth import get_user_model
        from django.contrib.auth.password_validation import validate_password
        from django.core.exceptions import ValidationError

        candidate = get_user_model()(username=options["username"], email=options["email"])
        try:
            validate_password(password, user=candidate)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        try:
            user, created = upsert_user_with_role(
                username=options["username"],
                role=options["role"],
                region_code=options["region"],
                password=password,
                email=options["email"],
                full_name=options["name"],
            )
        except DomainError as exc:
            raise CommandError(str(exc.message)) from None
        verb = "Created" if created else "Updated"
        where = options["region"] or "national"
        self.stdout.write(f"{verb} user {user.username} with role {options['role']} for {where}.")

    @staticmethod
    def stdin_is_tty():
        import sys

        return sys.stdin.isatty()
