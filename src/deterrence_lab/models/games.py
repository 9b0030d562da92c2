"""Small games for the red-line dilemma: trees, credibility, reputation and chicken.

* Extensive-form trees built from three frozen dataclasses (:class:`Decision`,
  :class:`Chance`, :class:`Terminal`), checked by :func:`validate_tree` and solved by
  backward induction (:func:`backward_induction`): the method goes back to Zermelo's
  analysis of chess [zermelo1913] and Kuhn's theorem on games of perfect information
  [kuhn1953]; Selten defined the subgame-perfect equilibrium it finds [selten1965]. A node is named by its *history*: the tuple
  of action labels that leads to it from the root (the root is ``()``). A *plan* (a pure
  strategy profile) maps every decision history to the action taken there.
* **Tie rule.** When a mover is indifferent (values within 1e-9), backward induction
  picks the action listed *first* at that node. The games here list the less
  escalatory action first, so indifference resolves towards restraint.
* :func:`red_line_game`: Russia crosses a red line or not, the United States protests
  or strikes, Russia stops or escalates. With default payoffs a threat to strike is not
  credible: "refrain, because the US would strike" is a Nash equilibrium
  (:func:`is_nash_equilibrium`) but not subgame-perfect [schelling1966; powell1990].
* Reputation: Bayes' rule for the belief that the United States is resolute, after
  answered and unanswered crossings, watched by Russia and by other states
  [kreps1982; selten1978]. Russia crosses when its gain from a crossing exceeds the
  damage it expects from an answer (:func:`p_cross`): that falling credibility brings more
  crossings is *derived* from this comparison, not assumed.
* Chicken: the 2x2 game of nerve and its mixed equilibrium in closed form. Its collision
  risk comes from each side randomising its own choice; it is *not* Schelling's "threat
  that leaves something to chance", in which a side deliberately creates a risk that
  neither side fully controls [schelling1960].

All payoffs here are teaching assumptions in arbitrary utility units.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from .._docstring import fill, pieces, section, sections
from .._validate import as_float_array, check_int, check_probability, check_range, check_rng

_DOC = pieces(
    tree="""
        tree : Decision or Chance or Terminal
            The root of a finite game tree (see :func:`validate_tree` for what makes it valid).
        """,
    plan="""
        plan : dict of tuple to str
            A pure strategy profile: for every decision history (tuple of action labels from the
            root) the label of the action taken there.
        """,
    tree_type_error="""
        TypeError
            If a node is not a :class:`Decision`, :class:`Chance` or :class:`Terminal`, or a payoff
            is not a number.
        """,
    tree_errors="""
        %(tree_type_error)s
        ValueError
            If the tree is malformed (see :func:`validate_tree`).
        """,
    plan_errors="""
        TypeError
            If a node is not a :class:`Decision`, :class:`Chance` or :class:`Terminal`, a payoff is not
            a number, or ``plan`` is not a mapping.
        ValueError
            If the tree is malformed (the message names the offending history: see
            :func:`validate_tree`), or ``plan`` misses a decision node, names a history that is not
            one, or picks an action that is not available there.
        """,
    game_notes="""
        Standard game theory: backward induction goes back to zermelo1913 and kuhn1953; the
        subgame-perfect equilibrium is selten1965's. Payoffs are the caller's (the course's are
        teaching assumptions).
        """,
    p_respond="""
        p_respond_resolute : float or array_like, optional
            Probability in [0, 1] that a resolute United States answers a crossing firmly (pR),
            default 0.9 (teaching assumption).
        p_respond_irresolute : float or array_like, optional
            The same for an irresolute United States (pI), default 0.3 (teaching assumption).
        """,
    plan_args=section("Parameters", "%(tree)s", "%(plan)s"),
    plan_end=sections(("Raises", "%(plan_errors)s"), ("Notes", "%(game_notes)s")),
    payoffs_returned=section("Returns", "dict of str to float, utility units"),
)

TIE_TOLERANCE = 1e-9     # backward induction: differences this small are ties
GAIN_TOLERANCE = 1e-6    # equilibrium checks: gains this small are no reason to deviate


@dataclass(frozen=True)
class Terminal:
    """An end of the game with each player's payoff (utility units).

    Parameters
    ----------
    payoffs : mapping of str to float, utility units
        Every player's payoff at this end.
    label : str, optional
        A name for the outcome, shown in figures (default empty).

    Notes
    -----
    A plain record; :func:`validate_tree` checks it as part of a tree. Payoffs are the caller's;
    the course's own are teaching assumptions (see :func:`red_line_game`).
    """

    payoffs: Mapping[str, float]
    label: str = ""


@dataclass(frozen=True)
class Decision:
    """A move by ``player``, who picks one of ``actions``.

    Parameters
    ----------
    player : str
        The mover's name.
    actions : tuple of (str, node)
        ``(action_label, child_node)`` pairs, at least one, labels unique; listed order breaks
        ties (the first action wins, see ``TIE_TOLERANCE``).
    label : str, optional
        A name for the node, shown in figures (default empty).

    Notes
    -----
    A plain record; :func:`validate_tree` checks it as part of a tree. Standard extensive-form
    notation (kuhn1953).
    """

    player: str
    actions: tuple
    label: str = ""


@dataclass(frozen=True)
class Chance:
    """A move by nature, which picks one of ``outcomes`` with the given probabilities.

    Parameters
    ----------
    outcomes : tuple of (str, float, node)
        ``(label, probability, child_node)`` triples; probabilities in [0, 1] summing to 1.
    label : str, optional
        A name for the chance node, shown in figures (default empty).

    Notes
    -----
    A plain record, checked as part of a tree by :func:`validate_tree`; a chance move in the
    extensive form of kuhn1953.
    """

    outcomes: tuple
    label: str = ""


Node = Terminal | Decision | Chance


def children(node: Node) -> tuple[tuple[str, Node], ...]:
    """The ``(label, child)`` pairs below ``node``.

    Parameters
    ----------
    node : Decision or Chance or Terminal
        Any node of a game tree.

    Returns
    -------
    tuple of (str, node)
        One pair per action or chance outcome, in listed order; empty for a terminal.

    Raises
    ------
    TypeError
        If ``node`` is not a :class:`Decision`, :class:`Chance` or :class:`Terminal`.

    Notes
    -----
    Standard extensive-form notation (kuhn1953); no numbers.
    """
    if isinstance(node, Decision):
        return tuple(node.actions)
    if isinstance(node, Chance):
        return tuple((label, child) for label, _, child in node.outcomes)
    if isinstance(node, Terminal):
        return ()
    raise TypeError(f"node={node!r} is not a Decision, Chance or Terminal")


@fill(_DOC)
def validate_tree(tree: Node) -> tuple[str, ...]:
    """Check a game tree and return its players.

    Parameters
    ----------
    %(tree)s

    Returns
    -------
    tuple of str
        The movers in order of first appearance, then anyone else who receives a payoff.

    Raises
    ------
    %(tree_type_error)s
    ValueError
        If a decision node has no player or no actions, labels are empty or repeated, chance
        probabilities lie outside [0, 1] or do not sum to 1 (within 1e-9), a payoff is NaN or
        infinite, or a terminal gives no payoff to some player. The message names the history
        of the offending node.

    Notes
    -----
    Standard extensive-form games of perfect information with chance moves (kuhn1953).
    """
    players: list[str] = []
    terminals: list[tuple[tuple, Terminal]] = []

    def walk(node, history):
        where = f"tree node {history!r}"
        if isinstance(node, Terminal):
            if not isinstance(node.payoffs, Mapping) or not node.payoffs:
                raise ValueError(f"{where}: payoffs={node.payoffs!r} must be a non-empty dict "
                                 "{player: payoff}")
            for player, value in node.payoffs.items():
                as_float_array(f"payoff of {player!r} at {where}", value)
            terminals.append((history, node))
            return
        if isinstance(node, Decision):
            if not isinstance(node.player, str) or not node.player:
                raise ValueError(f"{where}: player={node.player!r} must be a non-empty name")
            if node.player not in players:
                players.append(node.player)
            pairs = node.actions
            if not isinstance(pairs, tuple) or not pairs or not all(
                    isinstance(p, tuple) and len(p) == 2 for p in pairs):
                raise ValueError(f"{where}: actions must be a non-empty tuple of "
                                 "(label, node) pairs")
        elif isinstance(node, Chance):
            if not isinstance(node.outcomes, tuple) or not node.outcomes or not all(
                    isinstance(p, tuple) and len(p) == 3 for p in node.outcomes):
                raise ValueError(f"{where}: outcomes must be a non-empty tuple of "
                                 "(label, probability, node) triples")
            probs = check_probability(f"probabilities at {where}",
                                      [p for _, p, _ in node.outcomes])
            if abs(probs.sum() - 1) > 1e-9:
                raise ValueError(f"probabilities at {where} sum to {probs.sum():g}; they must "
                                 "sum to 1")
            pairs = children(node)
        else:
            raise TypeError(f"{where}: {type(node).__name__} is not a Decision, Chance or "
                            "Terminal")
        labels = [label for label, _ in pairs]
        if not all(isinstance(lab, str) and lab for lab in labels):
            raise ValueError(f"{where}: labels {labels!r} must be non-empty text")
        if len(set(labels)) != len(labels):
            raise ValueError(f"{where}: labels {labels!r} must be unique")
        for label, child in pairs:
            walk(child, history + (label,))

    walk(tree, ())
    for _, node in terminals:  # players who never move but receive payoffs come last
        players.extend(p for p in node.payoffs if p not in players)
    for history, node in terminals:
        missing = [p for p in players if p not in node.payoffs]
        if missing:
            raise ValueError(f"node {history!r}: no payoff for player(s) {missing}")
    return tuple(players)


@fill(_DOC)
def decision_nodes(tree: Node) -> dict[tuple, Decision]:
    """Every decision node of ``tree``, keyed by its history.

    Parameters
    ----------
    %(tree)s

    Returns
    -------
    dict of tuple to Decision
        History (tuple of action labels from the root, ``()`` for the root) to node.

    Raises
    ------
    %(tree_errors)s

    Notes
    -----
    Standard extensive-form notation (kuhn1953); no numbers.
    """
    validate_tree(tree)
    found: dict[tuple, Decision] = {}

    def walk(node, history):
        if isinstance(node, Decision):
            found[history] = node
        for label, child in children(node):
            walk(child, history + (label,))

    walk(tree, ())
    return found


@dataclass(frozen=True)
class Solution:
    """Result of :func:`backward_induction`.

    Parameters
    ----------
    plan : dict of tuple to str
        The subgame-perfect plan: an action at every decision node, on and off the path.
    path : tuple of str
        The actions played from the root until a terminal or a chance node.
    reached : frozenset of tuple
        Every history reached with positive probability.
    payoffs : dict of str to float, utility units
        Each player's expected payoff at the root.
    values : dict of tuple to dict, utility units
        Each node's expected payoffs (player to value) under the plan.

    Notes
    -----
    A plain record; subgame perfection as defined by selten1965.
    """

    plan: dict
    path: tuple
    reached: frozenset
    payoffs: dict
    values: dict = field(repr=False)


@fill(_DOC)
def backward_induction(tree: Node) -> Solution:
    """Solve a finite perfect-information tree by backward induction.

    At each decision node the mover takes the action with the highest expected payoff for them
    given optimal play below; chance nodes average their children. Ties (within
    ``TIE_TOLERANCE``, 1e-9) go to the action listed first.

    Parameters
    ----------
    %(tree)s

    Returns
    -------
    Solution
        The subgame-perfect plan, the path played, the histories reached, the expected payoffs
        at the root and at every node (utility units).

    Raises
    ------
    %(tree_errors)s

    Notes
    -----
    %(game_notes)s
    """
    players = validate_tree(tree)
    plan: dict[tuple, str] = {}
    values: dict[tuple, dict[str, float]] = {}

    def solve(node, history) -> dict[str, float]:
        if isinstance(node, Terminal):
            value = {p: float(node.payoffs[p]) for p in players}
        elif isinstance(node, Chance):
            value = dict.fromkeys(players, 0.0)
            for label, prob, child in node.outcomes:
                below = solve(child, history + (label,))
                for p in players:
                    value[p] += float(prob) * below[p]
        else:
            best_label, value = None, None
            for label, child in node.actions:
                below = solve(child, history + (label,))
                if value is None or below[node.player] > value[node.player] + TIE_TOLERANCE:
                    best_label, value = label, below
            plan[history] = best_label
        values[history] = value
        return value

    payoffs = solve(tree, ())
    return Solution(plan, _path(tree, plan), _reached(tree, plan), payoffs, values)


def _check_plan(tree: Node, plan) -> dict[tuple, Decision]:
    nodes = decision_nodes(tree)
    if not isinstance(plan, Mapping):
        raise TypeError(f"plan={plan!r} must be a dict {{history: action}}")
    missing = [h for h in nodes if h not in plan]
    if missing:
        raise ValueError(f"plan has no action for decision node {missing[0]!r}")
    for history, action in plan.items():
        if history not in nodes:
            raise ValueError(f"plan names {history!r}, which is not a decision node")
        labels = [label for label, _ in nodes[history].actions]
        if action not in labels:
            raise ValueError(f"plan[{history!r}]={action!r} is not one of: {', '.join(labels)}")
    return nodes


def _path(tree: Node, plan) -> tuple:
    node, path = tree, ()
    while isinstance(node, Decision):
        action = plan[path]
        node = dict(node.actions)[action]
        path += (action,)
    return path


def _reached(tree: Node, plan) -> frozenset:
    reached = set()

    def walk(node, history):
        reached.add(history)
        if isinstance(node, Decision):
            walk(dict(node.actions)[plan[history]], history + (plan[history],))
        elif isinstance(node, Chance):
            for label, prob, child in node.outcomes:
                if prob > 0:
                    walk(child, history + (label,))

    walk(tree, ())
    return frozenset(reached)


@fill(_DOC)
def expected_payoffs(tree: Node, plan) -> dict[str, float]:
    """Each player's expected payoff when everyone follows ``plan``.

    %(plan_args)s

    %(payoffs_returned)s
        Expected payoff per player (chance nodes averaged).

    %(plan_end)s
    """
    players = validate_tree(tree)
    _check_plan(tree, plan)
    return _value(tree, (), plan, players, deviator=None)


def _value(node, history, plan, players, deviator):
    """Payoffs below ``node``; ``deviator`` (if given) best-responds instead of following."""
    if isinstance(node, Terminal):
        return {p: float(node.payoffs[p]) for p in players}
    if isinstance(node, Chance):
        value = dict.fromkeys(players, 0.0)
        for label, prob, child in node.outcomes:
            below = _value(child, history + (label,), plan, players, deviator)
            for p in players:
                value[p] += float(prob) * below[p]
        return value
    if node.player == deviator:
        options = [_value(child, history + (label,), plan, players, deviator)
                   for label, child in node.actions]
        return max(options, key=lambda v: v[deviator])
    action = plan[history]
    return _value(dict(node.actions)[action], history + (action,), plan, players, deviator)


@fill(_DOC)
def deviation_gains(tree: Node, plan) -> dict[str, float]:
    """How much each player could gain by changing their own plan, the others' held fixed.

    %(plan_args)s

    %(payoffs_returned)s
        Per player, the best payoff from a unilateral deviation minus the payoff of ``plan``;
        0 or more, judged from the root.

    %(plan_end)s
    """
    players = validate_tree(tree)
    _check_plan(tree, plan)
    current = _value(tree, (), plan, players, None)
    return {p: max(0.0, _value(tree, (), plan, players, p)[p] - current[p]) for p in players}


@fill(_DOC)
def is_nash_equilibrium(tree: Node, plan) -> bool:
    """Whether no player gains by deviating from ``plan`` alone, judged from the root.

    %(plan_args)s

    Returns
    -------
    bool
        True if every gain of :func:`deviation_gains` is at most ``GAIN_TOLERANCE`` (1e-6).
        Threats off the equilibrium path are never tested, so a non-credible threat can pass.

    %(plan_end)s
    """
    return all(g <= GAIN_TOLERANCE for g in deviation_gains(tree, plan).values())


@fill(_DOC)
def is_subgame_perfect(tree: Node, plan) -> bool:
    """Whether ``plan`` is a Nash equilibrium of every subgame.

    %(plan_args)s

    Returns
    -------
    bool
        True if at no decision node, on or off the path, the mover gains more than
        ``GAIN_TOLERANCE`` (1e-6) by a one-shot deviation.

    %(plan_end)s In a finite game of perfect information the one-shot deviation check is
    equivalent to subgame perfection.
    """
    players = validate_tree(tree)
    nodes = _check_plan(tree, plan)
    for history, node in nodes.items():
        values = {label: _value(child, history + (label,), plan, players, None)[node.player]
                  for label, child in node.actions}
        if max(values.values()) > values[plan[history]] + GAIN_TOLERANCE:
            return False
    return True


# --- the red-line game -------------------------------------------------------------------

def _number(name: str, value, low_open: bool = False) -> float:
    """One non-negative number: the game builders take single payoffs, not arrays."""
    arr = check_range(name, value, 0.0, low_open=low_open)
    if arr.size != 1:
        raise ValueError(f"{name}={value!r} must be a single number, not {arr.size} numbers")
    return arr.item()


RUSSIA, US = "Russia", "United States"


def red_line_game(gain_cross: float = 2.0, gain_escalate: float = 1.0,
                  cost_unanswered: float = 1.0, damage_strike: float = 4.0,
                  cost_strike: float = 3.0, cost_war: float = 10.0,
                  loss_further_use: float | None = None) -> Decision:
    """The red-line game: Russia crosses, the US protests or strikes, Russia stops or escalates.

    Payoffs (Russia, United States), all teaching assumptions in utility units:

    * refrain: (0, 0);
    * cross, protest, stop: (gain_cross, -cost_unanswered);
    * cross, protest, escalate: (gain_cross + gain_escalate, -cost_unanswered -
      loss_further_use): further use that goes unanswered (the op-ed's "Moscow can continue");
    * cross, strike, stop: (gain_cross - damage_strike, -cost_strike);
    * cross, strike, escalate: (gain_cross + gain_escalate - damage_strike - cost_war,
      -cost_strike - cost_war): a climb up the ladder hurts both.

    Parameters
    ----------
    gain_cross : float, utility units, optional
        Russia's gain from crossing the line, a single number 0 or more (default 2).
    gain_escalate : float, utility units, optional
        Russia's gain from further use, 0 or more (default 1).
    cost_unanswered : float, utility units, optional
        The US loss of credibility before allies and other states when a crossing is only
        protested, 0 or more (default 1); :func:`simulate_reputation` gives it meaning.
    damage_strike : float, utility units, optional
        What a conventional strike costs Russia, 0 or more (default 4).
    cost_strike : float, utility units, optional
        What striking costs the United States, 0 or more (default 3).
    cost_war : float, utility units, optional
        What a climb up the ladder after a strike costs each side, 0 or more (default 10).
    loss_further_use : float or None, utility units, optional
        The US loss from unanswered further use, 0 or more; ``None`` (default) sets it equal to
        ``gain_escalate`` (a zero-sum reading of that one outcome, a teaching simplification).

    Returns
    -------
    Decision
        The root of the game tree (Russia moves first).

    Raises
    ------
    TypeError
        If a payoff is not a number.
    ValueError
        If a payoff is negative, NaN or infinite, or is an array of more than one number.

    Notes
    -----
    Teaching assumption: all payoffs are illustrative utility units, chosen so that with the
    defaults the US threat to strike is not credible ("refrain, because the US would strike",
    ``THREAT_PLAN``, is a Nash equilibrium but not subgame-perfect), the point made by
    schelling1966 and powell1990.
    """
    g = _number("gain_cross", gain_cross)
    e = _number("gain_escalate", gain_escalate)
    L = _number("cost_unanswered", cost_unanswered)
    d = _number("damage_strike", damage_strike)
    c = _number("cost_strike", cost_strike)
    w = _number("cost_war", cost_war)
    f = e if loss_further_use is None else _number("loss_further_use", loss_further_use)

    def end(russia, us, label):
        return Terminal({RUSSIA: russia, US: us}, label)

    after_protest = Decision(RUSSIA, (("stop", end(g, -L, "crossing protested")),
                                      ("escalate", end(g + e, -L - f, "further use"))))
    after_strike = Decision(RUSSIA, (("stop", end(g - d, -c, "strike, then calm")),
                                     ("escalate", end(g + e - d - w, -c - w, "war"))))
    us_move = Decision(US, (("protest", after_protest), ("conventional_strikes", after_strike)))
    return Decision(RUSSIA, (("refrain", end(0.0, 0.0, "status quo")), ("cross", us_move)))


THREAT_PLAN = {(): "refrain", ("cross",): "conventional_strikes",
               ("cross", "protest"): "escalate", ("cross", "conventional_strikes"): "stop"}
"""The deterrent threat as a plan: Russia refrains *because* the US would strike."""


# --- reputation --------------------------------------------------------------------------

@fill(_DOC)
def update_belief(prior, responded, p_respond_resolute=0.9, p_respond_irresolute=0.3):
    """Posterior probability that the US is resolute after one observed crossing.

    Bayes' rule: mu' = mu·P(obs | resolute) / (mu·P(obs | resolute) + (1 − mu)·P(obs |
    irresolute)), where the observation is a firm response (``responded`` True) or none.

    Parameters
    ----------
    prior : float or array_like
        Belief in [0, 1] that the United States is resolute, before the crossing.
    responded : bool or array_like of bool
        Whether the crossing was answered firmly.
    %(p_respond)s

    Returns
    -------
    float or ndarray
        Posterior belief in [0, 1], of the broadcast shape of the arguments; the prior where
        the observation had probability 0 under both types.

    Raises
    ------
    TypeError
        If ``responded`` is not a bool or bool array, or a probability is not a number.
    ValueError
        If a probability is empty, not finite or outside [0, 1], or the shapes do not
        broadcast together.

    Notes
    -----
    Bayesian updating of a reputation for toughness as in kreps1982 (the chain-store paradox,
    selten1978); the likelihoods are teaching assumptions.
    """
    mu = check_probability("prior", prior)
    r = np.asarray(responded)
    if r.dtype != bool:
        raise TypeError(f"responded={responded!r} must be True/False (or an array of them)")
    pr = check_probability("p_respond_resolute", p_respond_resolute)
    pi = check_probability("p_respond_irresolute", p_respond_irresolute)
    like_r = np.where(r, pr, 1 - pr)
    like_i = np.where(r, pi, 1 - pi)
    denom = mu * like_r + (1 - mu) * like_i
    with np.errstate(invalid="ignore", divide="ignore"):
        post = np.where(denom > 0, mu * like_r / np.where(denom > 0, denom, 1.0), mu)
    return post[()] if post.ndim == 0 else post


def belief_after(prior, n_answered, n_unanswered, p_respond_resolute=0.9,
                 p_respond_irresolute=0.3):
    """Belief that the US is resolute after a number of answered and unanswered crossings.

    Closed form of repeated :func:`update_belief`, in any order:
    odds' = odds · (pR/pI)^answered · ((1 − pR)/(1 − pI))^unanswered.

    Parameters
    ----------
    prior : float or array_like
        Belief in [0, 1] before the crossings.
    n_answered : int
        Number of crossings answered firmly, a whole number 0 or more.
    n_unanswered : int
        Number of crossings left unanswered, a whole number 0 or more.
    p_respond_resolute : float, optional
        Single probability in [0, 1] that a resolute United States answers firmly (pR), default
        0.9 (teaching assumption).
    p_respond_irresolute : float, optional
        The same for an irresolute United States (pI), default 0.3 (teaching assumption).

    Returns
    -------
    float or ndarray
        Posterior belief in [0, 1], of the shape of ``prior``.

    Raises
    ------
    TypeError
        If a count is not a whole number, or a probability is not a number.
    ValueError
        If a count is negative or fractional, or a probability is not finite or outside
        [0, 1] (or, for the two likelihoods, not a single number).

    Notes
    -----
    Bayes' rule for a reputation (kreps1982; selten1978); the likelihoods are teaching
    assumptions.
    """
    mu = check_probability("prior", prior)
    a = check_int("n_answered", n_answered, 0)
    u = check_int("n_unanswered", n_unanswered, 0)
    pr = check_probability("p_respond_resolute", p_respond_resolute).item()
    pi = check_probability("p_respond_irresolute", p_respond_irresolute).item()
    like_r = pr ** a * (1 - pr) ** u
    like_i = pi ** a * (1 - pi) ** u
    denom = mu * like_r + (1 - mu) * like_i
    post = np.where(denom > 0, mu * like_r / np.where(denom > 0, denom, 1.0), mu)
    return post[()] if post.ndim == 0 else post


@dataclass(frozen=True)
class ReputationRun:
    """Simulated crises from :func:`simulate_reputation`.

    Parameters
    ----------
    belief_russia : ndarray, shape (runs, crises + 1)
        Russia's belief that the US is resolute, before each crisis and after the last.
    belief_audience : ndarray, shape (runs, crises + 1, observers)
        The same belief held by each audience state.
    crossed : ndarray of bool, shape (runs, crises)
        Whether Russia crossed in each crisis.
    answered : ndarray of bool, shape (runs, crises)
        Whether the crossing was answered firmly.
    audience_priors : tuple of float
        The audience states' prior beliefs.

    Notes
    -----
    A plain record; the model behind it is described in :func:`simulate_reputation`
    (kreps1982).
    """

    belief_russia: np.ndarray
    belief_audience: np.ndarray
    crossed: np.ndarray
    answered: np.ndarray
    audience_priors: tuple


@fill(_DOC)
def p_answer_expected(belief, p_respond_resolute=0.9, p_respond_irresolute=0.3):
    """The chance of a firm answer that Russia expects, given its belief that the US is resolute.

    Parameters
    ----------
    belief : float or array_like
        Russia's belief in [0, 1] that the United States is resolute.
    %(p_respond)s

    Returns
    -------
    float or ndarray
        belief·pR + (1 − belief)·pI, in [0, 1], of the broadcast shape of the arguments.

    Raises
    ------
    TypeError
        If an argument is not a number or array of numbers.
    ValueError
        If an argument is empty, not finite or outside [0, 1].

    Notes
    -----
    The law of total probability over the two types (kreps1982); pR and pI are teaching
    assumptions.
    """
    mu = check_probability("belief", belief)
    pr = check_probability("p_respond_resolute", p_respond_resolute)
    pi = check_probability("p_respond_irresolute", p_respond_irresolute)
    out = mu * pr + (1 - mu) * pi
    return out[()] if out.ndim == 0 else out


@fill(_DOC)
def p_cross(belief, gain_max=2.0, damage=2.0, p_respond_resolute=0.9, p_respond_irresolute=0.3):
    """Chance that Russia crosses the next red line, derived from a payoff comparison.

    In each crisis Russia's gain from crossing, g, is new and uniform on [0, gain_max]; a firm
    answer costs it ``damage``. It crosses when g exceeds the damage it expects,
    damage·a(belief) with a from :func:`p_answer_expected`, so
    P(cross) = max(0, 1 − damage·a(belief) / gain_max). Because a rises with the belief
    whenever pR > pI, crossings become more frequent as US credibility falls: the op-ed's "more
    crossings follow" is a consequence of the comparison, and it vanishes if answers do not
    depend on resolve (pR = pI) or if no answer hurts (``damage = 0``).

    Parameters
    ----------
    belief : float or array_like
        Russia's belief in [0, 1] that the United States is resolute.
    gain_max : float, utility units, optional
        Largest gain from a crossing, a single number greater than 0 (default 2).
    damage : float, utility units, optional
        What a firm answer costs Russia, a single number 0 or more (default 2).
    %(p_respond)s

    Returns
    -------
    float or ndarray
        Probability in [0, 1], of the broadcast shape of ``belief`` and the likelihoods.

    Raises
    ------
    TypeError
        If an argument is not a number.
    ValueError
        If an argument is not finite or outside its range, or ``gain_max`` or ``damage`` is an
        array of more than one number.

    Notes
    -----
    Teaching assumption: the uniform gain (crises differ in what is at stake) and the default
    payoffs; the belief follows kreps1982.
    """
    gmax = _number("gain_max", gain_max, low_open=True)
    d = _number("damage", damage)
    a = p_answer_expected(belief, p_respond_resolute, p_respond_irresolute)
    out = np.clip(1.0 - d * np.asarray(a) / gmax, 0.0, 1.0)
    return out[()] if out.ndim == 0 else out


@fill(_DOC)
def simulate_reputation(rng: np.random.Generator, prior: float = 0.5, p_answer: float = 0.9,
                        n_crises: int = 10, *, n_runs: int = 200, gain_max: float = 2.0,
                        damage: float = 2.0, p_respond_resolute: float = 0.9,
                        p_respond_irresolute: float = 0.3,
                        audience_priors=(0.3, 0.7)) -> ReputationRun:
    """Repeated crises in which Russia and other states learn how resolute the US is.

    Russia crosses when its gain beats the damage it expects (:func:`p_cross`, given its
    current belief); the US answers each crossing firmly with probability ``p_answer`` (its
    actual policy); Russia and every audience state update their beliefs by Bayes' rule with
    the same likelihoods. A crisis without a crossing reveals nothing and leaves beliefs
    unchanged.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness, e.g. ``np.random.default_rng(2023)``.
    prior : float, optional
        Russia's initial belief in [0, 1] that the US is resolute (default 0.5).
    p_answer : float, optional
        Probability in [0, 1] that the US actually answers a crossing firmly (default 0.9).
    n_crises : int, optional
        Number of crises per run, a whole number in [1, 200] (default 10).
    n_runs : int, optional
        Number of independent runs, a whole number 1 or more (default 200).
    gain_max : float, utility units, optional
        See :func:`p_cross` (default 2, greater than 0).
    damage : float, utility units, optional
        See :func:`p_cross` (default 2, 0 or more).
    %(p_respond)s
    audience_priors : array_like of float, optional
        Initial beliefs in [0, 1] of the watching states, one per observer (default
        (0.3, 0.7)).

    Returns
    -------
    ReputationRun
        Beliefs of shape (n_runs, n_crises + 1) and (n_runs, n_crises + 1, observers);
        crossings and answers of shape (n_runs, n_crises).

    Raises
    ------
    TypeError
        If ``rng`` is not a numpy Generator, a count is not a whole number, or an argument is
        not a number.
    ValueError
        If an argument is not finite or outside its range, or a count is fractional.

    Notes
    -----
    Reputation model after kreps1982 and selten1978; every number is a teaching assumption.
    """
    check_rng(rng)
    prior = check_probability("prior", prior).item()
    p_answer = check_probability("p_answer", p_answer).item()
    n = check_int("n_crises", n_crises, 1, 200)
    runs = check_int("n_runs", n_runs, 1)
    _number("gain_max", gain_max, low_open=True)
    _number("damage", damage)
    check_probability("p_respond_resolute", p_respond_resolute)
    check_probability("p_respond_irresolute", p_respond_irresolute)
    audience = check_probability("audience_priors", audience_priors).reshape(-1)
    mu = np.full(runs, prior)
    nu = np.tile(audience, (runs, 1))
    beliefs, audience_beliefs = [mu], [nu]
    crossed = np.zeros((runs, n), dtype=bool)
    answered = np.zeros((runs, n), dtype=bool)
    for t in range(n):
        crossed[:, t] = rng.random(runs) < p_cross(mu, gain_max, damage, p_respond_resolute,
                                                   p_respond_irresolute)
        answered[:, t] = crossed[:, t] & (rng.random(runs) < p_answer)
        seen = crossed[:, t]
        mu = np.where(seen, update_belief(mu, answered[:, t], p_respond_resolute,
                                          p_respond_irresolute), mu)
        nu = np.where(seen[:, None], update_belief(nu, answered[:, t, None], p_respond_resolute,
                                                   p_respond_irresolute), nu)
        beliefs.append(mu)
        audience_beliefs.append(nu)
    return ReputationRun(np.stack(beliefs, axis=1), np.stack(audience_beliefs, axis=1),
                         crossed, answered, tuple(float(a) for a in audience))


# --- chicken -------------------------------------------------------------------------------

def chicken(win: float = 1.0, lose: float = 1.0, crash: float = 10.0) -> tuple[np.ndarray, np.ndarray]:
    """Payoff matrices (row player, column player) of chicken; actions (swerve, stand firm).

    Both swerve: 0 each; the one who stands firm against a swerver gains ``win``, the swerver
    loses ``lose``; both firm: both lose ``crash``.

    Parameters
    ----------
    win : float, utility units, optional
        Gain from standing firm against a swerver, a single number greater than 0 (default 1).
    lose : float, utility units, optional
        Loss from swerving against one who stands firm, 0 or more (default 1).
    crash : float, utility units, optional
        Loss to each when both stand firm, greater than 0 and greater than ``lose``
        (default 10).

    Returns
    -------
    row, col : ndarray, shape (2, 2), utility units
        Payoffs of the row and column players; ``col`` is the transpose of ``row``.

    Raises
    ------
    TypeError
        If an argument is not a number.
    ValueError
        If an argument is not finite, outside its range or an array of more than one number, or
        ``crash`` does not exceed ``lose``.

    Notes
    -----
    schelling1966 used the game as an image of a contest of nerve; its mixed-equilibrium
    collision risk is not his "threat that leaves something to chance" (schelling1960). The
    payoffs are teaching assumptions.
    """
    w = _number("win", win, low_open=True)
    lo = _number("lose", lose)
    c = _number("crash", crash, low_open=True)
    if c <= lo:
        raise ValueError(f"crash={crash!r} must exceed lose={lose!r}: in chicken a collision "
                         "is worse than backing down")
    row = np.array([[0.0, -lo], [w, -c]])
    return row, row.T.copy()


@dataclass(frozen=True)
class MixedEquilibrium:
    """A completely mixed equilibrium of a 2x2 game.

    Parameters
    ----------
    p_row_first : float
        Probability that the row player plays its first action.
    p_col_first : float
        Probability that the column player plays its first action.
    payoff_row, payoff_col : float, utility units
        The players' expected payoffs.

    Notes
    -----
    A plain record, as :func:`mixed_equilibrium_2x2` returns; standard game theory.
    """

    p_row_first: float
    p_col_first: float
    payoff_row: float
    payoff_col: float


def mixed_equilibrium_2x2(row_payoffs, col_payoffs) -> MixedEquilibrium:
    """The completely mixed equilibrium of a 2x2 game, in closed form.

    Each player mixes so that the other is indifferent: with A the row player's payoffs, the
    column player plays its first action with q = (A22 − A12) / (A11 − A21 − A12 + A22);
    symmetrically for p from the column player's payoffs B.

    Parameters
    ----------
    row_payoffs : array_like, shape (2, 2), utility units
        The row player's payoffs A[row action, column action].
    col_payoffs : array_like, shape (2, 2), utility units
        The column player's payoffs B, indexed the same way.

    Returns
    -------
    MixedEquilibrium
        The two mixing probabilities and the expected payoffs.

    Raises
    ------
    TypeError
        If a matrix is not numeric.
    ValueError
        If a matrix is empty, not finite or not of shape (2, 2), or the game has no completely
        mixed equilibrium (a player is never indifferent, or the indifference probabilities
        fall outside (0, 1)).

    Notes
    -----
    Standard game theory (the indifference principle); no empirical numbers.
    """
    A = as_float_array("row_payoffs", row_payoffs)
    B = as_float_array("col_payoffs", col_payoffs)
    for name, M in (("row_payoffs", A), ("col_payoffs", B)):
        if M.shape != (2, 2):
            raise ValueError(f"{name} has shape {M.shape}; a 2x2 game needs shape (2, 2)")
    den_q = A[0, 0] - A[1, 0] - A[0, 1] + A[1, 1]
    den_p = B[0, 0] - B[0, 1] - B[1, 0] + B[1, 1]
    if den_q == 0 or den_p == 0:
        raise ValueError("this game has no completely mixed equilibrium (a player is never "
                         "indifferent)")
    q = (A[1, 1] - A[0, 1]) / den_q
    p = (B[1, 1] - B[1, 0]) / den_p
    if not (0 < p < 1 and 0 < q < 1):
        raise ValueError(f"no completely mixed equilibrium: indifference needs p={p:.3g}, "
                         f"q={q:.3g}, outside (0, 1)")
    x, y = np.array([p, 1 - p]), np.array([q, 1 - q])
    return MixedEquilibrium(float(p), float(q), float(x @ A @ y), float(x @ B @ y))


def chicken_crash_probability(win=1.0, lose=1.0, crash=10.0):
    """Chance that both stand firm in chicken's symmetric mixed equilibrium.

    Parameters
    ----------
    win : float or array_like, utility units, optional
        Gain from standing firm against a swerver, greater than 0 (default 1).
    lose : float or array_like, utility units, optional
        Loss from swerving, 0 or more (default 1).
    crash : float or array_like, utility units, optional
        Loss from a collision, greater than 0 and greater than ``lose`` (default 10).

    Returns
    -------
    float or ndarray
        P(firm)² with P(firm) = win / (win + crash − lose), of the broadcast shape of the
        arguments.

    Raises
    ------
    TypeError
        If an argument is not a number or array of numbers.
    ValueError
        If an argument is empty, not finite or outside its range, or ``crash`` does not exceed
        ``lose`` somewhere, or the shapes do not broadcast together.

    Notes
    -----
    Standard game theory (:func:`mixed_equilibrium_2x2` applied to :func:`chicken`); payoffs are
    teaching assumptions.
    """
    w = check_range("win", win, 0.0, low_open=True)
    lo = check_range("lose", lose, 0.0)
    c = check_range("crash", crash, 0.0, low_open=True)
    if np.any(c <= lo):
        raise ValueError(f"crash={crash!r} must exceed lose={lose!r}")
    out = (w / (w + c - lo)) ** 2
    return out[()] if out.ndim == 0 else out
