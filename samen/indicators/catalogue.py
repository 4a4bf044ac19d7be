"""The data elements and indicators Samen starts with: the city's usual figures.

The seed makes them; a city changes them in the administration. The sources are marked
synthetic because the demo's figures are generated; a city's own imports name their real
source and licence.
"""

from __future__ import annotations

from samen.indicators.actions import data_element_save, indicator_save
from samen.indicators.models import DataElement, Indicator

STATBEL = ("Statbel (synthetic)", "Licence Ouverte / Open Licentie", "Statbel, synthetic figures")
CITY_PORTAL = (
    "Stad in cijfers (synthetic)",
    "Modellicentie Gratis Hergebruik Vlaanderen v1.0",
    "Stad Antwerpen, Stad in cijfers; synthetic figures",
)

# code, nl, fr, en, unit, summable, source
ELEMENTS = [
    ("residents", "Inwoners", "Habitants", "Residents", "count", True, STATBEL),
    (
        "residents_0_17",
        "Inwoners 0-17 jaar",
        "Habitants de 0 à 17 ans",
        "Residents aged 0-17",
        "count",
        True,
        STATBEL,
    ),
    (
        "residents_18_64",
        "Inwoners 18-64 jaar",
        "Habitants de 18 à 64 ans",
        "Residents aged 18-64",
        "count",
        True,
        STATBEL,
    ),
    ("births", "Geboorten", "Naissances", "Births", "count", True, STATBEL),
    (
        "born_abroad",
        "Inwoners geboren in het buitenland",
        "Habitants nés à l'étranger",
        "Residents born abroad",
        "count",
        True,
        STATBEL,
    ),
    (
        "births_deprived",
        "Kinderen geboren in een kansarm gezin",
        "Enfants nés dans une famille défavorisée",
        "Children born into a deprived family",
        "count",
        True,
        CITY_PORTAL,
    ),
    (
        "living_wage",
        "Inwoners met een leefloon",
        "Habitants bénéficiant du revenu d'intégration",
        "Residents receiving a living wage",
        "count",
        True,
        CITY_PORTAL,
    ),
    (
        "jobseekers",
        "Werkzoekenden",
        "Demandeurs d'emploi",
        "Jobseekers",
        "count",
        True,
        CITY_PORTAL,
    ),
    (
        "median_income",
        "Mediaan belastbaar inkomen per aangifte",
        "Revenu imposable médian par déclaration",
        "Median taxable income per return",
        "euro",
        False,
        STATBEL,
    ),
    (
        "school_places",
        "Plaatsen in het basisonderwijs",
        "Places dans l'enseignement primaire",
        "Primary school places",
        "count",
        True,
        CITY_PORTAL,
    ),
    (
        "pupils",
        "Leerlingen in het basisonderwijs",
        "Élèves de l'enseignement primaire",
        "Primary school pupils",
        "count",
        True,
        CITY_PORTAL,
    ),
    (
        "social_housing_applicants",
        "Kandidaat-huurders sociale woning",
        "Candidats locataires d'un logement social",
        "Social-housing applicants",
        "count",
        True,
        CITY_PORTAL,
    ),
    (
        "feels_at_home",
        "Voelt zich thuis in de buurt (%)",
        "Se sent chez soi dans le quartier (%)",
        "Feels at home in the neighbourhood (%)",
        "percent",
        False,
        CITY_PORTAL,
    ),
    (
        "feels_lonely",
        "Voelt zich eenzaam (%)",
        "Se sent seul (%)",
        "Feels lonely (%)",
        "percent",
        False,
        CITY_PORTAL,
    ),
    (
        "health_good",
        "Noemt de eigen gezondheid goed (%)",
        "Juge sa santé bonne (%)",
        "Rates own health good (%)",
        "percent",
        False,
        CITY_PORTAL,
    ),
]

