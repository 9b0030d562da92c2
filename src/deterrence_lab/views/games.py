"""Game trees with their backward-induction solution, the reputation simulation and the game of
chicken, drawn (chapter 04)."""
from __future__ import annotations

import numpy as np

from .._display import Markdown, markdown_table
from ..models import games
from .style import OKABE_ITO, actor_color, new_figure, text_color

_SHORT_PLAYER = {games.RUSSIA: "RU", games.US: "US"}


def _player_color(player: str) -> str:
    return {games.RUSSIA: actor_color("russia"), games.US: actor_color("us_nato")}.get(
        player, actor_color("other"))


def _layout(tree):
    """x, y positions by history: leaves spaced evenly, parents centred over children."""
    pos, leaves = {}, [0]

    def place(node, history, depth):
        kids = games.children(node)
        if not kids:
            pos[history] = (leaves[0], -depth)
            leaves[0] += 1
        else:
            xs = [place(child, history + (label,), depth + 1)[0] for label, child in kids]
            pos[history] = (float(np.mean(xs)), -depth)
        return pos[history]

    place(tree, (), 0)
    return pos


def _walk(tree):
    """Every edge ``(node, history, label, child)`` and every node ``(node, history)`` of a
    tree, in drawing order (depth first)."""
    edges, nodes = [], []

    def visit(node, history):
        nodes.append((node, history))
        for label, child in games.children(node):
            edges.append((node, history, label, child))
            visit(child, history + (label,))

    visit(tree, ())
    return edges, nodes


def game_tree_base(tree, solved: bool = True, title: str = ""):
    """A game tree without what its payoffs change: nodes, players, move labels, limits and
    title (``solved``: the title explaining thick and dashed edges). Returns the figure;
    :func:`draw_tree_solution` adds the edges and the payoffs."""
    games.validate_tree(tree)
    pos = _layout(tree)
    n_leaves = sum(1 for h in pos if not any(len(g) > len(h) and g[:len(h)] == h for g in pos))
    depth = -min(y for _, y in pos.values())
    fig, ax = new_figure(max(6.5, 1.5 * n_leaves), 1.3 * depth + 1.6)
    edges, nodes = _walk(tree)
    for node, history, label, child in edges:
        (x0, y0), (x1, y1) = pos[history], pos[history + (label,)]
        text = label.replace("_", " ")
        if not isinstance(node, games.Decision):
            text += f" ({dict((lab, p) for lab, p, _ in node.outcomes)[label]:.2g})"
        ax.text((x0 + x1) / 2, (y0 + y1) / 2, text, fontsize=8,
                ha="center", va="center", bbox={"fc": "white", "ec": "none", "pad": 0.5})
    for node, history in nodes:
        x0, y0 = pos[history]
        if isinstance(node, games.Terminal):
            ax.plot([x0], [y0], "s", color="black", ms=4)
            continue
        is_decision = isinstance(node, games.Decision)
        color = _player_color(node.player) if is_decision else actor_color("other")
        ax.plot([x0], [y0], "o" if is_decision else "D", color=color, ms=10, zorder=2)
        ax.text(x0, y0 + 0.15, node.player if is_decision else "chance", ha="center",
                fontsize=9, color=text_color(color), weight="bold")
    ax.set_xlim(-0.7, n_leaves - 0.3)
    ax.set_ylim(-depth - 0.9, 0.5)
    ax.axis("off")
    if solved:
        ax.set_title(title or "Backward induction: thick = equilibrium path, dashed = not chosen",
                     fontsize=10)
    elif title:
        ax.set_title(title)
    return fig


def draw_tree_solution(ax, tree, solution: games.Solution | None = None) -> list:
    """The edges of a :func:`game_tree_base` tree (with a ``solution``, thick coloured edges
    mark the plan at every node and the equilibrium path is the unbroken thick line from the
    root) and the payoffs at its leaves; returns what was added."""
    players = games.validate_tree(tree)
    pos = _layout(tree)
    edges, nodes = _walk(tree)
    added = []
    for node, history, label, child in edges:
        (x0, y0), (x1, y1) = pos[history], pos[history + (label,)]
        is_decision = isinstance(node, games.Decision)
        color = _player_color(node.player) if is_decision else actor_color("other")
        planned = solution is not None and (not is_decision or solution.plan.get(history) == label)
        on_path = solution is not None and history + (label,) in solution.reached
        added += ax.plot([x0, x1], [y0, y1], color=color if planned else OKABE_ITO["grey"],
                         lw=4 if on_path else (2 if planned else 1),
                         ls="-" if planned else "--", zorder=1)
    for node, history in nodes:
        if isinstance(node, games.Terminal):
            x0, y0 = pos[history]
            text = "\n".join(f"{_SHORT_PLAYER.get(p, p[:8])} {node.payoffs[p]:+.3g}"
                             for p in players)
            added.append(ax.text(x0, y0 - 0.12, text, ha="center", va="top", fontsize=8,
                                 zorder=3.5))
    return added


