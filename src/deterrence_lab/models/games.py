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

from .._validate import as_float_array, check_int, check_probability, check_range, check_rng

TIE_TOLERANCE = 1e-9     # backward induction: differences this small are ties
GAIN_TOLERANCE = 1e-6    # equilibrium checks: gains this small are no reason to deviate


@dataclass(frozen=True)
class Terminal:
    """An end of the game with each player's payoff (utility units)."""

    payoffs: Mapping[str, float]
    label: str = ""


@dataclass(frozen=True)
class Decision:
    """A move by ``player``: ``actions`` is a tuple of ``(action_label, child_node)``."""

    player: str
    actions: tuple
    label: str = ""


@dataclass(frozen=True)
class Chance:
    """A move by nature: ``outcomes`` is a tuple of ``(label, probability, child_node)``."""

    outcomes: tuple
    label: str = ""


Node = Terminal | Decision | Chance


def children(node: Node) -> tuple[tuple[str, Node], ...]:
    """``(label, child)`` pairs below ``node`` (empty for a terminal)."""
    if isinstance(node, Decision):
        return tuple(node.actions)
    if isinstance(node, Chance):
        return tuple((label, child) for label, _, child in node.outcomes)
    if isinstance(node, Terminal):
        return ()
    raise TypeError(f"node={node!r} is not a Decision, Chance or Terminal")


def validate_tree(tree: Node) -> tuple[str, ...]:
    """Check a game tree and return its players: the movers in order of first appearance,
    then anyone else who receives a payoff.

    Errors name the offending history: decision nodes need a player and at least one
    action with unique labels; chance probabilities must lie in [0, 1] and sum to 1;
    every terminal must give a finite payoff to every player.
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


def decision_nodes(tree: Node) -> dict[tuple, Decision]:
    """Every decision node of ``tree`` keyed by its history."""
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
    """Backward-induction result.

    ``plan`` is the subgame-perfect plan (an action at every decision node, on and off the
    path); ``path`` the actions played from the root until a terminal or a chance node;
    ``reached`` every history reached with positive probability; ``payoffs`` the expected
    payoffs; ``values`` each node's expected payoffs under the plan.
    """

    plan: dict
    path: tuple
    reached: frozenset
    payoffs: dict
    values: dict = field(repr=False)


def backward_induction(tree: Node) -> Solution:
    """Solve a finite perfect-information tree by backward induction [zermelo1913] [kuhn1953].

    At each decision node the mover takes the action with the highest expected payoff
    for them given optimal play below; chance nodes average their children. Ties go to
    the action listed first (within ``TIE_TOLERANCE``).
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


def expected_payoffs(tree: Node, plan) -> dict[str, float]:
    """Each player's expected payoff when everyone follows ``plan``."""
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


def deviation_gains(tree: Node, plan) -> dict[str, float]:
    """How much each player could gain by changing their own plan, others fixed (>= 0)."""
    players = validate_tree(tree)
    _check_plan(tree, plan)
    current = _value(tree, (), plan, players, None)
    return {p: max(0.0, _value(tree, (), plan, players, p)[p] - current[p]) for p in players}


def is_nash_equilibrium(tree: Node, plan) -> bool:
    """True if no player gains (more than ``GAIN_TOLERANCE``) by deviating from ``plan``
    alone, judged from the root only, so threats off the equilibrium path are never tested."""
    return all(g <= GAIN_TOLERANCE for g in deviation_gains(tree, plan).values())


def is_subgame_perfect(tree: Node, plan) -> bool:
    """True if ``plan`` is a Nash equilibrium of every subgame (one-shot deviation check at
    every decision node, on and off the path)."""
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
    """The red-line game: Russia crosses or refrains; the US protests or strikes; Russia
    stops or escalates.

    Payoffs (Russia, United States), all teaching assumptions in utility units:

    * refrain: (0, 0);
    * cross, protest, stop: (gain_cross, -cost_unanswered);
    * cross, protest, escalate: (gain_cross + gain_escalate, -cost_unanswered -
      loss_further_use): further use that goes unanswered (the op-ed's "Moscow can continue");
    * cross, strike, stop: (gain_cross - damage_strike, -cost_strike);
    * cross, strike, escalate: (gain_cross + gain_escalate - damage_strike - cost_war,
      -cost_strike - cost_war): a climb up the ladder hurts both.

    Russia's gain from further use (``gain_escalate``) and the US loss from it
    (``loss_further_use``) are separate numbers; ``loss_further_use=None`` sets it equal to
    ``gain_escalate`` (a zero-sum reading of that one outcome, a teaching simplification).

    ``cost_unanswered`` is the US loss of credibility before allies and other states
    when a crossing is only protested; :func:`simulate_reputation` gives it meaning.
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

def update_belief(prior, responded, p_respond_resolute=0.9, p_respond_irresolute=0.3):
    """Posterior probability that the US is resolute after one observed crossing.

    Bayes' rule: mu' = mu * P(obs | resolute) / (mu * P(obs | resolute) + (1 - mu) *
    P(obs | irresolute)), where the observation is a firm response (``responded`` True)
    or none. Vectorised over all arguments.
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
    """Belief after ``n_answered`` firm responses and ``n_unanswered`` crossings left
    unanswered, in any order (closed form of repeated :func:`update_belief`):
    odds' = odds * (pR/pI)^answered * ((1-pR)/(1-pI))^unanswered."""
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
    """Simulated crises. Arrays: ``belief_russia`` (runs, crises+1), ``belief_audience``
    (runs, crises+1, observers), ``crossed`` and ``answered`` (runs, crises) booleans."""

    belief_russia: np.ndarray
    belief_audience: np.ndarray
    crossed: np.ndarray
    answered: np.ndarray
    audience_priors: tuple