# code, nl, fr, en, numerator, denominator, factor, decimals, direction, in context
INDICATORS = [
    ("residents", "Inwoners", "Habitants", "Residents", "residents", "", 1, 0, "neither", False),
    (
        "growth_1y",
        "Bevolkingsgroei op 1 jaar",
        "Croissance de la population sur 1 an",
        "Population growth over 1 year",
        "residents - residents[-1]",
        "residents[-1]",
        100,
        1,
        "neither",
        False,
    ),
    (
        "growth_5y",
        "Bevolkingsgroei op 5 jaar",
        "Croissance de la population sur 5 ans",
        "Population growth over 5 years",
        "residents - residents[-5]",
        "residents[-5]",
        100,
        1,
        "neither",
        True,
    ),
    (
        "births_per_1000",
        "Geboorten per 1.000 inwoners",
        "Naissances pour 1 000 habitants",
        "Births per 1,000 residents",
        "births",
        "residents",
        1000,
        1,
        "neither",
        False,
    ),
    (
        "share_born_abroad",
        "Aandeel inwoners geboren in het buitenland",
        "Part des habitants nés à l’étranger",
        "Share of residents born abroad",
        "born_abroad",
        "residents",
        100,
        1,
        "neither",
        False,
    ),
    (
        "share_young",
        "Aandeel inwoners 0-17 jaar",
        "Part des habitants de 0 à 17 ans",
        "Share of residents aged 0-17",
        "residents_0_17",
        "residents",
        100,
        1,
        "neither",
        False,
    ),
    (
        "child_deprivation",
        "Kansarmoede bij geboorte",
        "Enfants nés dans la défavorisation",
        "Children born into deprivation",
        "births_deprived",
        "births",
        100,
        1,
        "lower",
        True,
    ),
    (
        "living_wage_per_1000",
        "Leefloners per 1.000 inwoners 18-64",
        "Bénéficiaires du revenu d’intégration pour 1 000 habitants de 18 à 64 ans",
        "Living-wage recipients per 1,000 residents aged 18-64",
        "living_wage",
        "residents_18_64",
        1000,
        1,
        "lower",
        False,
    ),
    (
        "jobseekers_share",
        "Werkzoekenden",
        "Demandeurs d’emploi",
        "Jobseekers",
        "jobseekers",
        "residents_18_64",
        100,
        1,
        "lower",
        True,
    ),
    (
        "median_income",
        "Mediaan belastbaar inkomen",
        "Revenu imposable médian",
        "Median taxable income",
        "median_income",
        "",
        1,
        0,
        "higher",
        False,
    ),
    (
        "school_pressure",
        "Bezetting basisonderwijs",
        "Occupation de l’enseignement primaire",
        "Primary school occupancy",
        "pupils",
        "school_places",
        100,
        1,
        "lower",
        True,
    ),
    (
        "social_housing_per_1000",
        "Kandidaat-huurders sociale woning per 1.000 inwoners",
        "Candidats-locataires d’un logement social pour 1 000 habitants",
        "Social-housing applicants per 1,000 residents",
        "social_housing_applicants",
        "residents",
        1000,
        1,
        "lower",
        True,
    ),
    (
        "feels_at_home",
        "Voelt zich thuis in de buurt",
        "Se sent chez soi dans le quartier",
        "Feels at home in the neighbourhood",
        "feels_at_home",
        "",
        1,
        0,
        "higher",
        True,
    ),
    (
        "feels_lonely",
        "Voelt zich eenzaam",
        "Se sent seul",
        "Feels lonely",
        "feels_lonely",
        "",
        1,
        0,
        "lower",
        False,
    ),
    (
        "health_good",
        "Noemt de eigen gezondheid goed",
        "Juge sa propre santé bonne",
        "Rates own health good",
        "health_good",
        "",
        1,
        0,
        "higher",
        False,
    ),
]
# code: (meaning nl, fr, en), (caveat nl, fr, en)
MEANINGS = {
    "growth_5y": (
        (
            "Hoeveel het aantal inwoners op vijf jaar groeide, in procent.",
            "De combien le nombre d’habitants a augmenté en cinq ans, en pour cent.",
            "How much the number of residents grew over five years, in percent.",
        ),
        (
            "Zegt niets over wie er bijkwam of vertrok.",
            "Ne dit rien de qui est arrivé ou parti.",
            "It says nothing about who arrived or left.",
        ),
    ),
    "child_deprivation": (
        (
            "Het aandeel kinderen dat geboren wordt in een gezin dat op minstens drie domeinen "
            "(inkomen, opleiding, werk, huisvesting, gezondheid, ontwikkeling) kansarm is.",
            "La part des enfants nés dans une famille défavorisée dans au moins trois domaines "
            "(revenu, formation, emploi, logement, santé, développement).",
            "The share of children born into a family that is deprived on at least three of "
            "income, education, work, housing, health and development.",
        ),
        (
            "Geen maat voor alle armoede: ouderen en gezinnen zonder pasgeborene tellen niet mee.",
            "Pas une mesure de toute la pauvreté : les aînés et les familles sans nouveau-né ne "
            "sont pas comptés.",
            "Not a measure of all poverty: older people and families without a newborn do not "
            "count.",
        ),
    ),
}


def make_definitions() -> None:
    """The data elements and indicators, where missing."""
    known = set(DataElement.objects.values_list("code", flat=True))
    for code, nl, fr, en, unit, summable, (source, licence, attribution) in ELEMENTS:
        if code in known:
            continue
        element = DataElement(
            code=code,
            name_nl=nl,
            name_fr=fr,
            name_en=en,
            unit=unit,
            summable=summable,
            source=source,
            licence=licence,
            attribution=attribution,
        )
        data_element_save(by=None, element=element)
    known = set(Indicator.objects.values_list("code", flat=True))
    for order, row in enumerate(INDICATORS, start=1):
        code, nl, fr, en, numerator, denominator, factor, decimals, direction, context = row
        if code in known:
            continue
        meaning, caveat = MEANINGS.get(code, ((f"{nl}.", f"{fr}.", f"{en}."), ("", "", "")))
        indicator = Indicator(
            code=code,
            name_nl=nl,
            name_fr=fr,
            name_en=en,
            numerator=numerator,
            denominator=denominator,
            factor=factor,
            decimals=decimals,
            direction=direction,
            in_context=context,
            order=order * 10,
            meaning_nl=meaning[0],
            meaning_fr=meaning[1],
            meaning_en=meaning[2],
            caveat_nl=caveat[0],
            caveat_fr=caveat[1],
            caveat_en=caveat[2],
        )
        indicator_save(by=None, indicator=indicator)