def fig_game_tree(tree, solution: games.Solution | None = None, title: str = ""):
    """Draw a game tree; with a ``solution``, thick coloured edges mark the plan at every
    node and the equilibrium path is the unbroken thick line from the root."""
    fig = game_tree_base(tree, solution is not None, title)
    draw_tree_solution(fig.axes[0], tree, solution)
    return fig


def describe_path(path: tuple) -> str:
    """A game path in words, e.g. 'cross → protest → escalate'."""
    return " → ".join(step.replace("_", " ") for step in path)


def plan_table(tree, plan) -> Markdown:
    """A plan (a move at every decision node) as a Markdown table: after which moves, who
    decides, and what the plan has them do.

    Parameters
    ----------
    tree : Decision
        The game (e.g. :func:`games.red_line_game`).
    plan : dict
        History (tuple of moves from the start) to the move chosen there, one entry per
        decision node, e.g. ``games.THREAT_PLAN``.

    Returns
    -------
    Markdown
        One row per decision node: the moves before it, who moves, the move.

    Raises
    ------
    TypeError
        If ``plan`` is not a dict.
    ValueError
        If ``plan`` misses a decision node, names a node the game does not have, or chooses a
        move that is not on offer there.
    """
    nodes = games._check_plan(tree, plan)
    rows = [[describe_path(history) if history else "(the start)", nodes[history].player,
             plan[history].replace("_", " ")]
            for history in sorted(nodes, key=len)]
    return markdown_table(["after", "who decides", "the plan's move"], rows)


def reputation_base(n_crises: int, n_runs: int, title: str = ""):
    """The two axes of :func:`fig_reputation` for ``n_crises`` crises and ``n_runs`` runs:
    labels, limits and title; :func:`draw_reputation` adds the beliefs and the bars."""
    fig, (ax, ax2) = new_figure(7.5, 5.2, nrows=2, sharex=True,
                                gridspec_kw={"height_ratios": [2, 1]})
    ax.set_ylim(0, 1)
    ax.set_ylabel("belief: US is resolute\n(probability)")
    ax.set_title(title or f"Reputation over repeated crises ({n_runs} runs)")
    ax2.set_ylim(0, 1)
    ax2.set_ylabel("share of runs")
    ax2.set_xlabel("crisis number")
    # the crises' range, as the beliefs (0..n) and bars (1..n, 0.8 wide) would autoscale it
    ax.set_xlim(*_reputation_xlim(n_crises))
    return fig


def _reputation_xlim(n_crises: int) -> tuple[float, float]:
    low, high = -0.0, n_crises + 0.4
    margin = 0.05 * (high - low)
    return low - margin, high + margin


def draw_reputation(fig, run: games.ReputationRun) -> list:
    """Beliefs (mean and 10-90 % band) and crossing shares of ``run`` on a
    :func:`reputation_base` figure of the same size; returns what was added."""
    ax, ax2 = fig.axes
    t = np.arange(run.belief_russia.shape[1])
    lo, hi = np.percentile(run.belief_russia, [10, 90], axis=0)
    added = [ax.fill_between(t, lo, hi, color=actor_color("russia"), alpha=0.2, lw=0)]
    added += ax.plot(t, run.belief_russia.mean(axis=0), color=actor_color("russia"), lw=2.5,
                     label="Russia (mean, 10-90 % band)")
    for k, prior in enumerate(run.audience_priors):
        added += ax.plot(t, run.belief_audience[:, :, k].mean(axis=0), color=actor_color("other"),
                         ls=["--", ":", "-."][k % 3], lw=1.8, label=f"other state, prior {prior:.2f}")
    added.append(ax.legend(fontsize=8, loc="best"))
    added.append(ax2.bar(t[1:], run.crossed.mean(axis=0), color=actor_color("russia"), alpha=0.6,
                         label="crossed"))
    added.append(ax2.bar(t[1:], run.answered.mean(axis=0), color=actor_color("us_nato"),
                         alpha=0.8, label="crossed and answered"))
    added.append(ax2.legend(fontsize=8, loc="upper left"))
    return added


def fig_reputation(run: games.ReputationRun, title: str = ""):
    """Beliefs that the US is resolute over repeated crises (mean and 10-90 % band) and the
    share of runs in which Russia crosses in each crisis."""
    fig = reputation_base(run.belief_russia.shape[1] - 1, run.crossed.shape[0], title)
    draw_reputation(fig, run)
    return fig


def fig_chicken(win: float = 1.0, lose: float = 1.0, crash_max: float = 50.0):
    """Chance of a collision in chicken's mixed equilibrium against the cost of a crash."""
    crash = np.linspace(lose + 0.5, crash_max, 200)
    fig, ax = new_figure(6.5, 3.6)
    ax.plot(crash, games.chicken_crash_probability(win, lose, crash),
            color=OKABE_ITO["vermillion"], lw=2)
    ax.set_xlabel("cost of a collision to each side (utils)")
    ax.set_ylabel("P(collision)\n(probability, log scale)")
    ax.set_yscale("log")
    ax.set_title(f"Chicken: gain from standing firm {win:g}, loss from swerving {lose:g}")
    return fig
