"""Copy the files of a local media folder into the configured storage (the S3 bucket), keeping
each name, and verify every copy by its SHA-256 read back from the storage."""

from dataclasses import dataclass, field

from django.core.files.storage import FileSystemStorage, default_storage

from core.storage import sha256, walk


@dataclass
class CopyReport:
    copied: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)  # present with the same checksum
    failed: list[str] = field(default_factory=list)  # checksum differs after the copy


def copy_files(source_root, destination=None) -> CopyReport:
    """Copy every file under `source_root` to `destination` (default: the default storage).
    A file already there with the same checksum is left; one with other content is replaced."""
    source = FileSystemStorage(location=str(source_root))
    destination = destination or default_storage
    report = CopyReport()
    for name in walk(source):
        expected = sha256(source, name)
        if destination.exists(name):
            if sha256(destination, name) == expected:
                report.already.append(name)
                continue
            destination.delete(name)
        with source.open(name, "rb") as handle:
            saved = destination.save(name, handle)
        if saved != name or sha256(destination, name) != expected:
            report.failed.append(name)
        else:
            report.copied.append(name)
    return report
