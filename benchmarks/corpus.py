"""An invented corpus of full-length (about 600 words) news-style articles for the benchmarks.

`build_corpus(count, mix)` returns `count` articles; `mix` "20/80" makes one in five about political violence
and the rest ordinary news (business, sport, weather, culture, science, local politics), "100/0" only violent
ones. Articles are assembled from the paragraph templates below with seeded random choices, so every run
builds the same corpus. Violent articles open with an attack report and go on with reactions and background,
as wire stories do; ordinary ones mix several beats.
"""

from __future__ import annotations

import datetime as dt
import random

from warlog.records import Article

TARGET_WORDS = 600
PLACES = (
    "Kandahar", "Mosul", "Aleppo", "Kharkiv", "Goma", "Mogadishu", "Sanaa", "Timbuktu", "Maiduguri", "Idlib",
    "Kirkuk", "Bunia", "Gao", "Herat", "Marib", "Benghazi", "Quetta", "Peshawar", "Kismayo", "Deir ez-Zor",
)
ATTACKERS = (
    "gunmen", "suspected militants", "fighters from an armed group", "unidentified assailants", "insurgents",
)
TARGETS = ("a police checkpoint", "an army base", "a market", "a military convoy", "a government office",
           "a village", "a border post", "a fuel depot")
WEAPONS = ("a drone", "mortar rounds", "a roadside bomb", "rockets", "a car bomb", "rifles and grenades")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
COMPANIES = ("Northwind Logistics", "Halvorsen Foods", "Brightline Telecom", "Marlow Steel", "Cedarpoint Energy")
TEAMS = ("Riverside United", "the Harbour Lions", "Eastfield Rovers", "the Valley Falcons", "Port Albion")
FIRST_NAMES = ("Amina", "Omar", "Lena", "Yusuf", "Grace", "Tomas", "Farah", "Daniel", "Mariam", "Ivan", "Nadia",
               "Samuel", "Leila", "Pedro", "Hana", "Kofi", "Sara", "Malik", "Elena", "Jamal", "Ruth", "Ali")
LAST_NAMES = ("Haddad", "Okafor", "Petrenko", "Rahimi", "Mensah", "Novak", "Karimi", "Diallo", "Santos", "Hussein",
              "Kowalski", "Abebe", "Moreau", "Farouk", "Lindqvist", "Osei", "Nasser", "Brennan", "Tahir", "Kaya")
ROLES = ("a local official", "a resident", "a shopkeeper", "an analyst", "a teacher", "a spokesperson",
         "a community leader", "a retired engineer", "a student", "a regional director", "a council member")
REMARKS = ("We have not seen anything like this for a long time", "People want to know what happens next",
           "It will take months before things return to normal", "Everyone here is talking about it",
           "We expected this, but not so soon", "The whole neighbourhood came out to see",
           "Nobody could tell us anything for hours", "This matters for every family in the area",
           "We are waiting for clear answers", "It changes the way we plan the coming year")

