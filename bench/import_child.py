"""`python -m bench.import_child FILE USERNAME`: one indicator import in a fresh process, so
that its peak memory is the import's own. Prints the seconds spent in `import_file` and the
peak resident memory in kB."""

import os
import resource
import sys
import time


def main(path, username):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from accounts.models import User
    from audit.context import acting_as
    from indicators.services import import_file

    user = User.objects.get(username=username)
    started = time.perf_counter()
    with acting_as(user), open(path, "rb") as fileobj:
        try:
            result = import_file(by=user, fileobj=fileobj, filename=os.path.basename(path))
        except Exception as exc:
            sys.exit(f"{exc} {getattr(exc, 'errors', '')!s:.300}")
    seconds = time.perf_counter() - started
    print(result.summary())
    print(f"{seconds:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
