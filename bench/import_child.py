"""`python -m bench.import_child FILE USERNAME [MODE]`: one indicator import (or one reading of
the workbook) in a fresh process, so that its peak memory is its own. Prints the seconds spent
and the peak resident memory in kB.

MODE: `import` (default: indicators.services.import_file, python-calamine behind the guard),
`import-baseline` (the same import reading .xlsx with bench/baseline_xlsx_reader.py, the
hand-written reader Sipokja used before), `read` (only the rows, through core.spreadsheets:
guard + python-calamine) and `read-baseline` (only the rows, with the baseline reader)."""

import os
import resource
import sys
import time


def peak_kb() -> int:
    """This process's peak resident memory in kB: VmHWM of its own address space. Not
    getrusage's ru_maxrss, which Linux carries over from the parent through fork and exec (a
    child of a 195 MB parent reported 195 MB whatever it did)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _baseline_read_workbook(fileobj):
    """indicators.spreadsheets.read_workbook as it was with the hand-written reader."""
    from bench.baseline_xlsx_reader import SheetReader
    from indicators.spreadsheets import _first_nonempty, _table

    reader = SheetReader(fileobj)
    rows = iter(reader.rows())
    number, header = _first_nonempty(rows)
    return _table(number, header, rows), reader.close


def _read(path, mode) -> tuple[int, float, float]:
    """(rows, seconds reading, seconds in the guard before it). The reading of python-calamine is
    timed apart from the guard, which the baseline reader never had (issue 17 added it)."""
    count, guard_seconds = 0, 0.0
    with open(path, "rb") as fileobj:
        if mode == "read-baseline":
            from bench.baseline_xlsx_reader import SheetReader

            started = time.perf_counter()
            reader = SheetReader(fileobj)
            for _row in reader.rows():
                count += 1
            reader.close()
        else:
            from python_calamine import CalamineWorkbook

            from core.spreadsheets import Workbook, guard

            started = time.perf_counter()
            guard(fileobj)
            guard_seconds = time.perf_counter() - started
            started = time.perf_counter()
            book = CalamineWorkbook.from_filelike(fileobj)  # what Workbook() does after guard()
            for _row in Workbook._iterate(book.get_sheet_by_name("Data")):
                count += 1
            book.close()
    return count, time.perf_counter() - started, guard_seconds


def main(path, username, mode="import"):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    if mode.startswith("read"):
        rows, seconds, guard_seconds = _read(path, mode)
        print(f"{rows} rows read; guard {guard_seconds * 1000:.0f} ms before reading")
        print(f"{seconds:.3f} {peak_kb()}")
        return
    from accounts.models import User
    from audit.context import acting_as
    from indicators import spreadsheets
    from indicators.services import import_file

    if mode == "import-baseline":
        spreadsheets.read_workbook = _baseline_read_workbook
    user = User.objects.get(username=username)
    started = time.perf_counter()
    with acting_as(user), open(path, "rb") as fileobj:
        try:
            result = import_file(by=user, fileobj=fileobj, filename=os.path.basename(path))
        except Exception as exc:
            sys.exit(f"{exc} {getattr(exc, 'errors', '')!s:.300}")
    seconds = time.perf_counter() - started
    print(result.summary())
    print(f"{seconds:.3f} {peak_kb()}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
