"""Personal identifiers in free text: examples from the field, then generated cases."""

from __future__ import annotations

import dataclasses
import datetime
import re
import string

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from samen.privacy.identifiers import KIND_LABELS, Finding, find_personal_data

NRN = "national_register_number"
PHONE = "phone_number"
EMAIL = "email_address"
IBAN = "iban"
PLATE = "licence_plate"


def spans(text: str) -> list[tuple[str, int, int]]:
    return [(f.kind, f.start, f.end) for f in find_personal_data(text)]


def expect(text: str, *found: tuple[str, str]) -> list[tuple[str, int, int]]:
    """The (kind, start, end) triples for the given (kind, substring) pairs, in order."""
    result, offset = [], 0
    for kind, part in found:
        start = text.index(part, offset)
        result.append((kind, start, start + len(part)))
        offset = start + len(part)
    return result


def nrn_check(first9: str, born_2000_or_later: bool) -> int:
    base = int(first9) + (2_000_000_000 if born_2000_or_later else 0)
    return 97 - base % 97


def iban_check(country: str, bban: str) -> int:
    digits = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    return 98 - int(digits) % 97


# --- Examples --------------------------------------------------------------------------------


def test_interface():
    assert set(KIND_LABELS) == {NRN, PHONE, EMAIL, IBAN, PLATE}
    finding = find_personal_data("Bel 0470 12 34 56.")[0]
    assert finding == Finding(PHONE, 4, 17, "0470 12 34 56")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.start = 0  # type: ignore[misc]


@pytest.mark.parametrize(
    "number",
    ["85.07.30-033.28", "850730-033-28", "850730 033 28", "85073003328"],
)
def test_national_register_number_written_forms(number):
    text = f"De jongen gaf zijn rijksregisternummer {number} aan de wijkagent."
    assert spans(text) == expect(text, (NRN, number))
    start = len("De jongen gaf zijn rijksregisternummer ")
    assert spans(text) == [(NRN, start, start + len(number))]


def test_national_register_number_born_after_2000_and_bis_numbers():
    born_2004 = f"040715123{nrn_check('040715123', True):02d}"
    bis = f"854730033{nrn_check('854730033', False):02d}"  # month 07 + 40
    unknown_date = f"850000033{nrn_check('850000033', False):02d}"
    text = f"Nummers {born_2004}, {bis} en {unknown_date}."
    assert spans(text) == expect(text, (NRN, born_2004), (NRN, bis), (NRN, unknown_date))


def test_national_register_number_needs_checksum_and_date():
    wrong_check = "85.07.30-033.29"
    month_13 = f"851330033{nrn_check('851330033', False):02d}"
    day_32 = f"850732033{nrn_check('850732033', False):02d}"
    assert find_personal_data(f"Dossier {wrong_check}, {month_13} en {day_32}.") == []


def test_national_register_number_is_not_a_phone_number():
    # Born in 2004 with a bis month of 52: the digits start like a mobile number (0452).
    number = f"045215123{nrn_check('045215123', True):02d}"
    for written in (number, f"{number[:6]} {number[6:9]} {number[9:]}"):
        text = f"Het nummer {written} stond op de kaart."
        assert spans(text) == expect(text, (NRN, written))


def test_enterprise_numbers_are_not_phone_numbers():
    # 0456.789.133 passes the enterprise number check (97 - 04567891 mod 97 = 33).
    text = "De vzw met ondernemingsnummer 0456.789.133 (BE 0456 789 133) huurt de zaal."
    assert find_personal_data(text) == []
    text = "Hij gaf 0456 789 133 op, niet 0456.789.123."
    assert spans(text) == expect(text, (PHONE, "0456 789 133"), (PHONE, "0456.789.123"))


