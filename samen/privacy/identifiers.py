"""Personal identifiers in free text.

A signal describes a situation in a neighbourhood, never a named person, and so do the notes
of the other modules: their text must not carry national register numbers, phone numbers,
e-mail addresses, bank accounts or licence plates. ``find_personal_data`` points them out so
the form can refuse or mask them before anything is stored (samen.privacy.text_guard).

The detectors favour precision: field workers write about streets, house numbers, postcodes,
times, dates, years, bus and tram lines and amounts all the time, and flagging those would teach
them to ignore the warning. Every numeric detector therefore treats a run of digits joined by
single separators (``12.03.2025``, ``1.250,00``) as one token and only reports a match that covers
a whole token; checksums (national register number, IBAN) are verified wherever one exists.

Pure Python on purpose: it runs in form validation, in bulk checks over stored signals and in
tests without a database.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

NATIONAL_REGISTER_NUMBER = "national_register_number"
PHONE_NUMBER = "phone_number"
EMAIL_ADDRESS = "email_address"
IBAN = "iban"
LICENCE_PLATE = "licence_plate"

KIND_LABELS: dict[str, str] = {
    NATIONAL_REGISTER_NUMBER: _("national register number"),
    PHONE_NUMBER: _("phone number"),
    EMAIL_ADDRESS: _("e-mail address"),
    IBAN: _("IBAN"),
    LICENCE_PLATE: _("licence plate"),
}

# When two findings cover exactly as many characters, the more specific kind wins.
_PRIORITY = {
    NATIONAL_REGISTER_NUMBER: 0,
    IBAN: 1,
    EMAIL_ADDRESS: 2,
    PHONE_NUMBER: 3,
    LICENCE_PLATE: 4,
}

__all__ = [
    "EMAIL_ADDRESS",
    "IBAN",
    "KIND_LABELS",
    "LICENCE_PLATE",
    "NATIONAL_REGISTER_NUMBER",
    "PHONE_NUMBER",
    "Finding",
    "find_personal_data",
]


@dataclass(frozen=True)
class Finding:
    """One personal identifier: its kind and where it sits in the text (``end`` exclusive)."""

    kind: str
    start: int
    end: int
    text: str


# A numeric token starts where no word character, and no digit followed by a separator, comes
# before it; it ends where no word character, and no separator followed by a digit, comes after.
# That keeps "2025" in "12.03.2025" or "250,00" in "1.250,00" from being read on its own.
# Digits are spelled [0-9] throughout: \d would also accept digits of other scripts.
_NUM_START = r"(?<![\w+])(?<![0-9][.,/-])"
_NUM_END = r"(?!\w)(?![.,/-][0-9])"


# --- National register number ----------------------------------------------------------------

_NRN = re.compile(
    _NUM_START
    + r"(?P<yy>[0-9]{2})(?P<dot>\.?)(?P<mm>[0-9]{2})(?P=dot)(?P<dd>[0-9]{2})"
    + r"[ .-]?(?P<serial>[0-9]{3})[ .-]?(?P<check>[0-9]{2})"
    + _NUM_END
)


def _nrn_is_valid(yy: str, mm: str, dd: str, serial: str, check: str) -> bool:
    """Whether the 11 digits form a plausible, checksum-valid national register number.

    Months 00-12 are ordinary numbers, 20-32 and 40-52 bis numbers (month + 20 or + 40); day 00
    and month 00 occur when the exact birth date is unknown. The check digits are 97 minus the
    first nine digits modulo 97; for people born in 2000 or later a "2" is put in front of those
    nine digits first. The two-digit year does not say which century, so either check passes.
    """
    month, day = int(mm), int(dd)
    if not (month <= 12 or 20 <= month <= 32 or 40 <= month <= 52):
        return False
    if day > 31:
        return False
    first9 = int(yy + mm + dd + serial)
    expected = int(check)
    return expected in (97 - first9 % 97, 97 - (2_000_000_000 + first9) % 97)


def _national_register_numbers(text: str) -> Iterator[Finding]:
    """Belgian national register numbers: ``YY.MM.DD-XXX.CC``, ``YYMMDD-XXX-CC``,
    ``YYMMDD XXX CC`` or ``YYMMDDXXXCC``, with a valid birth date part and checksum.

    Either check lets through about two random 11-digit runs in a hundred, and the date rule
    rejects most of those, so invoice or file numbers are rarely mistaken for one.
    """
    for m in _NRN.finditer(text):
        if _nrn_is_valid(m["yy"], m["mm"], m["dd"], m["serial"], m["check"]):
            yield Finding(NATIONAL_REGISTER_NUMBER, m.start(), m.end(), m.group())


# --- Phone numbers ---------------------------------------------------------------------------

_ZONE_SEP = r"(?: ?/ ?|[ \u00a0.-])?"  # after the zone: "03/", "03 / ", "03 ", "03.", "03-"
_SEP = r"[ \u00a0.-]?"  # between the groups of the subscriber number
_MOBILE_SUB = rf"(?:[0-9]{{2}}{_SEP}[0-9]{{2}}{_SEP}[0-9]{{2}}|[0-9]{{3}}{_SEP}[0-9]{{3}})"
# Subscriber numbers in a geographic zone never start with 0; that also leaves out 0800 and 090x.
_ZONE1_SUB = rf"(?:[1-9][0-9]{{2}}{_SEP}[0-9]{{2}}{_SEP}[0-9]{{2}}|[1-9][0-9]{{2}}{_SEP}[0-9]{{4}})"
_ZONE2_SUB = rf"(?:[1-9][0-9]{_SEP}[0-9]{{2}}{_SEP}[0-9]{{2}}|[1-9][0-9]{{2}}{_SEP}[0-9]{{3}})"
# Two-digit zones; 070 and 078 are shared-cost business numbers, not a person's.
_ZONE2 = r"(?:1[0-9]|[56][0-9]|7[1-79]|8[0-9])"
_BE_NATIONAL = (
    rf"(?:4[5-9][0-9]{_ZONE_SEP}{_MOBILE_SUB}"
    rf"|[2349]{_ZONE_SEP}{_ZONE1_SUB}"
    rf"|{_ZONE2}{_ZONE_SEP}{_ZONE2_SUB})"
)

# A phone number is not one group of a longer series of space-separated numbers either:
# "010101 001 26" is a mistyped national register number, not a number in zone 010.
_PHONE_START = _NUM_START + r"(?<![0-9][ \u00a0])"
_PHONE_END = _NUM_END + r"(?![ \u00a0][0-9])"

_PHONE_PATTERNS = (
    # Belgian, national form: 0470 12 34 56, 0470/12.34.56, 03 123 45 67, 03/123.45.67.
    re.compile(_PHONE_START + "0" + _BE_NATIONAL + _PHONE_END),
    # Belgian, international form: +32 470 12 34 56, 0032 3 123 45 67, +32 (0)3 123 45 67.
    re.compile(
        _PHONE_START + r"(?:\+|00)32[ \u00a0./-]?(?:\(0\)[ \u00a0]?)?" + _BE_NATIONAL + _PHONE_END
    ),
    # Any country after "+": the country code and 8 to 13 more digits, single separators.
    re.compile(
        _PHONE_START
        + r"\+[1-9][0-9]{0,2}(?:[ \u00a0.-]?\(0\))?(?:[ \u00a0./-]?[0-9]){8,13}"
        + _PHONE_END
    ),
    # Any country after "00": the country code must be followed by a separator, otherwise any
    # long number starting with 00 would qualify.
    re.compile(
        _PHONE_START
        + r"00[1-9][0-9]{0,2}[ \u00a0./-](?:\(0\)[ \u00a0]?)?[0-9](?:[ \u00a0./-]?[0-9]){7,12}"
        + _PHONE_END
    ),
)


def _phone_numbers(text: str) -> Iterator[Finding]:
    """Phone numbers: Belgian mobile (045x-049x plus six digits) and landline numbers (a one- or
    two-digit zone plus seven or six digits) in national or +32/0032 form, and foreign numbers
    written with + or 00 and a country code.

    Belgian numbers must follow the usual groupings (``0470 12 34 56``, ``0470 123 456``,
    ``03 123 45 67``, or no separators at all), which is what keeps dates such as ``03.12.2025``
    out; a bare 4-6 digit number never has enough digits. Service numbers (0800, 090x, 070, 078)
    and enterprise numbers belong to organisations and are left alone.
    """
    for pattern in _PHONE_PATTERNS:
        for m in pattern.finditer(text):
            if not _is_enterprise_number(text, m.start(), m.group()):
                yield Finding(PHONE_NUMBER, m.start(), m.end(), m.group())


_ENTERPRISE_DOTTED = re.compile(r"[01][0-9]{3}\.[0-9]{3}\.[0-9]{3}")
_AFTER_BE = re.compile(r"(?<!\w)[Bb][Ee][ \u00a0]?\Z")


def _is_enterprise_number(text: str, start: int, number: str) -> bool:
    """Whether a would-be phone number is an enterprise (KBO/VAT) number instead.

    Enterprise numbers have ten digits starting with 0 or 1, so 0456.789.123 looks like a mobile
    number. They are written ``0456.789.123`` or after ``BE``, and their last two digits are 97
    minus the first eight modulo 97; both the form and the checksum must fit, so only about one
    in a hundred real phone numbers written that way is given up.
    """
    digits = re.sub(r"[^0-9]", "", number)
    if len(digits) != 10 or 97 - int(digits[:8]) % 97 != int(digits[8:]):
        return False
    after_be = _AFTER_BE.search(text, max(0, start - 3), start)
    return bool(_ENTERPRISE_DOTTED.fullmatch(number) or after_be)


# --- E-mail addresses ------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w%+-])"
    r"[\w%+-]+(?:\.[\w%+-]+)*"  # local part: no leading, trailing or doubled dot
    r"@(?:[^\W_](?:[\w-]*[^\W_])?\.)+"  # domain labels: no leading or trailing hyphen
    r"[^\W\d_]{2,}"  # top-level domain: letters only
    r"(?![\w-])"
)


def _email_addresses(text: str) -> Iterator[Finding]:
    """E-mail addresses, a practical subset of RFC 5322: a local part of letters, digits and
    ``. _ % + -``, an ``@`` and a domain with at least one dot and a top-level domain of two or
    more letters. Quoted local parts and IP literals are not written by hand and are skipped.
    """
    for m in _EMAIL.finditer(text):
        yield Finding(EMAIL_ADDRESS, m.start(), m.end(), m.group())


# --- IBAN ------------------------------------------------------------------------------------

# ISO 13616 lengths of the countries a signal is likely to mention; others must be 15-34 long.
_IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "BA": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28,
    "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27,
    "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21,
    "MA": 28, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "RS": 22,
    "SE": 24, "SI": 19, "SK": 24, "TN": 24, "TR": 26, "UA": 29,
}  # fmt: skip
_IBAN_HEAD = re.compile(r"(?<!\w)[A-Za-z]{2}[0-9]{2}")
_IBAN_COMPACT = re.compile(r"(?<!\w)[A-Za-z]{2}[0-9]{2}[A-Za-z0-9]{11,30}(?!\w)")
_IBAN_GROUPED = re.compile(r"(?<!\w)[A-Za-z]{2}[0-9]{2}(?: [A-Za-z0-9]{4})+(?: [A-Za-z0-9]{1,3})?")


def _iban_is_valid(compact: str) -> bool:
    """ISO 13616: the right length for the country, then the mod-97 check over the number with
    its first four characters moved to the end and letters read as 10-35 must give 1."""
    iban = compact.upper()
    country = iban[:2]
    expected = _IBAN_LENGTHS.get(country)
    if expected is not None and len(iban) != expected:
        return False
    if expected is None and not 15 <= len(iban) <= 34:
        return False
    if country == "BE" and not iban[4:].isdigit():
        return False
    digits = "".join(str(int(ch, 36)) for ch in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def _ibans(text: str) -> Iterator[Finding]:
    """IBANs, written without spaces (``BE68539007547034``) or in groups of four
    (``BE68 5390 0754 7034``), accepted only with the country's length and a valid mod-97 check.

    For grouped numbers the longest run of groups that validates is taken, so a four-letter word
    right after the number ("... 7034 voor") does not hide it.
    """
    for head in _IBAN_HEAD.finditer(text):
        start = head.start()
        m = _IBAN_COMPACT.match(text, start)
        if m and _iban_is_valid(m.group()):
            yield Finding(IBAN, start, m.end(), m.group())
            continue
        m = _IBAN_GROUPED.match(text, start)
        if not m:
            continue
        groups = m.group().split(" ")
        for count in range(len(groups), 2, -1):
            candidate = " ".join(groups[:count])
            end = start + len(candidate)
            if re.match(r"\w", text[end : end + 1]):
                continue  # the last group is only the start of a longer word
            if _iban_is_valid(candidate.replace(" ", "")):
                yield Finding(IBAN, start, end, candidate)
                break


# --- Licence plates --------------------------------------------------------------------------

_PLATE_CURRENT = re.compile(
    r"(?<![\w-])[1-9](?P<s1>[ -]?)(?P<letters>[A-Za-z]{3})(?P<s2>[ -]?)[0-9]{3}(?!\w)(?!-\w)"
)
_PLATE_OLD = re.compile(
    r"(?<![\w-])(?:(?P<before>[A-Za-z]{3})-[0-9]{3}|[0-9]{3}-(?P<after>[A-Za-z]{3}))(?!\w)(?!-\w)"
)
# Three letters and three digits joined by a dash that are ordinary words, not plates:
# "top-100", "EUR-100", "een 100-tal", "de 100-ste".
_NOT_PLATE_BEFORE = {"TOP", "EUR", "USD", "GBP", "CHF", "ISO", "DIN", "NEN", "EAN"}
_NOT_PLATE_AFTER = {"TAL", "STE", "JES", "ERS"}


def _same_case(letters: str) -> bool:
    return letters.isupper() or letters.islower()


def _licence_plates(text: str) -> Iterator[Finding]:
    """Belgian licence plates: the current ``1-ABC-234`` (a digit 1-9, three letters, three
    digits, joined by dashes, spaces or nothing) and the older ``ABC-123`` and ``123-ABC``.

    Letters may be upper or lower case but not mixed, so "Top-100" stays a word. Written with
    spaces, the letters must be capitals: "2 man 150 meter verder" is not a plate. A few
    three-letter words that often meet a number with a dash ("100-tal", "top-100") are skipped.
    """
    for m in _PLATE_CURRENT.finditer(text):
        letters = m["letters"]
        if not _same_case(letters):
            continue
        if " " in (m["s1"], m["s2"]) and not letters.isupper():
            continue
        yield Finding(LICENCE_PLATE, m.start(), m.end(), m.group())
    for m in _PLATE_OLD.finditer(text):
        before, after = m["before"], m["after"]
        letters = before or after
        if not _same_case(letters):
            continue
        if letters.upper() in (_NOT_PLATE_BEFORE if before else _NOT_PLATE_AFTER):
            continue
        yield Finding(LICENCE_PLATE, m.start(), m.end(), m.group())


# --- All together ----------------------------------------------------------------------------

_DETECTORS = (_national_register_numbers, _ibans, _email_addresses, _phone_numbers, _licence_plates)


# What every identifier holds somewhere, so that text without it needs no detector at all:
# an @ (e-mail); three digits in a row (national register numbers, plates, and Belgian phone
# numbers but for the +32 form of two-digit zones); two letters and two digits (an IBAN's
# head); or eight digits with at most three other characters between each two (every phone
# number). Most signal text mentions small numbers ("rond 21 u", "25 jongeren") and none of
# these: an import of a million rows skips the five detectors for nearly all of them.
# Written so that every branch starts with @ or a digit: the engine then skips to those.
_MAY_HOLD_ANY = re.compile(
    r"@|[0-9](?:(?<=[A-Za-z]{2}[0-9])[0-9]|[0-9]{2}|(?:[^0-9]{0,3}+[0-9]){7})"
)


def find_personal_data(text: str) -> list[Finding]:
    """All personal identifiers in text, sorted by start, non-overlapping (longest wins).

    Where candidates overlap, the longest one is kept, and on equal length the more specific kind:
    the digits of a national register number are not also reported as a phone number, nor the
    digits in an e-mail address.
    """
    if not _MAY_HOLD_ANY.search(text):
        return []
    return _detect(text)


def _detect(text: str) -> list[Finding]:
    """find_personal_data without the quick look that rules most text out."""
    candidates = [finding for detect in _DETECTORS for finding in detect(text)]
    candidates.sort(key=lambda f: (f.start - f.end, _PRIORITY[f.kind], f.start))
    kept: list[Finding] = []
    for candidate in candidates:
        if all(candidate.end <= k.start or k.end <= candidate.start for k in kept):
            kept.append(candidate)
    kept.sort(key=lambda f: f.start)
    return kept
