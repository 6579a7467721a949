"""Short news articles written for the browser tests, with their events and exact offsets.

Each event names its evidence sentence and trigger by their text; `build` finds them in
the article and fills in the character offsets the page highlights from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eventscope.records import Actor, Document, Event, Location

RUS_GOV = Actor(None, "RUS", "GOV")
SYR_GOV = Actor(None, "SYR", "GOV")
SYR_MIL = Actor(None, "SYR", "MIL")
SYR_OPP = Actor(None, "SYR", "OPP")
LAVROV = Actor("Sergey Lavrov", "RUS", "GOV")
MEKDAD = Actor("Faisal Mekdad", "SYR", "GOV")
AKAR = Actor("Hulusi Akar", "TUR", "GOV")
PUTIN = Actor("Vladimir Putin", "RUS", "GOV")
ERDOGAN = Actor("Recep Tayyip Erdogan", "TUR", "GOV")
PEDERSEN = Actor("Geir Pedersen", None, "IGO")

# Markup and SQL that must come out of the page as plain text.
SCRIPT_PAYLOAD = '<script>alert("script")</script>'
ONERROR_PAYLOAD = '"><img src=x onerror=alert("img")>'
SQL_PAYLOAD = "'; DROP TABLE events; --"


@dataclass
class E:
    """An event as written in a test article: its sentence and trigger by text."""

    sentence: str
    trigger: str
    type: str
    source: Actor | None
    target: Actor | None
    intensity: float
    date: str | None = None
    mode: str | None = None
    location: Location | None = None
    factuality: str = "asserted"
    negated: bool = False
    extra: dict = field(default_factory=dict)


def build(doc_id: str, title: str, published: str, dateline: str, text: str,
          events: list[E]) -> Document:
    """A Document whose events carry the offsets of their sentence and trigger in `text`."""
    built = []
    for seq, e in enumerate(events):
        start = text.index(e.sentence)
        trigger_start = text.index(e.trigger, start)
        built.append(Event(
            sentence=e.sentence, trigger=e.trigger, type=e.type, mode=e.mode,
            source=e.source, target=e.target, date=e.date, location=e.location,
            negated=e.negated, factuality=e.factuality, intensity=e.intensity,
            event_id=f"{doc_id}-e{seq}", sentence_index=seq,
            sentence_start=start, sentence_end=start + len(e.sentence),
            trigger_start=trigger_start, trigger_end=trigger_start + len(e.trigger),
        ))
    return Document(doc_id=doc_id, title=title, publication_date=published, dateline=dateline,
                    text=text, events=built)


def moscow_talks() -> Document:
    s = [
        "Russian Foreign Minister Sergey Lavrov met Syrian Foreign Minister Faisal Mekdad in Moscow on Thursday.",
        "The two ministers discussed the return of refugees and the repair of power stations.",
        "Lavrov praised the Syrian army for its progress against armed groups near Idlib.",
        "Mekdad thanked Russia for the wheat and medical supplies delivered to Aleppo in February.",
        "Russia will send a further 50,000 tonnes of wheat next month, the ministry said.",
    ]
    text = "MOSCOW, March 4 (News) – " + " ".join(s[:3]) + "\n\n" + " ".join(s[3:]) + "\n"
    moscow = Location("Moscow", "RUS")
    return build("moscow-talks", "Lavrov and Mekdad meet in Moscow", "2021-03-04", "Moscow", text, [
        E(s[0], "met", "CONSULT", MEKDAD, LAVROV, 1.0, "2021-03-04", "visit", moscow),
        E(s[1], "discussed", "CONSULT", LAVROV, MEKDAD, 1.0, "2021-03-04", location=moscow),
        E(s[2], "praised", "SUPPORT", LAVROV, SYR_MIL, 3.5, "2021-03-04"),
        E(s[3], "thanked", "SUPPORT", MEKDAD, RUS_GOV, 3.5, "2021-03-04"),
        E(s[3], "delivered", "AID", RUS_GOV, SYR_GOV, 7.4, "2021-02", "humanitarian"),
        E(s[4], "send", "AID", RUS_GOV, SYR_GOV, 7.4, "2021-04", "economic", factuality="planned"),
    ])


def ankara_accuses() -> Document:
    s = [
        "Turkish Defence Minister Hulusi Akar accused the Syrian government of shelling a Turkish observation post near Idlib.",
        "Akar warned that Turkey would respond with force to any new attack.",
        "Syrian artillery struck the post on Monday, wounding two soldiers, the ministry said.",
        "Damascus rejected the accusation and denied that its forces had fired on the post.",
    ]
    text = "ANKARA, March 10 – " + " ".join(s) + "\n"
    return build("ankara-accuses", "Turkey accuses Damascus over shelling", "2021-03-10", "Ankara", text, [
        E(s[0], "accused", "ACCUSE", AKAR, SYR_GOV, -2.0, "2021-03-10", "allege"),
        E(s[1], "warned", "THREATEN", AKAR, SYR_GOV, -4.4, "2021-03-10", "violence"),
        E(s[2], "struck", "ASSAULT", SYR_MIL, Actor(None, "TUR", "MIL"), -9.0, "2021-03-08",
          "heavy-weapons", Location("Idlib", "SYR")),
        E(s[3], "rejected", "REJECT", SYR_GOV, AKAR, -4.0, "2021-03-10"),
    ])


def geneva_envoy() -> Document:
    s = [
        "UN Special Envoy Geir Pedersen called on all parties to agree a nationwide ceasefire in Syria.",
        "Pedersen held talks with a delegation of the Syrian opposition in Geneva on Tuesday.",
        "The European Union announced 560 million euros in humanitarian aid for Syrian refugees in Lebanon and Jordan.",
        "Opposition leaders criticised the Syrian government for arresting journalists in Daraa.",
    ]
    text = "GENEVA, March 16 – " + " ".join(s[:2]) + "\n\n" + " ".join(s[2:]) + "\n"
    return build("geneva-envoy", "UN envoy calls for a ceasefire", "2021-03-16", "Geneva", text, [
        E(s[0], "called on", "REQUEST", PEDERSEN, None, -1.5, "2021-03-16", "yield"),
        E(s[1], "held talks", "CONSULT", PEDERSEN, SYR_OPP, 1.0, "2021-03-16",
          location=Location("Geneva", "CHE")),
        E(s[2], "announced", "AID", Actor("European Union", None, "IGO"),
          Actor(None, "SYR", "REF"), 7.4, "2021-03-16", "humanitarian"),
        E(s[3], "criticised", "ACCUSE", SYR_OPP, SYR_GOV, -2.0, "2021-03-16", "disapprove"),
    ])


def sochi_call() -> Document:
    s = [
        "Russian President Vladimir Putin spoke by phone with Turkish President Recep Tayyip Erdogan about the situation in Idlib.",
        "The two presidents agreed to hold a summit in Sochi in April.",
        "Putin also criticised the United States for keeping troops in eastern Syria.",
    ]
    text = "SOCHI, March 25 – " + " ".join(s) + "\n"
    return build("sochi-call", "Putin and Erdogan speak by phone", "2021-03-25", "Sochi", text, [
        E(s[0], "spoke by phone", "CONSULT", PUTIN, ERDOGAN, 1.0, "2021-03-25", "phone"),
        E(s[1], "agreed", "AGREE", PUTIN, ERDOGAN, 3.0, "2021-03-25"),
        E(s[2], "criticised", "ACCUSE", PUTIN, Actor(None, "USA", "GOV"), -2.0, "2021-03-25",
          "disapprove"),
    ])


def hostile_markup() -> Document:
    """Article text, title and an actor name carrying script and SQL payloads."""
    s = [
        f"Protesters in Beirut {SCRIPT_PAYLOAD} demonstrated outside the parliament on Saturday.",
        f"A statement signed {ONERROR_PAYLOAD} condemned the Lebanese government for the power cuts.",
        f"Officials said the slogan {SQL_PAYLOAD} was painted on the wall.",
    ]
    text = "BEIRUT, March 20 – " + " ".join(s) + "\n"
    return build("hostile-markup", f"{SCRIPT_PAYLOAD} Beirut protest", "2021-03-20", "Beirut", text, [
        E(s[0], "demonstrated", "PROTEST", Actor(None, "LBN", "CVL"), Actor(None, "LBN", "GOV"),
          -6.5, "2021-03-20", "demo", Location("Beirut", "LBN")),
        E(s[1], "condemned", "ACCUSE", Actor(ONERROR_PAYLOAD, "LBN", "OPP"),
          Actor(None, "LBN", "GOV"), -2.0, "2021-03-20", "disapprove"),
    ])


def all_articles() -> list[Document]:
    return [moscow_talks(), ankara_accuses(), geneva_envoy(), sochi_call(), hostile_markup()]
