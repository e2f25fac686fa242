"""Pseudonyms for personal values, the same wherever a value occurs: the anonymised copy
(ops.anonymise) and the erasure of one person (privacy.erasure) use them."""

import re

from django.db import models

# Shorter values are not searched for in free text (too likely to be part of other words).
MIN_FREE_TEXT_LENGTH = 3
_WORD = re.compile(r"\w+")
NAME, EMAIL, PHONE, USERNAME = "name", "email", "phone", "username"


def kind_of(model, name: str) -> str:
    """What a personal field of `model` holds: an e-mail, a phone number or (else) a name."""
    if isinstance(model._meta.get_field(name), models.EmailField):
        return EMAIL
    if "phone" in name:
        return PHONE
    return NAME


def leaves(value):
    """Every string inside a JSON value (lists, tuples and dicts walked through)."""
    if isinstance(value, list | tuple):
        for item in value:
            yield from leaves(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from leaves(item)
    elif isinstance(value, str):
        yield value


class Pseudonyms:
    """One pseudonym per personal value, numbered per kind in the order values are met."""

    FORMATS = {
        NAME: "Anonim {n}",
        EMAIL: "anon{n}@example.invalid",
        PHONE: "0800{n:07d}",
        USERNAME: "anon{n}",
    }

    def __init__(self, formats=None):
        if formats:
            self.FORMATS = {**self.FORMATS, **formats}
        self.by_value: dict[str, str] = {}
        self._counts = dict.fromkeys(self.FORMATS, 0)
        self._search_index = None

    def add(self, value, kind) -> str | None:
        if not isinstance(value, str) or not value.strip():
            return None
        value = value.strip()
        if value not in self.by_value:
            self._counts[kind] += 1
            self.by_value[value] = self.FORMATS[kind].format(n=self._counts[kind])
            self._search_index = None
        return self.by_value[value]

    def get(self, value, kind):
        """The pseudonym of a field value (empty or blank stays as it is)."""
        return self.add(value, kind) or value

    def scrub_text(self, text):
        """`text` with every collected value that stands as whole words replaced by its
        pseudonym (the longest value first: "Andi Baso" before "Andi")."""
        if not isinstance(text, str) or not text:
            return text
        index = self._index()
        parts, done = [], 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < done:  # inside a value already replaced
                continue
            for length, pseudonyms in index.get(word.group(), ()):
                pseudonym = pseudonyms.get(text[start : start + length])
                if pseudonym is not None and not _WORD.match(text, start + length):
                    parts += [text[done:start], pseudonym]
                    done = start + length
                    break
        return "".join([*parts, text[done:]]) if parts else text

    def _index(self) -> dict:
        """{first word: [(length, {value: pseudonym}), … longest first]} of the searchable
        values: a text is scanned word by word, and only at a word that starts some value are
        the substrings of those values' lengths looked up."""
        if self._search_index is None:
            by_word: dict = {}
            for value, pseudonym in self.by_value.items():
                first = _WORD.search(value)
                if first is None or len(value) < MIN_FREE_TEXT_LENGTH:
                    continue
                # A value is matched from its first word ("+62 811…" as "62 811…").
                searchable = value[first.start() :]
                lengths = by_word.setdefault(first.group(), {})
                lengths.setdefault(len(searchable), {})[searchable] = pseudonym
            self._search_index = {
                word: sorted(lengths.items(), key=lambda item: -item[0])
                for word, lengths in by_word.items()
            }
        return self._search_index