def test_mistyped_national_register_number_is_not_a_phone_number():
    # Zone 010 plus six digits, but followed by two more: a national register number whose
    # check digits are wrong, not a phone number in Wavre.
    assert nrn_check("010101001", False) != 0 and nrn_check("010101001", True) != 0
    assert find_personal_data("Het nummer 010101 001 00 klopt niet.") == []


@pytest.mark.parametrize(
    "number",
    [
        "0470 12 34 56",
        "0470/12.34.56",
        "0475123456",
        "0495 123 456",
        "03 123 45 67",
        "03/123.45.67",
        "09 / 234 56 78",
        "050 12 34 56",
        "+32 470 12 34 56",
        "+32470123456",
        "0032 3 123 45 67",
        "+32 (0)3 123 45 67",
        "+31 6 12345678",
        "0044 20 7946 0958",
        "+212 6 12 34 56 78",
    ],
)
def test_phone_numbers(number):
    text = f"Buurtbewoners kunnen de straathoekwerker bellen op {number}, ook 's avonds."
    assert spans(text) == expect(text, (PHONE, number))


@pytest.mark.parametrize(
    "address",
    ["jan.peeters@example.be", "x+y@sub.domein.co.uk", "info_2060@stad-antwerpen.be"],
)
def test_email_addresses(address):
    text = f"Iemand mailde vanaf {address}. Daarna bleef het stil."
    assert spans(text) == expect(text, (EMAIL, address))


def test_phone_number_inside_an_email_address_is_the_address():
    text = "Contact via 0470123456@telenet.be."
    assert spans(text) == expect(text, (EMAIL, "0470123456@telenet.be"))


@pytest.mark.parametrize(
    "iban",
    [
        "BE68 5390 0754 7034",
        "BE68539007547034",
        "NL91ABNA0417164300",
        "NL91 ABNA 0417 1643 00",
        "FR14 2004 1010 0505 0001 3M02 606",
        "DE89 3704 0044 0532 0130 00",
        "LU28 0019 4006 4475 0000",
        "GB29 NWBK 6016 1331 9268 19",
    ],
)
def test_ibans(iban):
    text = f"Er werd gevraagd geld te storten op {iban} voor de vzw."
    assert spans(text) == expect(text, (IBAN, iban))


def test_iban_needs_checksum_and_country_length():
    assert find_personal_data("Rekening BE69 5390 0754 7034 en BE68 5390 0754 703.") == []


@pytest.mark.parametrize("plate", ["1-ABC-234", "2 XYZ 987", "1ABC234", "1-abc-234", "ABC-123"])
def test_licence_plates(plate):
    text = f"Een wagen met nummerplaat {plate} reed meermaals voorbij."
    assert spans(text) == expect(text, (PLATE, plate))


def test_old_licence_plate_digits_first():
    text = "De bestelwagen (123-ABC) stond aan de Kiel."
    assert spans(text) == [(PLATE, 16, 23)]


def test_several_kinds_in_one_signal():
    text = (
        "Man met wagen 1-ABC-234 deelt flyers uit met gsm 0470 12 34 56 en "
        "mail info@voorbeeld.be; rekening BE68 5390 0754 7034."
    )
    assert spans(text) == expect(
        text,
        (PLATE, "1-ABC-234"),
        (PHONE, "0470 12 34 56"),
        (EMAIL, "info@voorbeeld.be"),
        (IBAN, "BE68 5390 0754 7034"),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Om 14:30 stonden er 20 jongeren aan de Turnhoutsebaan 123, 2140 Borgerhout.",
        "Bus 13 en tram 24 rijden niet sinds 12/03/2025.",
        "Schade van € 1.250,00 aan de ramen.",
        "Flyers van N-VA en COVID-19 complotdenken",
        "Jaar 2024, week 12",
        "Op 03.12.2025 3 jongeren gezien, op 09.10.2025 weer, 02-03-2025 ook.",
        "Samenscholing tussen 22u en 02u in postcode 2060, Diepestraat 45 bus 2.",
        "Een 100-tal jongeren, lijn A12 en bus 410, de top-100 en Top-100.",
        "Er stonden 2 man 150 meter verder, 3 dagen 200 euro boete.",
        "Begroting 1.250.000 euro, 2024-2025, schooljaar 2025-2026, 12.500 inwoners.",
        "Hulplijn 0800 30 030 en 1813 zijn anoniem, net als 070 12 34 56.",
        "Tussen 2019 en 2024 daalde het aantal meldingen van 1250 naar 980.",
        "Factuur 2024/001234, dossier 2023-0456-123, ISBN 978-90-123-4567-8.",
        "Van 02.03 tot 05.03, tussen 04.00 en 06.00 uur, van 0900 tot 1700.",
    ],
)
def test_everyday_text_stays_clean(text):
    assert find_personal_data(text) == []


