"""The category tree Samen ships with; administrators extend and rename it in the admin."""

# (group, code, nl, fr, en)
# fmt: off
DEFAULT_CATEGORIES = [
    (
        "extremism",
        "right-wing",
        "Rechts-extremisme",
        "Extrémisme de droite",
        "Right-wing extremism",
    ),
    ("extremism", "left-wing", "Links-extremisme", "Extrémisme de gauche", "Left-wing extremism"),
    (
        "extremism",
        "islamist",
        "Islamistisch extremisme",
        "Extrémisme islamiste",
        "Islamist extremism",
    ),
    (
        "extremism",
        "animal-rights",
        "Dierenrechtenextremisme",
        "Extrémisme animaliste",
        "Animal-rights extremism",
    ),
    (
        "extremism",
        "extremism-other",
        "Ander of onduidelijk",
        "Autre ou indéterminé",
        "Other or unclear",
    ),
    (
        "polarisation",
        "racism",
        "Racisme en discriminatie",
        "Racisme et discrimination",
        "Racism and discrimination",
    ),
    (
        "polarisation",
        "religion",
        "Religie en levensbeschouwing",
        "Religion et convictions",
        "Religion and belief",
    ),
    (
        "polarisation",
        "migration",
        "Migratie en asiel",
        "Migration et asile",
        "Migration and asylum",
    ),
    (
        "polarisation",
        "international-conflict",
        "Internationale conflicten",
        "Conflits internationaux",
        "International conflicts",
    ),
    (
        "polarisation",
        "gender",
        "Gender en seksuele diversiteit",
        "Genre et diversité sexuelle",
        "Gender and sexual diversity",
    ),
    (
        "polarisation",
        "distrust",
        "Complotdenken en wantrouwen",
        "Complotisme et méfiance",
        "Conspiracy thinking and distrust",
    ),
    (
        "polarisation",
        "youth-groups",
        "Spanningen tussen jongerengroepen",
        "Tensions entre groupes de jeunes",
        "Tension between youth groups",
    ),
    ("life_domain", "poverty", "Armoede", "Pauvreté", "Poverty"),
    ("life_domain", "health", "Gezondheid", "Santé", "Health"),
    ("life_domain", "well-being", "Welzijn", "Bien-être", "Well-being"),
    (
        "life_domain",
        "rules",
        "Regels en omgangsvormen",
        "Règles et savoir-vivre",
        "Rules and customs",
    ),
    ("life_domain", "housing", "Wonen", "Logement", "Housing"),
    ("life_domain", "education", "Onderwijs", "Enseignement", "Education"),
    ("life_domain", "work", "Werk", "Emploi", "Work"),
    ("life_domain", "safety", "Veiligheid", "Sécurité", "Safety"),
]
# fmt: on
GROUP_NAMES = {
    "extremism": ("Type extremisme", "Type d'extrémisme", "Extremism type"),
    "polarisation": ("Polarisatiethema", "Thème de polarisation", "Polarisation theme"),
    "life_domain": ("Levensdomein", "Domaine de vie", "Life domain"),
}


def ensure_default_categories(category_model) -> None:
    """Create the three groups and their categories where missing."""
    for order, (group, (nl, fr, en)) in enumerate(GROUP_NAMES.items()):
        root, _ = category_model.objects.get_or_create(
            code=group,
            defaults={"group": group, "name_nl": nl, "name_fr": fr, "name_en": en, "order": order},
        )
        for position, (g, code, c_nl, c_fr, c_en) in enumerate(DEFAULT_CATEGORIES):
            if g == group:
                category_model.objects.get_or_create(
                    code=code,
                    defaults={
                        "group": group,
                        "parent": root,
                        "name_nl": c_nl,
                        "name_fr": c_fr,
                        "name_en": c_en,
                        "order": position,
                    },
                )
