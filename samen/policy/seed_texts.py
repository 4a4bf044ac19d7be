"""The texts of the synthetic prevention policy: strategies, objectives, actions, initiatives.

Invented for the demo, in the department's own words; no real plan is copied.
"""

# (code, title, children: [(code, title)])
CITY_OBJECTIVES = [
    (
        "SD1",
        "Antwerpenaren ontmoeten elkaar en voelen zich verbonden met hun buurt",
        [
            ("OD1.1", "Ontmoetingsplekken in elke wijk"),
            ("OD1.2", "Dialoog tussen gemeenschappen en levensbeschouwingen"),
        ],
    ),
    (
        "SD2",
        "Verstoorde relaties tussen buren en gemeenschappen worden hersteld",
        [
            ("OD2.1", "Buurtbemiddeling dicht bij de bewoners"),
            ("OD2.2", "Herstel van relaties met en tussen gemeenschappen"),
        ],
    ),
    (
        "SD3",
        "Polarisatie en radicalisering worden vroeg opgemerkt en voorkomen",
        [
            ("OD3.1", "Jongeren zijn weerbaar tegen extremistische boodschappen"),
            ("OD3.2", "Eerstelijnswerkers herkennen en melden signalen"),
        ],
    ),
    (
        "SD4",
        "Iedereen krijgt kansen: armoede, wonen, werk en onderwijs",
        [
            ("OD4.1", "Armoede en uitsluiting terugdringen in kwetsbare wijken"),
            ("OD4.2", "Toeleiding naar werk, opleiding en vrije tijd"),
        ],
    ),
]
FLEMISH_OBJECTIVES = [
    (
        "SD1",
        "Lokale besturen versterken in hun preventieve aanpak",
        [("OD1.1", "Lokale netwerken en casusoverleg"), ("OD1.2", "Impulsmiddelen voor steden")],
    ),
    (
        "SD2",
        "Onderwijs en jeugdwerk maken jongeren weerbaar",
        [("OD2.1", "Vorming voor leerkrachten"), ("OD2.2", "Mediawijsheid en online hulp")],
    ),
    (
        "SD3",
        "Deskundigheid bij eerstelijnsprofessionals",
        [("OD3.1", "Opleidingen en intervisie")],
    ),
]

# Action templates: (objective, title, life domains, signal categories, extremism types,
# target groups). Each is carried out in one or more districts.
ACTIONS = [
    ("OD1.1", "Buurtfeesten en straatontmoetingen", ["participation"], ["rules"], [],
     "Bewoners van alle leeftijden"),
    ("OD1.1", "Ontmoetingsruimte in het buurthuis openhouden op zaterdag", ["participation",
     "well_being"], ["well-being"], [], "Alleenstaande ouderen en jonge gezinnen"),
    ("OD1.2", "Interlevensbeschouwelijke dialoogtafels", ["participation"], ["religion",
     "international-conflict"], [], "Vertegenwoordigers van geloofsgemeenschappen"),
    ("OD1.2", "Gespreksavonden over het conflict in het Midden-Oosten", ["participation"],
     ["international-conflict"], [], "Jongvolwassenen en ouders"),
    ("OD2.1", "Buurtbemiddeling uitbreiden met avondpermanentie", ["rules_customs", "housing"],
     ["rules", "housing"], [], "Buren in conflict"),
    ("OD2.1", "Vrijwillige buurtbemiddelaars opleiden", ["participation"], ["rules"], [],
     "Bewoners die willen bemiddelen"),
    ("OD2.2", "Herstelgesprekken tussen jeugdhuis en buurtcomité", ["well_being"],
     ["youth-groups"], [], "Jongeren en buurtbewoners"),
    ("OD2.2", "Sleutelfiguren uit gemeenschappen samenbrengen", ["participation"],
     ["migration", "religion"], [], "Sleutelfiguren van gemeenschappen"),
    ("OD3.1", "Workshops mediawijsheid en complotdenken op school", ["education"],
     ["distrust"], ["other"], "Leerlingen van 12 tot 18 jaar"),
    ("OD3.1", "Weerbaarheidstrainingen voor jongeren", ["education", "well_being"],
     ["islamist"], ["islamist"], "Jongeren van 14 tot 21 jaar"),
    ("OD3.1", "Sportprojecten met straathoekwerk", ["well_being", "participation"],
     ["youth-groups"], [], "Jongens en meisjes die rondhangen in de wijk"),
    ("OD3.1", "Antiracismecampagne met lokale rolmodellen", ["participation"], ["racism"], [],
     "Jongeren en jongvolwassenen"),
    ("OD3.2", "Vorming signalen van radicalisering voor eerstelijnswerkers", ["well_being"],
     ["right-wing", "islamist", "left-wing"], ["right_wing", "islamist", "left_wing"],
     "Buurtwerkers, straathoekwerkers en jeugdwerkers"),
    ("OD3.2", "Netwerk tegen extreemrechtse stickers en affiches", ["rules_customs"],
     ["right-wing"], ["right_wing"], "Handelaars en buurtbewoners"),
    ("OD3.2", "Melding en opvolging van discriminatie aan het loket", ["rules_customs"],
     ["racism", "gender"], [], "Bewoners die discriminatie ervaren"),
    ("OD4.1", "Voedselhulp koppelen aan sociale begeleiding", ["poverty", "health"],
     ["poverty"], [], "Gezinnen in armoede"),
    ("OD4.1", "Woonbegeleiding bij overbewoning", ["housing", "poverty"], ["housing"], [],
     "Huurders in overbewoonde panden"),
    ("OD4.2", "Trajecten naar werk voor jongvolwassenen", ["work", "education"], ["work"], [],
     "Werkzoekenden van 18 tot 25 jaar"),
    ("OD4.2", "Huiswerkbegeleiding en schoolse ondersteuning", ["education"], ["education"],
     [], "Kinderen van 6 tot 12 jaar"),
    ("OD4.2", "Vrijetijdspas voor kinderen in armoede", ["poverty", "participation"],
     ["poverty"], [], "Kinderen van gezinnen met een laag inkomen"),
]  # fmt: skip

