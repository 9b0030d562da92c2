"""The course bibliography: every number and claim in the course points here.

A key is a lower-case name followed by a year (``glasstone1977``, ``icj1996``),
optionally with a letter (``russia2014b``). Models store keys beside their data;
notebooks call :func:`cite` and :func:`reference_list`. The test suite checks that
every key used anywhere in the project exists here and that every entry is used.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .._display import Markdown

KEY_PATTERN = re.compile(r"^[a-z][a-z_]*\d{4}[a-z]?$")

# The label a figure carries in place of a source key when it is the course's own
# modelling choice; a written reason always goes with it.
TEACHING_ASSUMPTION = "teaching assumption"


@dataclass(frozen=True)
class SourcedValue:
    """One datum and where it comes from: a source key and the place in it, or
    ``TEACHING_ASSUMPTION`` and the reason the course chose it.

    Parameters
    ----------
    name : str
        What the datum is, in words.
    value : object
        The datum: a number, a tuple of numbers, or a value or formula as text with its units.
    source : str
        A key of ``SOURCES``, or ``TEACHING_ASSUMPTION``.
    where : str, optional
        Where in the source (section, table, figure, paragraph); empty for a teaching
        assumption.
    note : str, optional
        For a sourced value its caveats (how it was read, its error, where sources disagree);
        for a teaching assumption the reason for it.
    unit : str, optional
        The unit of a bare number (empty when ``value`` is text that states its units).

    Notes
    -----
    A plain record; :meth:`problem` says what it lacks, and the test suite asks it of every
    sourced datum of the models.
    """

    name: str
    value: object
    source: str
    where: str = ""
    note: str = ""
    unit: str = ""

    @property
    def teaching_assumption(self) -> bool:
        """True when the course chose the value itself (then ``note`` gives the reason)."""
        return self.source == TEACHING_ASSUMPTION

    def problem(self) -> str:
        """What the datum lacks, in words; empty when it is complete.

        A sourced datum needs a key of ``SOURCES`` and a ``where``; a teaching assumption
        needs its reason in ``note``.
        """
        if self.teaching_assumption:
            return "" if self.note.strip() else (f"{self.name!r} is a teaching assumption "
                                                 "without a reason")
        if self.source not in SOURCES:
            return f"{self.name!r} cites {self.source!r}, which is not a key of the bibliography"
        if not self.where.strip():
            return f"{self.name!r} cites {self.source} but does not say where in it"
        return ""


@dataclass(frozen=True)
class Source:
    """One bibliographic entry; ``short`` is the author label used in citations."""

    key: str
    short: str
    authors: str
    year: int
    title: str
    venue: str
    url: str = ""
    note: str = ""


_ENTRIES = [
    # --- The op-ed and course frame (chapter 00) ---
    Source("nederlof2023", "Nederlof & Voorhoeve", "Kees Nederlof and Joris Voorhoeve", 2023,
           "Ook klein kernwapen kan tot totale vernietiging leiden [Even a small nuclear weapon "
           "can lead to total destruction]", "NRC, 13 February 2023 (opinion)",
           note="Nederlof: former Dutch ambassador for nuclear security; Voorhoeve: former Dutch "
                "minister of defence."),

    # --- Weapon effects (chapter 01) ---
    Source("glasstone1977", "Glasstone & Dolan", "Samuel Glasstone and Philip J. Dolan (eds.)", 1977,
           "The Effects of Nuclear Weapons, 3rd edition",
           "US Department of Defense and Energy Research and Development Administration, Washington DC",
           note="Figures 7.98 (transmittance) and 12.65 (burn exposures) were digitised from the "
                "figure scans of the online edition (atomicarchive.com)."),
    Source("nrc2022", "NRC", "NRC", 2022,
           "Het gevaar, de kracht en de fallout van tactische kernwapens [The danger, the yield "
           "and the fallout of tactical nuclear weapons] (25 March 2022)", "NRC",
           url="https://www.nrc.nl/nieuws/2022/03/25/het-gevaar-de-kracht-en-de-fallout-van-tactische-kernwapens-a4104980",
           note="Dutch usage: renders 'yield' as 'explosieve kracht'."),
    Source("brode1986", "Brode", "Harold L. Brode", 1986,
           "Airblast from nuclear bursts: analytic approximations",
           "Pacific-Sierra Research Corporation, report for the Defense Nuclear Agency",
           note="The fit's equations (pp. 60-71) were used as transcribed in public effects "
                "codes, which differ in one coefficient: 17.5 in the open-source 'glasstone' "
                "Python library (github.com/GOFAI/glasstone, overpressure.py), 17.15 in other "
                "transcriptions, which we use; the report itself was not consulted."),
    Source("wellerstein2012", "Wellerstein", "Alex Wellerstein", 2012,
           "NUKEMAP", "Online nuclear-effects calculator (in continuous development since 2012)",
           url="https://nuclearsecrecy.com/nukemap/",
           note="Reference rings were computed with NUKEMAP's own effects code (NukeEffects, as "
                "served in 2022 and 2025), run unmodified; today's site may differ."),
    Source("wellerstein2020", "Wellerstein", "Alex Wellerstein", 2020,
           "Counting the dead at Hiroshima and Nagasaki",
           "Bulletin of the Atomic Scientists, 4 August 2020",
           url="https://thebulletin.org/2020/08/counting-the-dead-at-hiroshima-and-nagasaki/"),
    Source("ota1979", "OTA", "Office of Technology Assessment, US Congress", 1979,
           "The Effects of Nuclear War", "US Government Printing Office, Washington DC"),
    Source("pittock1986", "Pittock et al.", "A. B. Pittock, T. P. Ackerman, P. J. Crutzen, "
           "M. C. MacCracken, C. S. Shapiro and R. P. Turco", 1986,
           "Environmental Consequences of Nuclear War, Volume I: Physical and Atmospheric Effects "
           "(SCOPE 28)", "John Wiley & Sons, Chichester",
           note="Chapter 1, 'Direct effects of nuclear detonations': yields and burst heights of "
                "the Hiroshima and Nagasaki bombs."),
    Source("minoborony1987", "Ministry of Defence of the USSR", "Ministerstvo Oborony SSSR", 1987,
           "Iadernoe oruzhie [Nuclear weapons], 4th edition", "Voenizdat, Moscow",
           note="Initial-radiation curves used only as digitised in the open-source 'glasstone' "
                "Python library (github.com/GOFAI/glasstone, radiation.py); the book itself was "
                "not consulted."),
    # chapter 01 additions go here

    # --- The law (chapter 02) ---
    Source("icj1996", "ICJ", "International Court of Justice", 1996,
           "Legality of the Threat or Use of Nuclear Weapons, Advisory Opinion of 8 July 1996",
           "I.C.J. Reports 1996, p. 226"),
    Source("un1945", "UN Charter", "United Nations", 1945,
           "Charter of the United Nations (26 June 1945)", "United Nations, San Francisco",
           note="Article 2(4): the ban on the threat or use of force; Article 51: the inherent "
                "right of individual or collective self-defence if an armed attack occurs."),
    Source("unga1994", "UN General Assembly", "United Nations General Assembly", 1994,
           "Resolution 49/75 K, Request for an advisory opinion from the International Court of "
           "Justice on the legality of the threat or use of nuclear weapons (15 December 1994)",
           "United Nations, New York"),
    Source("unga2022", "UN General Assembly", "United Nations General Assembly", 2022,
           "Resolution ES-11/4, Territorial integrity of Ukraine: defending the principles of the "
           "Charter of the United Nations (12 October 2022)", "United Nations, New York"),
    Source("russia2000", "Russian Federation", "Russian Federation", 2000,
           "Military Doctrine of the Russian Federation (April 2000)", "Presidential decree"),
    Source("russia2010", "Russian Federation", "Russian Federation", 2010,
           "Military Doctrine of the Russian Federation (5 February 2010)", "Presidential decree"),
    Source("russia2014", "Russian Federation", "Russian Federation", 2014,
           "Military Doctrine of the Russian Federation (December 2014)", "Presidential decree"),
    Source("russia2020", "Russian Federation", "Russian Federation", 2020,
           "Basic Principles of State Policy of the Russian Federation on Nuclear Deterrence",
           "Presidential Executive Order No. 355, 2 June 2020",
           note="Para 19 lists the conditions for nuclear use; 19(c) is an attack on critical "
                "state or military sites whose disruption would undermine the response of the "
                "nuclear forces."),
    Source("russia2024", "Russian Federation", "Russian Federation", 2024,
           "Basic Principles of State Policy of the Russian Federation on Nuclear Deterrence "
           "(updated)", "Presidential Executive Order, signed 19 November 2024"),
    Source("oliker2018", "Oliker & Baklitskiy", "Olga Oliker and Andrey Baklitskiy", 2018,
           "The Nuclear Posture Review and Russian 'de-escalation': a dangerous solution to a "
           "nonexistent problem", "War on the Rocks, February 2018"),
    Source("kofman2020", "Kofman & Fink", "Michael Kofman and Anya Loukianova Fink", 2020,
           "Escalation management and nuclear employment in Russian military strategy",
           "War on the Rocks, June 2020"),
    Source("nrc1998", "NRC reader's letter", "Unknown author (reader's letter)", 1998,
           "Kernbewapening [Nuclear armament]", "NRC Handelsblad, 8 January 1998 (letter to the editor)",
           url="https://www.nrc.nl/nieuws/1998/01/08/kernbewapening-7382463-a681777",
           note="Replies to B. van der Sijde, 'Kernbewapening is een vergeten probleem' (NRC, 29 "
                "December 1997), pointing out that the Court did not hold use lawful when a "
                "nation's survival is at stake but declared a non liquet. The letter's author is "
                "not known to us."),
    Source("ap2022", "AP", "Associated Press", 2022,
           "UN demands Russia reverse 'illegal' annexations in Ukraine (12 October 2022)",
           "Associated Press", note="Reporting; gives the vote on resolution ES-11/4 as 143–5 "
                                    "with 35 abstentions."),
    # chapter 02 additions go here

    # --- Command authority (chapter 03) ---
    Source("nsam1962", "NSAM 160", "John F. Kennedy (National Security Council)", 1962,
           "National Security Action Memorandum 160: Permissive links for nuclear weapons in NATO",
           "The White House, 6 June 1962"),
    Source("bbc2007", "BBC Newsnight", "BBC Newsnight", 2007,
           "Report on the absence of code locks on UK nuclear weapons",
           "BBC Two, 15 November 2007 (BBC Press Office release of the same day)",
           url="http://www.bbc.co.uk/pressoffice/pressreleases/stories/2007/11_november/15/newsnight.shtml",
           note="Reporting, not an official source."),
    Source("feaver1992", "Feaver", "Peter D. Feaver", 1992,
           "Guarding the Guardians: Civilian Control of Nuclear Weapons in the United States",
           "Cornell University Press, Ithaca"),
    Source("blair1993", "Blair", "Bruce G. Blair", 1993,
           "The Logic of Accidental Nuclear War", "Brookings Institution, Washington DC"),
    Source("sagan1993", "Sagan", "Scott D. Sagan", 1993,
           "The Limits of Safety: Organizations, Accidents, and Nuclear Weapons",
           "Princeton University Press, Princeton"),
    Source("podvig2017", "Podvig & Serrat", "Pavel Podvig and Javier Serrat", 2017,
           "Lock Them Up: Zero-Deployed Non-Strategic Nuclear Weapons in Europe",
           "United Nations Institute for Disarmament Research (UNIDIR), Geneva"),
    Source("burr2020", "Burr", "William Burr (ed.)", 2020,
           "The U.S. Nuclear Presence in Western Europe, 1954-1962, Part II",
           "National Security Archive, Electronic Briefing Book No. 722, 16 September 2020",
           url="https://nsarchive.gwu.edu/briefing-book/nuclear-vault/2020-09-16/us-nuclear-presence-western-europe-1954-1962-part-ii"),
    Source("tsypkin2004", "Tsypkin", "Mikhail Tsypkin", 2004,
           "Adventures of the 'Nuclear Briefcase': A Russian Document Analysis",
           "Strategic Insights 3(9), Center for Contemporary Conflict, Naval Postgraduate School, "
           "September 2004"),
    Source("hoffman1998", "Hoffman", "David Hoffman", 1998,
           "Front-page report on Russia's nuclear forces and the January 1995 rocket alert",
           "The Washington Post, 15 March 1998, p. A1",
           url="http://www.washingtonpost.com/wp-srv/inatl/longterm/russia/nuclear_031598a.htm",
           note="Reporting."),
    Source("hoffman2009", "Hoffman", "David E. Hoffman", 2009,
           "The Dead Hand: The Untold Story of the Cold War Arms Race and Its Dangerous Legacy",
           "Doubleday, New York"),
    Source("schlosser2022", "Schlosser", "Eric Schlosser", 2022,
           "What If Russia Uses Nuclear Weapons in Ukraine?", "The Atlantic, 20 June 2022",
           url="https://www.theatlantic.com/ideas/archive/2022/06/russia-ukraine-nuclear-weapon-us-response/661315/",
           note="Reporting; draws on Pavel Podvig for Russian warhead storage."),
    Source("pelopidas2019", "Pelopidas", "Benoît Pelopidas", 2019,
           "France: Nuclear Command, Control, and Communications",
           "NAPSNet Special Report, Nautilus Institute, 10 June 2019",
           url="https://nautilus.org/napsnet/napsnet-special-reports/france-nuclear-command-control-and-communications/"),
    Source("tfone2022", "TF1", "TF1 Info", 2022,
           "Document TF1: 36 heures à bord du Triomphant, l'un des quatre sous-marins nucléaires "
           "français lanceurs d'engins (July 2022)", "TF1 Info",
           url="https://www.tf1info.fr/justice-faits-divers/document-tf1-36-heures-a-bord-du-triomphant-l-un-des-quatre-sous-marins-nucleaires-francais-lanceurs-d-engins-2226075.html",
           note="Televised reporting with the submarine's commander on the record."),
    # chapter 03 additions go here

    # --- The dilemma (chapter 04) ---
    Source("sullivan2022", "Sullivan", "Jake Sullivan (interviewed)", 2022,
           "Interview on CBS Face the Nation, 25 September 2022", "CBS News",
           note="Reporting of an official's public statement."),
    Source("petraeus2022", "Petraeus", "David Petraeus (interviewed)", 2022,
           "Interview on ABC This Week, 2 October 2022", "ABC News",
           note="Reporting of a former official's public statement."),
    Source("zermelo1913", "Zermelo", "Ernst Zermelo", 1913,
           "Über eine Anwendung der Mengenlehre auf die Theorie des Schachspiels [On an "
           "application of set theory to the theory of the game of chess]",
           "Proceedings of the Fifth International Congress of Mathematicians, vol. 2, 501-504",
           note="The first analysis of a finite game of perfect information by reasoning back "
                "from its end positions."),
    Source("kuhn1953", "Kuhn", "Harold W. Kuhn", 1953,
           "Extensive games and the problem of information",
           "in H. W. Kuhn and A. W. Tucker (eds.), Contributions to the Theory of Games II "
           "(Annals of Mathematics Studies 28), Princeton University Press, 193-216",
           note="Every finite game of perfect information has an equilibrium in pure strategies, "
                "found by backward induction."),
    Source("selten1965", "Selten", "Reinhard Selten", 1965,
           "Spieltheoretische Behandlung eines Oligopolmodells mit Nachfrageträgheit [A "
           "game-theoretic treatment of an oligopoly model with demand inertia]",
           "Zeitschrift für die gesamte Staatswissenschaft 121, 301-324 and 667-689",
           note="Introduces the requirement that became the subgame-perfect equilibrium."),
    Source("selten1978", "Selten", "Reinhard Selten", 1978, "The chain store paradox",
           "Theory and Decision 9(2)"),
    Source("kreps1982", "Kreps & Wilson", "David M. Kreps and Robert Wilson", 1982,
           "Reputation and imperfect information", "Journal of Economic Theory 27(2), 253-279"),
    # chapter 04 additions go here

    # --- The escalation ladder (chapter 05) ---
    Source("kahn1965", "Kahn", "Herman Kahn", 1965,
           "On Escalation: Metaphors and Scenarios", "Praeger, New York"),
    Source("schelling1960", "Schelling", "Thomas C. Schelling", 1960,
           "The Strategy of Conflict", "Harvard University Press, Cambridge MA"),
    Source("schelling1966", "Schelling", "Thomas C. Schelling", 1966,
           "Arms and Influence", "Yale University Press, New Haven"),
    Source("posen1991", "Posen", "Barry R. Posen", 1991,
           "Inadvertent Escalation: Conventional War and Nuclear Risks",
           "Cornell University Press, Ithaca (Cornell Studies in Security Affairs)",
           note="The book's argument, set out in its opening pages: conventional operations that "
                "damage or threaten the other side's nuclear forces and their warning and command "
                "systems can create pressure for nuclear escalation that neither side intends; "
                "case material from NATO and the Warsaw Pact in the 1980s."),
    Source("acton2018", "Acton", "James M. Acton", 2018,
           "Escalation through entanglement: how the vulnerability of command-and-control systems "
           "raises the risks of an inadvertent nuclear war",
           "International Security 43(1), 56-99", url="https://doi.org/10.1162/ISEC_a_00320",
           note="Abstract and argument: dual-use command, control, communication and "
                "intelligence assets make non-nuclear strikes a path to inadvertent nuclear "
                "escalation, through crisis instability, 'misinterpreted warning' or a "
                "'damage-limitation window'."),
    Source("powell1990", "Powell", "Robert Powell", 1990,
           "Nuclear Deterrence Theory: The Search for Credibility", "Cambridge University Press"),
    Source("powell2015", "Powell", "Robert Powell", 2015,
           "Nuclear brinkmanship, limited war, and military power",
           "International Organization 69(3)"),
    Source("hellman2008", "Hellman", "Martin E. Hellman", 2008,
           "Risk analysis of nuclear deterrence", "The Bent of Tau Beta Pi, Spring 2008"),
    Source("sgs2019", "Princeton SGS", "Program on Science and Global Security, Princeton University",
           2019, "Plan A (simulation of a US-Russia nuclear war)", "Princeton University"),
    Source("woodward2024", "Woodward", "Bob Woodward", 2024, "War", "Simon & Schuster, New York"),
    Source("ap2024", "AP", "Associated Press", 2024,
           "Report on Bob Woodward's book War (8 October 2024)", "Associated Press",
           note="Reporting."),
    Source("swift2022", "Swift Centre", "Swift Centre for Applied Forecasting", 2022,
           "Forecasts of Russian nuclear use (October 2022)", "Swift Centre"),
    Source("metaculus2022", "Metaculus", "Metaculus", 2022,
           "Pro forecasters on the risk of nuclear war (March 2022)", "Metaculus"),
    Source("kristensen2022", "Kristensen & Korda", "Hans M. Kristensen and Matt Korda", 2022,
           "Russian nuclear weapons, 2022", "Bulletin of the Atomic Scientists 78(2)"),
    Source("kristensen2024", "Kristensen & Korda", "Hans M. Kristensen and Matt Korda", 2024,
           "Russian nuclear weapons, 2024", "Bulletin of the Atomic Scientists 80(2)"),
    Source("davis1984", "Davis & Stan", "Paul K. Davis and Peter Stan", 1984,
           "Concepts and Models of Escalation", "RAND Corporation, report R-3235, Santa Monica CA",
           url="https://www.rand.org/pubs/reports/R3235.html",
           note="Section II reviews Kahn's escalation ladder; its Fig. 2 reproduces the 44 rungs "
                "(checked here through a public transcription of that figure, not the PDF itself)."),
    Source("baloogan2015", "Baloogan Campaign Wiki", "Baloogan Campaign Wiki (contributors)", 2015,
           "Kahn's Escalation Ladder", "wiki page, revision of 25 September 2015",
           url="http://wiki.baloogancampaign.com/index.php?title=Kahn%27s_Escalation_Ladder",
           note="A transcription of Kahn's rung list and thresholds; used only to cross-check names."),
    Source("kemeny1960", "Kemeny & Snell", "John G. Kemeny and J. Laurie Snell", 1960,
           "Finite Markov Chains", "Van Nostrand, Princeton NJ",
           note="The standard reference for absorbing chains and their fundamental matrix."),
    # chapter 05 additions go here

    # --- Crisis seminar, verdict and timeline (chapter 06) ---
    Source("reuters2022", "Reuters", "Reuters", 2022,
           "Report of Russia's order to withdraw its troops from the west bank of the Dnipro "
           "and the city of Kherson (9 November 2022)", "Reuters", note="Reporting."),
    Source("ap2023", "AP", "Associated Press", 2023,
           "Report of Putin's announcement that Russia will station tactical nuclear weapons in "
           "Belarus, with storage ready by 1 July and control kept by Russia (25 March 2023)",
           "Associated Press", note="Reporting."),
    Source("upi2023", "UPI", "United Press International", 2023,
           "Report of Putin's statement at the St. Petersburg International Economic Forum that "
           "the first nuclear warheads had been delivered to Belarus (16 June 2023)",
           "United Press International, citing TASS", note="Reporting of an official's claim."),
    Source("kristensen2025", "Kristensen et al.",
           "Hans M. Kristensen, Matt Korda, Eliana Johns and Mackenzie Knight", 2025,
           "Russian nuclear weapons, 2025", "Bulletin of the Atomic Scientists 81(3), 208-237",
           url="https://doi.org/10.1080/00963402.2025.2494386"),
    Source("millot1993", "Millot et al.", "Marc Dean Millot, Roger C. Molander and Peter A. Wilson",
           1993, "\u201cThe Day After...\u201d Study: Nuclear Proliferation in the Post-Cold War "
           "World, Volume I, Summary Report", "RAND Corporation, MR-266-AF, Santa Monica CA",
           url="https://www.rand.org/pubs/monograph_reports/MR266.html",
           note="Policy exercises in which teams are given a scenario that postulates a nuclear "
                "use and must formulate the policy response: the model of the seminar's Day "
                "After format."),
    Source("asal2006", "Asal & Blake", "Victor Asal and Elizabeth L. Blake", 2006,
           "Creating Simulations for Political Science Education",
           "Journal of Political Science Education 2(1), 1-18",
           url="https://doi.org/10.1080/15512160500484119",
           note="A framework for classroom simulations (process or content goals, time and "
                "technology limits, roles and briefs), drawing on the ICONS project."),
    # chapter 06 additions go here
    # The record since the op-ed (2023-2026). Newspaper and agency items are cited as reporting;
    # several were read in syndicated or republished copies, as each note says.
    Source("reuters2023", "Reuters", "Reuters", 2023,
           "Exclusive: Wagner fighters neared Russian nuclear base during revolt (11 July 2023)",
           "Reuters", note="Reporting; read in a syndicated copy (Philippine Daily Inquirer). "
                           "Gives the distance from Voronezh-45 as about 100 km."),
    Source("moscowtimes2023", "The Moscow Times", "The Moscow Times", 2023,
           "Wagner neared Russian nuclear base during rebellion - Reuters (11 July 2023)",
           "The Moscow Times",
           url="https://www.themoscowtimes.com/2023/07/11/wagner-neared-russian-nuclear-base-during-rebellion-reuters-a81796",
           note="Reporting; gives the distance as about 110 km, where Reuters' text says 100."),
    Source("seddon2024", "Seddon & Cook", "Max Seddon and Chris Cook", 2024,
           "Leaked Russian military files reveal criteria for nuclear strike",
           "Financial Times, 28 February 2024",
           note="Reporting on 29 classified Russian military documents of 2008-2014 (war-game "
                "scenarios, naval training presentations); read in a republished copy."),
    Source("moscowtimes2024", "The Moscow Times", "The Moscow Times", 2024,
           "Russia's nuclear strike threshold lower than publicly stated - FT (28 February 2024)",
           "The Moscow Times",
           url="https://www.themoscowtimes.com/2024/02/28/russias-nuclear-strike-threshold-lower-than-publicly-stated-ft-a84274",
           note="Reporting; lists the triggers named in the leaked files."),
    Source("sciutto2024", "Sciutto", "Jim Sciutto", 2024,
           "Exclusive: US prepared 'rigorously' for potential Russian nuclear strike in Ukraine in "
           "late 2022, officials say", "CNN, 9 March 2024",
           note="Reporting from two senior officials, drawn from Sciutto's book The Return of "
                "Great Powers (2024); read in a syndicated copy."),
    Source("defensie2024", "Defensie", "Ministerie van Defensie (Netherlands)", 2024,
           "F-35 neemt Nederlandse kernwapentaak binnen de NAVO over van F-16 [The F-35 takes "
           "over the Dutch nuclear task within NATO from the F-16] (30 May 2024)",
           "Defensie.nl news release",
           url="https://defensie.nl/actueel/nieuws/2024/05/30/f-35-neemt-nederlandse-kernwapentaak-binnen-de-navo-over-van-f-16",
           note="Official."),
    Source("tweedekamer2020", "Blok & Bijleveld",
           "Stef Blok and Ank Bijleveld (ministers of foreign affairs and defence)", 2020,
           "Antwoord op vragen over kernwapens [Answers to parliamentary questions 2019Z22857 on "
           "nuclear weapons] (6 January 2020)", "Tweede Kamer, Aanhangsel Handelingen "
           "2019-2020, no. 1269",
           url="https://zoek.officielebekendmakingen.nl/ah-tk-20192020-1269.html",
           note="Official; answer 2 on the duty of secrecy about numbers and locations."),
    Source("politico2024", "POLITICO Europe", "POLITICO Europe", 2024,
           "Report on Ukraine's incursion into Russia's Kursk region (7 August 2024)",
           "POLITICO Europe",
           url="https://www.politico.eu/article/vladimir-putin-react-russia-battle-ukraine-attack-kursk-region/",
           note="Reporting."),
    Source("sokov2024", "Sokov", "Nikolai N. Sokov", 2024,
           "The Battle of Kursk probably won't result in nuclear weapons use against Ukraine",
           "Bulletin of the Atomic Scientists, 26 August 2024", url="https://thebulletin.org/?p=115518"),
    Source("babel2024", "Babel", "Babel.ua", 2024,
           "Report of Putin's statement on the strike on Dnipro with a new intermediate-range "
           "missile, 'Oreshnik' (21-22 November 2024)", "Babel.ua",
           url="https://babel.ua/en/news/112905-putin-declared-an-attack-on-dnipro-with-the-latest-medium-range-system-the-missile-was-called-experimental-in-the-usa",
           note="Reporting; gives Ukraine's Air Force's first account (an ICBM) and US officials' "
                "(an experimental missile)."),
    Source("tass2024", "TASS", "TASS", 2024,
           "Report of the Pentagon briefing on the Oreshnik launch (22 November 2024)", "TASS",
           url="https://tass.com/world/1876005",
           note="Russian state agency reporting a US briefing: the US was notified shortly before "
                "the launch through the Nuclear Risk Reduction channels."),
    Source("kyivindependent2025", "The Kyiv Independent", "The Kyiv Independent", 2025,
           "General Staff confirms withdrawal from Sudzha, Kursk Oblast (16 March 2025)",
           "The Kyiv Independent",
           url="https://kyivindependent.com/general-staff-confirms-withdrawal-from-sudzha-kursk-oblast/",
           note="Reporting."),
    Source("moscowtimes2025", "The Moscow Times", "The Moscow Times / AFP", 2025,
           "Russian army says Kursk region fully 'liberated' from Ukraine (26 April 2025)",
           "The Moscow Times",
           url="https://www.themoscowtimes.com/2025/04/26/russian-army-says-kursk-region-fully-liberated-from-ukraine-a88879",
           note="Reporting of the Russian General Staff's claim."),
    Source("abcnews2025", "ABC News", "ABC News", 2025,
           "Ukraine denies Putin's claim Russian forces regained Kursk (26 April 2025)", "ABC News",
           url="https://abcnews.go.com/International/ukraine-denies-putins-claim-russian-forces-regained-kursk/story?id=121195212",
           note="Reporting of the Ukrainian General Staff's denial."),
    Source("reuters2025", "Reuters", "Reuters", 2025,
           "Trump says Putin's offer on nuclear arms control 'sounds like a good idea' "
           "(5 October 2025)", "Reuters",
           note="Reporting; read in a syndicated copy (Business Standard). Recalls Putin's offer "
                "of 22 September 2025."),
    Source("liang2025", "Liang et al.", "X. Liang and others", 2025,
           "Russia Tests Nuclear-Powered Cruise Missile, Torpedo", "Arms Control Today, November "
           "2025, Arms Control Association", url="https://www.armscontrol.org/node/14963"),
    Source("japantimes2025", "The Japan Times", "The Japan Times", 2025,
           "Report of US Energy Secretary Chris Wright's statement that planned US tests are not "
           "nuclear explosions (3 November 2025)", "The Japan Times",
           url="https://www.japantimes.co.jp/news/2025/11/03/world/politics/us-nuclear-explosions-secretary/",
           note="Reporting; also recalls President Trump's instruction of 29/30 October 2025."),
    Source("tass2025", "TASS", "TASS", 2025,
           "Report of the Russian Security Council meeting on possible preparations for nuclear "
           "tests (5 November 2025)", "TASS", url="https://tass.com/politics/2039643",
           note="Russian state agency."),
    Source("reuters2026", "Reuters", "Reuters", 2026,
           "Report of the Kremlin's statement on the expiry of New START (5 February 2026)",
           "Reuters", note="Reporting; read in a syndicated copy (Global Banking & Finance "
                            "Review)."),
    Source("afp2026", "AFP", "Agence France-Presse", 2026,
           "US, Ukraine conclude talks in Geneva as Russia says 'no deadlines' to end war "
           "(27 February 2026)", "The Straits Times",
           url="https://www.straitstimes.com/world/europe/us-ukraine-conclude-talks-in-geneva-as-russia-says-no-deadlines-to-end-war",
           note="Reporting."),
    Source("deseret2022", "Deseret News", "Deseret News", 2022,
           "Report of NATO's annual nuclear exercise Steadfast Noon (17 October 2022)",
           "Deseret News",
           url="https://www.deseret.com/u-s-world/2022/10/17/23408931/nato-nuclear-exercises-steadfast-noon-russia-ukraine",
           note="Reporting of NATO's announcement of 14 October 2022."),
    Source("rtl2022", "RTL Nieuws", "RTL Nieuws", 2022,
           "Report on the nuclear weapons at Volkel (November 2022)", "RTL Nieuws",
           url="https://www.rtlnieuws.nl/nieuws/artikel/5350006/kernwapens-volkel-kernbommen-sp-jasper-van-dijk-bommen",
           note="Reporting; recounts how the presence of US bombs at Volkel became known "
                "without official confirmation."),
]

SOURCES: dict[str, Source] = {s.key: s for s in _ENTRIES}


class UnknownSourceError(KeyError, ValueError):
    """An unknown source key: a KeyError for lookups, a ValueError like every bad argument."""


def get(key: str) -> Source:
    """The entry for ``key``; an unknown key is an error that suggests close matches."""
    if not isinstance(key, str):
        raise TypeError(f"key={key!r} must be a source key (text) such as 'nederlof2023'")
    if key not in SOURCES:
        near = [k for k in SOURCES if k[:4] == key[:4]]
        hint = f" (did you mean {', '.join(near)}?)" if near else ""
        raise UnknownSourceError(f"unknown source key {key!r}{hint}")
    return SOURCES[key]


def cite(key: str, where: str = "") -> Markdown:
    """A short in-text citation, e.g. ``Glasstone & Dolan (1977, §3.61)``."""
    source = get(key)
    if not isinstance(where, str):
        raise TypeError(f"where={where!r} must be text such as 'para 3' or ''")
    inner = f"{source.year}, {where}" if where else f"{source.year}"
    return Markdown(f"{source.short} ({inner})")


def reference(key: str) -> Markdown:
    """The full reference for ``key`` as one Markdown line."""
    s = get(key)
    text = f"{s.authors} ({s.year}). *{s.title}*. {s.venue}."
    if s.url:
        text += f" <{s.url}>"
    if s.note:
        text += f" {s.note}"
    return Markdown(text)


def sort_key(key: str) -> tuple[str, int, str]:
    """How reference lists are ordered: by the first author's surname (the citation label
    ``short`` starts with it, e.g. "Glasstone & Dolan"), then year, then key; organisations
    sort by their name as cited ("ICJ", "Reuters")."""
    s = get(key)
    return (s.short.lower(), s.year, key)


def reference_list(keys) -> Markdown:
    """A Markdown list of the references for ``keys``, sorted by surname then year, no repeats."""
    if isinstance(keys, str) or not isinstance(keys, Iterable):
        raise TypeError(f"keys={keys!r} must be a list of source keys such as ['nederlof2023']")
    keys = list(keys)
    for key in keys:
        try:
            get(key)
        except (KeyError, TypeError) as error:
            raise UnknownSourceError(f"keys: {error.args[0]}") from None
    unique = sorted(set(keys), key=sort_key)
    return Markdown("\n".join(f"- **[{k}]** {reference(k)}" for k in unique))


def bibliography() -> Markdown:
    """Every entry of the course bibliography."""
    return reference_list(SOURCES)
