"""The course glossary: English terms with their Dutch equivalents and short definitions.

The op-ed the course examines is Dutch, and seminars in the Netherlands and Flanders
read it in the original. Where the op-ed uses a Dutch term, that term is given
(``oped=True``); otherwise the Dutch column is standard usage, chosen conservatively
(the English term is kept where Dutch writing usually keeps it). Definitions are
short paraphrases; ``source`` names the entry in :mod:`deterrence_lab.sources` a
definition rests on, and ``where`` the place in it; ``nl_source`` and ``nl_where`` name a
Dutch text that uses the Dutch term in this sense, where the choice needed checking. Terms without a source are
general usage in the field.
"""
from __future__ import annotations

from dataclasses import dataclass

from .._display import Markdown, markdown_table


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    english: str
    dutch: str
    definition: str
    source: str = ""
    where: str = ""
    oped: bool = False
    nl_source: str = ""   # a Dutch text that uses the Dutch term in this sense
    nl_where: str = ""


TERMS: tuple[Term, ...] = (
    # --- Weapons and their effects (chapter 01) ---
    Term("non-strategic (tactical) nuclear weapon", "tactisch kernwapen ('klein' kernwapen)",
         "A nuclear weapon meant for use in a theatre of war or on the battlefield, usually "
         "carried by shorter-range systems. The label describes intended use and range, not a "
         "particular yield.",
         oped=True),
    Term("strategic nuclear weapon", "strategisch kernwapen",
         "A nuclear weapon on a long-range carrier (intercontinental missile, submarine-launched "
         "missile, heavy bomber) meant to strike an adversary's homeland."),
    Term("yield", "explosieve kracht, kracht (sterkte)",
         "The energy a nuclear explosion releases, stated as the mass of TNT that would release "
         "the same energy, in kilotons (kt) or megatons (Mt). Not 'opbrengst', which is a "
         "yield in the sense of a harvest or return.", "glasstone1977",
         nl_source="nrc2022", nl_where="'een explosieve kracht, een yield'"),
    Term("kiloton (kt)", "kiloton (kt)",
         "Unit of yield: the energy released by about 1,000 tonnes of TNT, fixed by convention "
         "at 10¹² calories (4.184 × 10¹² joules). A megaton is 1,000 kilotons.",
         "glasstone1977"),
    Term("air burst", "luchtexplosie",
         "A detonation high enough that the fireball does not touch the ground; it spreads "
         "blast damage widely and produces little local fallout.", "glasstone1977"),
    Term("surface (ground) burst", "grondexplosie",
         "A detonation on or just above the ground; it digs a crater and draws soil into the "
         "cloud, which returns as heavy local fallout.", "glasstone1977"),
    Term("fireball", "vuurbal",
         "The luminous sphere of very hot gas that forms within a fraction of a second of a "
         "nuclear explosion.", "glasstone1977", "Glossary"),
    Term("blast wave", "drukgolf (schokgolf)",
         "The front of compressed air that moves outward from the explosion, followed by strong "
         "winds; the main cause of damage to buildings.", "glasstone1977", "§1.01"),
    Term("overpressure", "overdruk",
         "The pressure in the blast wave above normal atmospheric pressure, given in pounds per "
         "square inch (psi) or kilopascals; the usual measure of blast damage.",
         "glasstone1977", "Glossary"),
    Term("thermal radiation", "warmtestraling (thermische straling)",
         "The heat and light emitted by the fireball; it causes flash burns and can start "
         "fires well beyond the range of heavy blast damage.", "glasstone1977", "Chapter VII"),
    Term("initial nuclear radiation", "initiële kernstraling (directe straling)",
         "The neutrons and gamma rays emitted in the first minute after a detonation; the "
         "minute is a convention for when the rising cloud is too high to matter.",
         "glasstone1977", "Glossary"),
    Term("fallout", "radioactieve fall-out (radioactieve neerslag)",
         "Radioactive particles from the explosion cloud that come down to earth. Early (local) "
         "fallout arrives within a day; delayed fallout is spread worldwide over months to "
         "years.", "glasstone1977", "Glossary", oped=True),
    Term("rad and rem", "rad en rem (stralingsdosis)",
         "Units of radiation dose. The rad measures energy absorbed; the rem weights it by "
         "biological effect.", "glasstone1977", "Glossary"),
    Term("electromagnetic pulse (EMP, HEMP)", "elektromagnetische impuls (EMP)",
         "A very brief, intense burst of electromagnetic energy from a nuclear explosion. From "
         "a burst high in the atmosphere (HEMP) it can reach every point within the horizon and "
         "disrupt electrical and electronic systems.", "glasstone1977", "Chapter XI", oped=True),
    Term("enhanced-radiation weapon (neutron bomb)", "neutronenbom",
         "A small thermonuclear weapon designed to release an unusually large share of its "
         "energy as prompt neutrons, so that radiation, rather than blast, is its main effect "
         "on troops, including those inside armoured vehicles.", oped=True),
    Term("demonstration shot", "demonstratie(-explosie)",
         "A nuclear detonation meant to signal resolve rather than to destroy a target, for "
         "example high in the atmosphere or over an empty area.", oped=True),
    # --- The law (chapter 02) ---
    Term("International Court of Justice (ICJ)", "Internationaal Gerechtshof",
         "The principal judicial organ of the United Nations, seated in The Hague; it decides "
         "disputes between states and gives advisory opinions.", oped=True),
    Term("advisory opinion", "advies",
         "A legal opinion the ICJ gives at the request of an authorised UN body; it is not "
         "binding. The course examines the 1996 opinion on nuclear weapons, requested by the "
         "General Assembly.", "icj1996"),
    Term("self-defence", "zelfverdediging",
         "The right of a state to use force in response to an armed attack (UN Charter, Art. "
         "51), limited by necessity and proportionality.", "icj1996", "para 41"),
    Term("necessity and proportionality", "noodzakelijkheid en proportionaliteit",
         "The two customary-law limits on self-defence: force must be needed to repel the "
         "attack and must be in proportion to it.", "icj1996", "para 41"),
    Term("international humanitarian law (law of armed conflict)",
         "internationaal humanitair recht (oorlogsrecht)",
         "The rules that govern how war is fought, whatever its cause; the ICJ held unanimously "
         "that they apply to any threat or use of nuclear weapons.", "icj1996", "para 105(2)D"),
    Term("principle of distinction", "beginsel van onderscheid",
         "Civilians may never be made the object of attack, so weapons that cannot distinguish "
         "civilian from military targets may never be used.", "icj1996", "para 78"),
    Term("unnecessary suffering", "onnodig lijden",
         "The rule that combatants may not be caused harm greater than is unavoidable to "
         "achieve legitimate military aims.", "icj1996", "para 78"),
    Term("survival of the state (extreme circumstance of self-defence)",
         "voortbestaan van de staat",
         "The case the ICJ left open (7-7, by the President's casting vote): whether threat or "
         "use would be lawful in extreme self-defence with a state's very survival at stake.",
         "icj1996", "para 105(2)E", oped=True),
    Term("non liquet", "non liquet",
         "Latin for 'it is not clear': a court's finding that it cannot decide a question on "
         "the law as it stands. Critics read the ICJ's answer on the extreme case this way.",
         "icj1996", "para 97"),
    Term("annexation", "annexatie",
         "A state's claim to incorporate another state's territory. The UN General Assembly "
         "declared Russia's attempted annexation of four Ukrainian regions invalid in 2022.",
         "unga2022"),
    Term("self-determination", "zelfbeschikkingsrecht",
         "The right of a people to determine its own political status, a principle of the UN "
         "Charter.", oped=True),
    # --- Doctrine and command (chapters 02 and 03) ---
    Term("nuclear doctrine", "nucleaire doctrine",
         "A state's published statement of when and why it would use nuclear weapons; Russia's "
         "2020 text lists four conditions.", "russia2020", "para 19"),
    Term("escalate to de-escalate", "escaleren om te de-escaleren",
         "The disputed claim that Russia plans limited nuclear use to make an adversary end a "
         "conventional war on Russian terms.", "oliker2018"),
    Term("Permissive Action Link (PAL)", "Permissive Action Link (code-apparaat)",
         "A coded lock that keeps a nuclear weapon from being armed or used without a code "
         "from higher authority; the US ordered them for weapons in NATO Europe in 1962.",
         "nsam1962", oped=True),
    Term("two-person rule", "tweepersoonsregel",
         "The requirement that at least two authorised people act together at every step of "
         "handling or launching a nuclear weapon, so that no one can act alone."),
    Term("always/never dilemma", "altijd/nooit-dilemma",
         "The tension in nuclear command: weapons must always work when properly ordered and "
         "never be used without a proper order; measures for one weaken the other.",
         "feaver1992"),
    # --- Strategy, escalation and games (chapters 04 and 05) ---
    Term("deterrence", "afschrikking",
         "Preventing an adversary from acting by convincing it that the costs it would suffer "
         "outweigh what it could gain.", "schelling1966"),
    Term("compellence", "dwang (compellence)",
         "Using threats to make an adversary do something, or stop doing it; Schelling "
         "contrasted it with deterrence, which aims to prevent an act.", "schelling1966"),
    Term("red line", "rode lijn",
         "A publicly or privately stated limit whose crossing, a state signals, will bring a "
         "forceful answer.", oped=True),
    Term("escalation", "escalatie",
         "An increase in the intensity or scope of a conflict, by one side's choice or through "
         "events no one fully controls.", "kahn1965"),
    Term("escalation ladder", "escalatieladder",
         "Herman Kahn's ordering of crisis and war into 44 rungs, from the first signs of a "
         "crisis to 'spasm or insensate war', with thresholds between groups of rungs.",
         "kahn1965", oped=True),
    Term("nuclear threshold", "nucleaire drempel",
         "The boundary between conventional war and the use of nuclear weapons; Kahn's "
         "'No Nuclear Use' threshold comes before rung 21, 'local nuclear war, exemplary'.",
         "kahn1965"),
    Term("brinkmanship", "brinkmanship (spel op de rand van oorlog)",
         "Deliberately raising the risk of a war neither side wants, so that the other side "
         "backs down first.", "schelling1966"),
    Term("threat that leaves something to chance", "dreiging die iets aan het toeval overlaat",
         "Schelling's idea that a threat can be credible when carrying it out is not wholly in "
         "the threatener's control: a risk of events getting out of hand.", "schelling1960"),
    Term("credibility", "geloofwaardigheid",
         "Whether the adversary believes a threat would be carried out; the central problem of "
         "nuclear deterrence theory.", "powell1990"),
    Term("retaliation", "vergelding (vergeldingsactie)",
         "A response that punishes an attack after it has happened.", oped=True),
    Term("conventional precision strike", "aanval met conventionele precisiewapens",
         "An attack with accurately guided non-nuclear weapons on selected military targets; "
         "the op-ed's preferred answer to nuclear use.", "nederlof2023", oped=True),
    Term("game tree (extensive form)", "spelboom (extensieve vorm)",
         "A diagram of a strategic interaction as a sequence of moves, showing who chooses "
         "when, what each knows, and the pay-offs at the end."),
    Term("backward induction", "achterwaartse inductie",
         "Solving a game tree from its last moves back to its first: at each point, assume the "
         "player chooses what is best given how the rest of the game will be played."),
    Term("subgame-perfect equilibrium", "deelspelperfect evenwicht",
         "A plan of play in which every player's choice is a best response at every point of "
         "the game, including points never reached; it rules out threats that would not be "
         "carried out."),
    Term("expected value", "verwachte waarde",
         "The probability-weighted average of the possible outcomes of a choice."),
    Term("Monte Carlo simulation", "Monte-Carlosimulatie",
         "Estimating probabilities by running a random process many times with a computer and "
         "counting how often each outcome occurs."),
)


def glossary_table(terms=TERMS) -> Markdown:
    """The glossary as a Markdown table, sorted by English term, citations as ``[key, where]``.

    Parameters
    ----------
    terms : sequence of Term
        The terms to list (default: the whole glossary).

    Raises
    ------
    TypeError
        If ``terms`` is not a list or tuple of :class:`Term`.
    """
    if not isinstance(terms, (list, tuple)) or not all(isinstance(t, Term) for t in terms):
        raise TypeError(f"terms={terms!r:.60} must be a list or tuple of glossary Term records")
    rows = []
    for t in sorted(terms, key=lambda t: t.english.lower()):
        dutch = f"{t.dutch} *(op-ed)*" if t.oped else t.dutch
        cite = f"[{t.source}, {t.where}]" if t.where else (f"[{t.source}]" if t.source else "")
        if t.nl_source:
            cite += f" Dutch usage: [{t.nl_source}, {t.nl_where}]" if t.nl_where else \
                f" Dutch usage: [{t.nl_source}]"
        rows.append([f"**{t.english}**", dutch, t.definition, cite])
    return markdown_table(["English", "Nederlands", "Definition", "Source"], rows)