# --- Generated cases -------------------------------------------------------------------------

filler = st.text(alphabet=st.characters(categories=("Lu", "Ll")) | st.just(" "), max_size=30)


def embed(draw, token: str) -> tuple[str, int]:
    """Put token at a random place in random text of letters and spaces; return text and start."""
    before, after = draw(filler), draw(filler)
    prefix = before + " " if before else ""
    suffix = " " + after if after else ""
    return prefix + token + suffix, len(prefix)


def written_nrn(first9: str, check: int, form: int) -> str:
    yy, mm, dd, serial, cc = first9[:2], first9[2:4], first9[4:6], first9[6:], f"{check:02d}"
    return [
        f"{yy}.{mm}.{dd}-{serial}.{cc}",
        f"{yy}{mm}{dd}-{serial}-{cc}",
        f"{yy}{mm}{dd} {serial} {cc}",
        f"{yy}{mm}{dd}{serial}{cc}",
    ][form]


@st.composite
def nrn_parts(draw) -> tuple[str, int, int]:
    """First nine digits, the right check digits and a written form."""
    born = draw(st.dates(datetime.date(1930, 1, 1), datetime.date(2025, 12, 31)))
    serial = draw(st.integers(1, 997))
    first9 = f"{born:%y%m%d}{serial:03d}"
    return first9, nrn_check(first9, born.year >= 2000), draw(st.integers(0, 3))


@settings(max_examples=200)
@given(st.data(), nrn_parts())
def test_generated_national_register_numbers_are_found(data, parts):
    first9, check, form = parts
    number = written_nrn(first9, check, form)
    text, start = embed(data.draw, number)
    assert find_personal_data(text) == [Finding(NRN, start, start + len(number), number)]


@settings(max_examples=200)
@given(st.data(), nrn_parts())
def test_wrong_check_digits_are_not_found(data, parts):
    first9, _, form = parts
    valid = {nrn_check(first9, False), nrn_check(first9, True)}
    wrong = data.draw(st.integers(0, 99).filter(lambda check: check not in valid))
    text, _ = embed(data.draw, written_nrn(first9, wrong, form))
    assert find_personal_data(text) == []


@settings(max_examples=200)
@given(st.data(), st.text(alphabet=string.digits, min_size=12, max_size=12), st.booleans())
def test_generated_belgian_ibans_are_found(data, bban, grouped):
    compact = f"BE{iban_check('BE', bban):02d}{bban}"
    iban = " ".join(compact[i : i + 4] for i in range(0, 16, 4)) if grouped else compact
    text, start = embed(data.draw, iban)
    assert find_personal_data(text) == [Finding(IBAN, start, start + len(iban), iban)]


MOBILE_STYLES = [
    "0{p} {a} {b} {c}",
    "0{p}/{a}.{b}.{c}",
    "0{p}/{a} {b} {c}",
    "0{p}-{a}-{b}-{c}",
    "0{p}{a}{b}{c}",
    "0{p} {a}{b0} {b1}{c}",
    "+32 {p} {a} {b} {c}",
    "+32{p}{a}{b}{c}",
    "+32 (0){p} {a} {b} {c}",
    "0032 {p} {a} {b} {c}",
]