# Initiatives: (title, summary, life domains, categories, problem, activities, outputs,
# outcomes).
INITIATIVES = [
    ("Buurtgesprekken", "Maandelijkse gesprekken met bewoners over wat leeft in de wijk.",
     ["participation"], ["rules", "housing"], "Bewoners voelen zich niet gehoord.",
     "Gesprekken met bewoners, opvolging van wat ze aanbrengen.",
     "Gehouden gesprekken, bereikte bewoners.", "Meer vertrouwen in buren en in de stad."),
    ("Brugfiguren op school", "Brugfiguren verbinden school, ouders en buurt.",
     ["education"], ["education", "youth-groups"], "Conflicten aan de schoolpoort lopen op.",
     "Wekelijkse ouderkoffie, huisbezoeken, bemiddeling.", "Ouders bereikt, gesprekken.",
     "Minder conflicten, meer betrokken ouders."),
    ("Jongerenwerking op het plein", "Straathoekwerkers en jeugdwerkers op het plein.",
     ["well_being", "participation"], ["youth-groups"], "Spanningen tussen groepen jongeren.",
     "Sport, gesprekken, doorverwijzing.", "Activiteiten, bereikte jongeren.",
     "Minder incidenten, jongeren vinden hun weg naar hulp."),
    ("Dialoog in verscheidenheid", "Ontmoetingen tussen geloofsgemeenschappen.",
     ["participation"], ["religion", "international-conflict"],
     "Internationale conflicten zetten relaties onder druk.",
     "Dialoogavonden, gezamenlijke buurtacties.", "Avonden, deelnemers.",
     "Sterkere banden tussen gemeenschappen."),
    ("Mediawijs", "Workshops over nieuws, complotten en online haat.", ["education"],
     ["distrust", "islamist"], "Jongeren krijgen online extremistische boodschappen.",
     "Workshops in klassen en jeugdhuizen.", "Workshops, leerlingen bereikt.",
     "Jongeren herkennen manipulatie."),
    ("Samen aan tafel", "Sociaal restaurant als ontmoetingsplek.", ["poverty", "health"],
     ["poverty", "well-being"], "Eenzaamheid en armoede.",
     "Betaalbare maaltijden, doorverwijzing.", "Maaltijden, gasten.",
     "Minder isolement, meer toegang tot hulp."),
    ("Wijkmakers", "Bewoners nemen zelf initiatief in hun straat.", ["participation"],
     ["rules"], "Weinig betrokkenheid bij de buurt.", "Microsubsidies en begeleiding.",
     "Bewonersinitiatieven, betrokken bewoners.", "Meer sociale samenhang."),
    ("Weerbaar", "Training in weerbaarheid voor jongeren en hun ouders.",
     ["education", "well_being"], ["islamist", "left-wing"],
     "Jongeren zijn vatbaar voor extremistische groepen.", "Groepstrainingen, oudergroepen.",
     "Trainingen, deelnemers.", "Jongeren staan sterker tegenover ronselaars."),
    ("Thuis in de buurt", "Begeleiding van nieuwkomers in hun buurt.", ["housing", "work"],
     ["migration", "housing"], "Nieuwkomers vinden moeilijk aansluiting.",
     "Buddy's, rondleidingen, taalcafés.", "Koppels, deelnemers.",
     "Nieuwkomers kennen hun buurt en voorzieningen."),
    ("Werkplek", "Jobcoaching met stages bij lokale ondernemers.", ["work"], ["work"],
     "Jongvolwassenen zonder werk voelen zich uitgesloten.",
     "Coaching, stages, sollicitatietraining.", "Trajecten, deelnemers.",
     "Meer jongvolwassenen aan het werk."),
    ("Gezond in de wijk", "Gezondheidsbuddy's in de wijk.", ["health", "well_being"],
     ["health", "well-being"], "Drempels naar zorg.", "Infosessies, begeleiding naar zorg.",
     "Sessies, bereikte bewoners.", "Betere toegang tot zorg."),
    ("Regenboogbuurt", "Sensibilisering rond seksuele diversiteit.", ["participation"],
     ["gender"], "Pesterijen tegen holebi's in de straat.", "Workshops, buurtcampagne.",
     "Workshops, deelnemers.", "Meer aanvaarding."),
]  # fmt: skip

EVALUATORS = [
    "Universitair onderzoekscentrum (synthetisch)",
    "Vlaams kenniscentrum (synthetisch)",
    "Stedelijke studiedienst (synthetisch)",
]
UPDATES = [
    "Startbijeenkomst met de partners gehouden.",
    "Eerste activiteiten lopen; de opkomst is goed.",
    "Bijsturing na de tussentijdse evaluatie: meer activiteiten op zaterdag.",
    "Nieuwe partner aangesloten; de werking breidt uit naar een tweede wijk.",
    "Zomerwerking afgerond met een buurtfeest.",
]
