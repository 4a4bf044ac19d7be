"""The themes and languages Samen ships with; administrators extend them in the admin."""

# (code, nl, fr, en)
DEFAULT_THEMES = [
    ("youth", "Jeugd", "Jeunesse", "Youth"),
    ("sport", "Sport", "Sport", "Sport"),
    ("religion", "Religie en levensbeschouwing", "Religion et convictions", "Religion and belief"),
    ("dialogue", "Dialoog en ontmoeting", "Dialogue et rencontre", "Dialogue and encounter"),
    ("education", "Onderwijs", "Enseignement", "Education"),
    ("culture", "Cultuur", "Culture", "Culture"),
    ("women", "Vrouwen", "Femmes", "Women"),
    ("housing", "Wonen", "Logement", "Housing"),
    ("poverty", "Armoede en welzijn", "Pauvreté et bien-être", "Poverty and welfare"),
    ("health", "Gezondheid", "Santé", "Health"),
    ("work", "Werk", "Emploi", "Work"),
    ("language", "Taal en integratie", "Langue et intégration", "Language and integration"),
    ("neighbourhood", "Buurtleven", "Vie de quartier", "Neighbourhood life"),
    ("elderly", "Senioren", "Seniors", "Older people"),
]

# (ISO 639 code, nl, fr, en): the languages most spoken in the city's communities.
DEFAULT_LANGUAGES = [
    ("nl", "Nederlands", "néerlandais", "Dutch"),
    ("fr", "Frans", "français", "French"),
    ("en", "Engels", "anglais", "English"),
    ("ar", "Arabisch", "arabe", "Arabic"),
    ("ber", "Tamazight (Berbers)", "tamazight (berbère)", "Tamazight (Berber)"),
    ("tr", "Turks", "turc", "Turkish"),
    ("pl", "Pools", "polonais", "Polish"),
    ("ro", "Roemeens", "roumain", "Romanian"),
    ("bg", "Bulgaars", "bulgare", "Bulgarian"),
    ("es", "Spaans", "espagnol", "Spanish"),
    ("pt", "Portugees", "portugais", "Portuguese"),
    ("ru", "Russisch", "russe", "Russian"),
    ("uk", "Oekraïens", "ukrainien", "Ukrainian"),
    ("so", "Somalisch", "somali", "Somali"),
    ("ti", "Tigrinya", "tigrigna", "Tigrinya"),
    ("prs", "Dari", "dari", "Dari"),
    ("ps", "Pasjtoe", "pachto", "Pashto"),
    ("ku", "Koerdisch", "kurde", "Kurdish"),
    ("yi", "Jiddisch", "yiddish", "Yiddish"),
    ("hy", "Armeens", "arménien", "Armenian"),
    ("ur", "Urdu", "ourdou", "Urdu"),
    ("zh", "Chinees", "chinois", "Chinese"),
]


def ensure_defaults(theme_model, language_model) -> None:
    """Add the default themes and languages that are missing; never overwrite a renamed one."""
    for model, rows in ((theme_model, DEFAULT_THEMES), (language_model, DEFAULT_LANGUAGES)):
        for code, nl, fr, en in rows:
            model.objects.get_or_create(
                code=code, defaults={"name_nl": nl, "name_fr": fr, "name_en": en}
            )