@settings(max_examples=200)
@given(
    st.data(),
    st.integers(450, 499),
    st.text(alphabet=string.digits, min_size=6, max_size=6),
    st.sampled_from(MOBILE_STYLES),
)
def test_generated_belgian_mobile_numbers_are_found(data, prefix, digits, style):
    number = style.format(
        p=prefix, a=digits[:2], b=digits[2:4], c=digits[4:], b0=digits[2], b1=digits[3]
    )
    text, start = embed(data.draw, number)
    # Right after the word "BE" ten digits with a valid checksum are an enterprise number.
    assume(not re.search(r"(?<!\w)be $", text[:start], re.IGNORECASE))
    assert find_personal_data(text) == [Finding(PHONE, start, start + len(number), number)]


local_atom = st.text(alphabet=string.ascii_letters + string.digits + "_%+-", min_size=1, max_size=8)
domain_label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True)


@st.composite
def email_addresses(draw) -> str:
    local = ".".join(draw(st.lists(local_atom, min_size=1, max_size=3)))
    domain = ".".join(draw(st.lists(domain_label, min_size=1, max_size=3)))
    tld = draw(st.text(alphabet=string.ascii_lowercase, min_size=2, max_size=6))
    return f"{local}@{domain}.{tld}"


@settings(max_examples=200)
@given(st.data(), email_addresses())
def test_generated_email_addresses_are_found(data, address):
    text, start = embed(data.draw, address)
    assert find_personal_data(text) == [Finding(EMAIL, start, start + len(address), address)]


@settings(max_examples=200)
@given(
    st.text(
        alphabet=st.characters(categories=("L", "Zs", "P"), exclude_characters="@"),
        max_size=200,
    )
)
def test_text_without_digits_or_at_sign_is_clean(text):
    assert find_personal_data(text) == []


near_misses = st.text(alphabet="0123456789 ./-+()@,:abeklnrBEKLNRX€", max_size=80)


@settings(max_examples=200)
@given(st.text(max_size=200) | near_misses)
def test_findings_are_sorted_disjoint_and_exact(text):
    findings = find_personal_data(text)
    for finding in findings:
        assert finding.kind in KIND_LABELS
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
    for first, second in zip(findings, findings[1:], strict=False):
        assert first.end <= second.start


# --- The quick look that rules text out -------------------------------------------------------

from samen.privacy.identifiers import _MAY_HOLD_ANY, _detect  # noqa: E402

_PIECES = st.one_of(
    st.sampled_from(list("0123456789") * 4),
    st.sampled_from([" ", ".", "-", "/", "(", ")", "+", "@", "\u00a0", ",", "u", "BE", "NL", "x"]),
    st.text(alphabet=string.ascii_letters, min_size=1, max_size=4),
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_text_the_quick_look_rules_out_holds_nothing(text):
    if not _MAY_HOLD_ANY.search(text):
        assert _detect(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Bel +32 11 23 45 67 of +1 2 3 4 5 6 7 8 9.",
        "Nummer 0032 (0)11 23 45 67 en 0470/12.34.56.",
        "Rekening BE68 5390 0754 7034 of NL91ABNA0417164300.",
        "Auto 1-ABC-234, abc-123 en 123-ABC; mail a@b.be.",
        "Rijksregister 85.07.30-033.28.",
    ],
)
def test_the_quick_look_lets_identifiers_through(text):
    assert _detect(text)
    assert _MAY_HOLD_ANY.search(text)
    assert find_personal_data(text) == _detect(text)


def test_everyday_numbers_are_ruled_out_at_a_glance():
    for text in ("Rond 21 u, al 5 weken, een groep van 25 jongeren.", "Tram 4 en bus 12."):
        assert not _MAY_HOLD_ANY.search(text)