def p_answer_expected(belief, p_respond_resolute=0.9, p_respond_irresolute=0.3):
    """The chance Russia expects of a firm answer, given its belief that the US is resolute:
    belief * pR + (1 - belief) * pI."""
    mu = check_probability("belief", belief)
    pr = check_probability("p_respond_resolute", p_respond_resolute)
    pi = check_probability("p_respond_irresolute", p_respond_irresolute)
    out = mu * pr + (1 - mu) * pi
    return out[()] if out.ndim == 0 else out


def p_cross(belief, gain_max=2.0, damage=2.0, p_respond_resolute=0.9, p_respond_irresolute=0.3):
    """Chance that Russia crosses the next red line, *derived* from a payoff comparison.

    In each crisis Russia's gain from crossing, ``g``, is new and uniform on [0, gain_max]
    (crises differ in what is at stake: a teaching assumption); a firm answer costs it
    ``damage``. It crosses when ``g`` exceeds the damage it expects, ``damage * a(belief)``
    with ``a`` from :func:`p_answer_expected`, so

        P(cross) = max(0, 1 - damage * a(belief) / gain_max).

    Because ``a`` rises with the belief whenever pR > pI, crossings become more frequent as
    US credibility falls: the op-ed's "more crossings follow" is a consequence of the
    comparison, and it vanishes if answers do not depend on resolve (pR = pI) or if no
    answer hurts (``damage = 0``).
    """
    gmax = _number("gain_max", gain_max, low_open=True)
    d = _number("damage", damage)
    a = p_answer_expected(belief, p_respond_resolute, p_respond_irresolute)
    out = np.clip(1.0 - d * np.asarray(a) / gmax, 0.0, 1.0)
    return out[()] if out.ndim == 0 else out


def simulate_reputation(rng: np.random.Generator, prior: float = 0.5, p_answer: float = 0.9,
                        n_crises: int = 10, *, n_runs: int = 200, gain_max: float = 2.0,
                        damage: float = 2.0, p_respond_resolute: float = 0.9,
                        p_respond_irresolute: float = 0.3,
                        audience_priors=(0.3, 0.7)) -> ReputationRun:
    """Repeated crises: Russia crosses when its gain beats the damage it expects
    (:func:`p_cross`, a payoff comparison given its current belief); the US answers each
    crossing firmly with probability ``p_answer`` (its actual policy); Russia and every
    audience state update their beliefs by Bayes' rule with the same likelihoods.
    A crisis without a crossing reveals nothing and leaves beliefs unchanged."""
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

    Both swerve: 0 each; the one who stands firm against a swerver gains ``win``, the
    swerver loses ``lose``; both firm: both lose ``crash``. Schelling used the game as an
    image of a contest of nerve [schelling1966]; its mixed-equilibrium collision risk is
    not his "threat that leaves something to chance" (see the module docstring).
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
    """A completely mixed equilibrium of a 2x2 game: probabilities of each player's *first*
    action, and the expected payoffs."""

    p_row_first: float
    p_col_first: float
    payoff_row: float
    payoff_col: float


def mixed_equilibrium_2x2(row_payoffs, col_payoffs) -> MixedEquilibrium:
    """The mixed equilibrium of a 2x2 game in closed form.

    Each player mixes so that the *other* is indifferent: with A the row player's payoffs,
    the column player plays its first action with q = (A22 - A12) / (A11 - A21 - A12 + A22);
    symmetrically for p from the column player's payoffs B.
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
    """Chance that both stand firm in chicken's symmetric mixed equilibrium:
    P(firm) = win / (win + crash - lose), squared. Vectorised."""
    w = check_range("win", win, 0.0, low_open=True)
    lo = check_range("lose", lose, 0.0)
    c = check_range("crash", crash, 0.0, low_open=True)
    if np.any(c <= lo):
        raise ValueError(f"crash={crash!r} must exceed lose={lose!r}")
    out = (w / (w + c - lo)) ** 2
    return out[()] if out.ndim == 0 else out