VIOLENT_LEADS = (
    "{Attackers} attacked {target} near {place} on {day}, killing {n} people and wounding {m} others, local "
    "officials said. The assault began shortly after dawn and lasted about two hours before security forces "
    "regained control of the area, according to a provincial spokesman.",
    "{Weapon_cap} struck {target} outside {place} late on {day}, killing {n} soldiers, the army said in a "
    "statement. Witnesses described a loud explosion followed by heavy gunfire, and ambulances took {m} "
    "wounded people to the main hospital.",
    "At least {n} people were killed when {weapon} hit {target} in {place} on {day}, a health official told "
    "reporters. Another {m} were injured, several of them critically, and rescue teams searched the rubble "
    "through the night.",
)
VIOLENT_FOLLOWUPS = (
    "No group immediately claimed responsibility for the attack. Officials blamed {attackers} who have been "
    "active in the hills around {place} for several years, and said an investigation had been opened.",
    "In a statement posted online, an armed group said its fighters had carried out the raid in revenge for "
    "the arrest of its members last month. The claim could not be independently verified.",
    "Security forces later arrested {m} suspects during a search operation in nearby villages, police said. "
    "Weapons and explosives were seized from a house on the edge of town.",
    "Residents said clashes between troops and {attackers} continued into the evening, and that shells fell "
    "on farmland east of {place}. Many families fled towards the provincial capital.",
    "The governor condemned the killing of civilians and declared three days of mourning. He said the "
    "attackers had planted explosives on the road used by the convoy.",
)
CONTEXT_PARAGRAPHS = (
    "The region has seen a rise in violence this year, with dozens of incidents recorded since January. "
    "Humanitarian agencies say the fighting has forced thousands of people from their homes and disrupted "
    "aid deliveries to remote districts, where food prices have climbed sharply.",
    "Diplomats in the capital called for calm and urged all sides to return to talks that stalled in the "
    "spring. A regional envoy said a ceasefire agreement signed last year had largely collapsed.",
    "Analysts said the choice of target suggested the group wanted to show it could still strike far from "
    "its traditional strongholds, despite months of military operations against it.",
    "Local radio stations broadcast appeals for blood donors, and schools in the district were closed for "
    "the rest of the week. Traders said the main market would stay shut until security improved.",
    "The interior ministry said it would send reinforcements to {place} and set up new checkpoints on the "
    "roads leading into the city. Opposition politicians accused the government of failing to protect "
    "rural communities.",
    "Aid workers described overcrowded clinics and a shortage of medicine. One doctor said staff had worked "
    "through the night to treat people with burns and shrapnel wounds.",
)
ORDINARY_PARAGRAPHS = (
    "{company} reported a rise in quarterly revenue on {day}, helped by strong demand in its home market and "
    "lower transport costs. The company said it expected sales to keep growing next year and would hire "
    "{n} new staff at its plant near {place}.",
    "Shares in {company} closed higher after the results, while the wider market was little changed. "
    "Investors are waiting for the central bank's next decision on interest rates, due later this month.",
    "{team} won their home match 3-1 on {day}, with two goals in the second half from their young forward. "
    "The coach praised the team's discipline and said the squad was ready for the cup tie next week.",
    "Thousands of fans filled the stadium in {place}, where the new season opened with music and fireworks. "
    "Ticket sales were the highest in a decade, the league said.",
    "Forecasters expect mild weather across the region this weekend, with light rain in the north and "
    "sunshine along the coast. Temperatures will rise to about {n} degrees by Sunday afternoon.",
    "Farmers near {place} said the late rains had improved the wheat harvest, though prices at the local "
    "market remain lower than last year. The agriculture ministry plans a new irrigation scheme.",
    "The city's new public library opened its doors on {day}, offering reading rooms, a children's corner "
    "and free courses in computing. The mayor said {n} volunteers had helped move the collection.",
    "A festival of film and music will take place in {place} next month, with concerts in the old town and "
    "open-air screenings in the park. Organisers expect more than {m} visitors.",
    "Researchers at the national university have developed a cheaper way to purify drinking water, using "
    "filters made from local clay. The team hopes to test the method in {n} villages next year.",
    "The city council approved a budget that raises spending on roads, schools and public transport. "
    "Councillors said new bus lines would link the suburbs to the centre of {place} by the end of the year.",
    "Tourism officials said hotel bookings in {place} had returned to the levels seen before the pandemic, "
    "with visitors drawn by the museums, the coast and the mountain trails.",
    "The national orchestra announced a tour of {n} cities, starting in {place} in the autumn. Tickets go on "
    "sale on {day}, and students will be offered reduced prices.",
    "A new railway bridge across the river is due to be finished next spring, the transport minister said. "
    "Engineers have completed the main span, and trains are expected to save forty minutes on the journey.",
    "Doctors urged parents to vaccinate their children before the winter season. The health ministry said "
    "clinics in {place} would stay open late on weekdays to meet demand.",
)


def _fill(template: str, rng: random.Random, place: str) -> str:
    weapon = rng.choice(WEAPONS)
    attackers = rng.choice(ATTACKERS)
    return template.format(
        place=place, day=rng.choice(DAYS), n=rng.randint(2, 40), m=rng.randint(2, 90),
        target=rng.choice(TARGETS), weapon=weapon, Weapon_cap=weapon[0].upper() + weapon[1:],
        attackers=attackers, Attackers=attackers[0].upper() + attackers[1:], company=rng.choice(COMPANIES),
        team=rng.choice(TEAMS),
    )


def _remark(rng: random.Random, place: str) -> str:
    """A quoted remark by an invented person: varies the wording, so articles are not near-duplicates."""
    person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    return f'"{rng.choice(REMARKS)}," said {person}, {rng.choice(ROLES)} in {place}.'


def _article(rng: random.Random, violent: bool) -> str:
    """One article about one place, as a news story is."""
    place = rng.choice(PLACES)
    paragraphs: list[str] = []
    if violent:
        paragraphs.append(f"{_fill(rng.choice(VIOLENT_LEADS), rng, place)} {_remark(rng, place)}")
        pool = [*VIOLENT_FOLLOWUPS, *CONTEXT_PARAGRAPHS]
    else:
        pool = list(ORDINARY_PARAGRAPHS)
    rng.shuffle(pool)
    while sum(len(p.split()) for p in paragraphs) < TARGET_WORDS:
        paragraphs.append(f"{_fill(pool[len(paragraphs) % len(pool)], rng, place)} {_remark(rng, place)}")
    return "\n\n".join(paragraphs)


def build_corpus(count: int, mix: str = "20/80", seed: int = 8) -> list[Article]:
    """`count` invented articles, `mix` "VIOLENT/ORDINARY" in percent (e.g. "20/80", "100/0")."""
    violent_share = int(mix.split("/")[0]) / 100
    rng = random.Random(seed)
    articles = []
    for number in range(count):
        violent = (number * violent_share) % 1 + violent_share >= 1 if violent_share < 1 else True
        title = f"Bench report {number}"
        articles.append(
            Article(doc_id=f"bench-{mix.replace('/', '-')}-{number}", title=title, text=_article(rng, violent),
                    published=dt.date(2024, 6, 1) + dt.timedelta(days=number % 60), source="bench")
        )
    return articles
