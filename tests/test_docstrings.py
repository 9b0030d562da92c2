"""Every public function and class of the documented models carries a numpydoc docstring.

The check reads each module's source with ``ast`` (nothing is executed) and asks of every public
function, method and class:

- a one-line summary ending in a full stop, then a blank line;
- ``Parameters`` naming every argument of the signature, in order, each as ``name : type``;
- ``Returns`` when the function returns a value;
- ``Raises`` listing every error the function's validation can raise. Which errors those are
  is worked out from the code: the ``raise`` statements in the function, in the module's helpers
  it calls, and in the checks of ``deterrence_lab._validate`` (read from that module too), so a
  new check in the code without a new line in the docstring fails here;
- ``Notes`` or ``References``; for a function it names a key of the bibliography, a teaching
  assumption, or a standard formula, or says it has no numbers of its own, so the reader knows
  where the numbers come from (a record class may say instead which function fills it).

The docstrings checked are those a reader sees (``help``): shared pieces written once in a
module's ``_DOC`` and named as ``%(name)s`` are filled in first (:mod:`deterrence_lab._docstring`).

Only the modules listed in ``DOCUMENTED`` are checked; the others are being rewritten and get
their docstrings when that work lands.
"""
from __future__ import annotations

import ast
import builtins
import importlib
import inspect
import re
from pathlib import Path

import pytest

from deterrence_lab.content import sources

DOCUMENTED = ("effects", "escalation", "response", "games", "robustness", "seminar",
              "law", "command")
# Being rewritten on other lines of work; each moves to DOCUMENTED once its docstrings are
# written against the landed code.
NOT_YET_DOCUMENTED = ()

# Errors the code analysis finds on a path the function never takes, with the reason.
NEVER_RAISED = {
    "deterrence_lab.models.response.get_score": {
        "TypeError": "it builds the score table without overrides, so the check of their type "
                     "cannot fail"},
    "deterrence_lab.models.seminar.from_dict": {
        "TypeError": "every error of the replay is re-raised as a ValueError; the final "
                     "to_dict receives the replayed game, always a GameState"},
}

SECTION_UNDERLINE = re.compile(r"^-{3,}$")
KEY_TOKEN = re.compile(r"\b([a-z][a-z_]*\d{4}[a-z]?)\b")
SOURCE_WORDS = ("teaching assumption", "standard", "no numbers of its own")


# --------------------------------------------------------------------------- docstring parsing
def sections(doc: str) -> dict[str, list[str]]:
    """Section title -> its lines (dedented docstring); the text before the first title is
    stored under ``""``."""
    lines = inspect.cleandoc(doc).splitlines()
    found: dict[str, list[str]] = {"": []}
    current = ""
    i = 0
    while i < len(lines):
        if (i + 1 < len(lines) and lines[i].strip() and SECTION_UNDERLINE.match(lines[i + 1])
                and len(lines[i + 1]) == len(lines[i].strip())):
            current = lines[i].strip()
            found[current] = []
            i += 2
            continue
        found[current].append(lines[i])
        i += 1
    return found


def entries(section_lines: list[str]) -> list[str]:
    """The unindented entry lines of a Parameters/Returns/Raises section."""
    return [line for line in section_lines if line.strip() and not line.startswith(" ")]


def documented_names(section_lines: list[str]) -> list[str]:
    """Parameter names in order; ``a, b : float`` documents both ``a`` and ``b``."""
    names = []
    for line in entries(section_lines):
        head = line.split(" : ")[0] if " : " in line else line
        names += [name.strip().lstrip("*") for name in head.split(",")]
    return names


# --------------------------------------------------------------------------- code analysis
def _own_nodes(func: ast.AST, nested: bool = False):
    """Nodes of ``func``'s body; with ``nested``, also those of the helper functions defined
    inside it (they run on its behalf), never those of nested classes."""
    stop = (ast.ClassDef,) if nested else (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                                           ast.Lambda)
    stack = list(ast.iter_child_nodes(func))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, stop):
            stack.extend(ast.iter_child_nodes(node))


CATCH_ALL = "*"


def _caught(handler: ast.ExceptHandler) -> set[str]:
    """Exception names an ``except`` clause catches (``*`` for a bare or broad one)."""
    kinds = handler.type
    if kinds is None:
        return {CATCH_ALL}
    names = {n.id for n in (kinds.elts if isinstance(kinds, ast.Tuple) else [kinds])
             if isinstance(n, ast.Name)}
    return {CATCH_ALL} if names & {"Exception", "BaseException"} else names


def _effects(func: ast.AST) -> tuple[set[str], list[tuple[str, frozenset]]]:
    """What ``func`` raises itself, and the names it calls, each with the exceptions caught
    around the call. Calls are ``f(...)`` or methods of ``self``/``cls``; a ``raise`` or call
    inside ``try`` counts only for the errors its ``except`` clauses let through. Helpers
    nested inside ``func`` count as its own code (they run on its behalf)."""
    raised: set[str] = set()
    calls: list[tuple[str, frozenset]] = []

    def visit(node, caught: frozenset):
        if isinstance(node, ast.ClassDef):
            return
        if isinstance(node, ast.Try):
            inner = caught | frozenset().union(*(_caught(h) for h in node.handlers))
            for child in node.body:
                visit(child, inner)
            for child in (*node.handlers, *node.orelse, *node.finalbody):
                visit(child, caught)
            return
        if isinstance(node, ast.Raise) and node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(exc, ast.Name) and exc.id not in caught and CATCH_ALL not in caught:
                raised.add(exc.id)
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name):
                calls.append((node.func.id, caught))
            elif (isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
                  and node.func.value.id in ("self", "cls")):
                calls.append((node.func.attr, caught))
        for child in ast.iter_child_nodes(node):
            visit(child, caught)

    for child in ast.iter_child_nodes(func):
        visit(child, frozenset())
    return raised, calls


def _returns_value(func: ast.AST) -> bool:
    return any(isinstance(node, ast.Return) and node.value is not None
               and not (isinstance(node.value, ast.Constant) and node.value.value is None)
               for node in _own_nodes(func))


def _functions(tree: ast.Module) -> dict[str, ast.AST]:
    """Every function and method by its name (methods also as ``Class.name``)."""
    found = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found[node.name] = node
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    found.setdefault(item.name, item)
                    found[f"{node.name}.{item.name}"] = item
    return found


def error_map(tree: ast.Module, known: dict[str, set[str]] | None = None) -> dict[str, set[str]]:
    """Function name -> the exception names it can raise through its own ``raise`` statements
    and the functions (of this module, or in ``known``) that it calls, less those it catches,
    to a fixed point."""
    funcs = _functions(tree)
    errors = dict(known or {})
    calls = {}
    for name, node in funcs.items():
        errors[name], calls[name] = _effects(node)
    changed = True
    while changed:
        changed = False
        for name in funcs:
            merged = set(errors[name])
            for callee, caught in calls[name]:
                if CATCH_ALL not in caught:
                    merged |= errors.get(callee, set()) - caught
            if merged != errors[name]:
                errors[name] = merged
                changed = True
    return errors


def _source_tree(module_name: str) -> ast.Module:
    module = importlib.import_module(module_name)
    return ast.parse(Path(module.__file__).read_text(encoding="utf-8"))


VALIDATE_ERRORS = error_map(_source_tree("deterrence_lab._validate"))


# --------------------------------------------------------------------------- what to check
def _signature_params(func: ast.AST, is_method: bool) -> list[str]:
    args = func.args
    names = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
    if args.vararg:
        names.insert(len(args.posonlyargs) + len(args.args), args.vararg.arg)
    if args.kwarg:
        names.append(args.kwarg.arg)
    if is_method and names and names[0] in ("self", "cls"):
        names = names[1:]
    return names


def _is_dataclass(cls: ast.ClassDef) -> bool:
    for deco in cls.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        if (isinstance(target, ast.Name) and target.id == "dataclass") or \
                (isinstance(target, ast.Attribute) and target.attr == "dataclass"):
            return True
    return False


def _dataclass_fields(cls: ast.ClassDef) -> list[str]:
    return [node.target.id for node in cls.body
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
            and "ClassVar" not in ast.unparse(node.annotation)]


def public_objects(tree: ast.Module):
    """(qualified name, node, parameter names, is_class) for each public function, class and
    public method (properties included)."""
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("_"):
            yield node.name, node, _signature_params(node, False), False
        elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            methods = {item.name: item for item in node.body
                       if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))}
            if "__init__" in methods:
                params = _signature_params(methods["__init__"], True)
            elif _is_dataclass(node):
                params = _dataclass_fields(node)
            else:
                params = []
            yield node.name, node, params, True
            for name, item in methods.items():
                if not name.startswith("_"):
                    yield f"{node.name}.{name}", item, _signature_params(item, True), False


def rendered(module, qualname: str, node: ast.AST) -> str | None:
    """The docstring a reader sees (``help``): the live object's, once the module's shared
    pieces (``%(name)s``, :mod:`deterrence_lab._docstring`) are filled in; the source text
    when there is no live module (a fixture) or no docstring in the source."""
    doc = ast.get_docstring(node, clean=False)
    if not doc or module is None:
        return doc
    obj = module
    for part in qualname.split("."):
        obj = inspect.getattr_static(obj, part)
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    if isinstance(obj, property):
        obj = obj.fget
    return obj.__doc__


def problems(module_name: str, tree: ast.Module, module=None) -> list[str]:
    """Every way in which the module's public docstrings fall short (empty when all is well).

    The code is read from ``tree``; the docstrings are those of ``module``'s live objects when
    it is given (so shared pieces are checked as filled in), else those of the source."""
    errors = error_map(tree, VALIDATE_ERRORS)
    found = []
    module_doc = ast.get_docstring(tree)
    if not module_doc or not any(k in sources.SOURCES for k in KEY_TOKEN.findall(module_doc)):
        found.append(f"{module_name}: the module docstring must name its main reference")
    for qualname, node, params, is_class in public_objects(tree):
        where = f"{module_name}.{qualname}"
        doc = rendered(module, qualname, node)
        if not doc:
            found.append(f"{where}: no docstring")
            continue
        if "%(" in doc:
            found.append(f"{where}: a shared docstring piece was not filled in")
        lines = inspect.cleandoc(doc).splitlines()
        if not lines[0].strip().endswith(".") or (len(lines) > 1 and lines[1].strip()):
            found.append(f"{where}: the summary must be one line ending in '.', then a blank line")
        parts = sections(doc)
        if params:
            if "Parameters" not in parts:
                found.append(f"{where}: no Parameters section")
            else:
                names = documented_names(parts["Parameters"])
                if names != params:
                    found.append(f"{where}: Parameters document {names}, the signature has {params}")
                untyped = [e for e in entries(parts["Parameters"])
                           if " : " not in e and not e.startswith("*")]   # **kwargs: no type
                if untyped:
                    found.append(f"{where}: Parameters without ' : type': {untyped}")
        elif "Parameters" in parts and not is_class:
            found.append(f"{where}: Parameters section but no parameters")
        if not is_class and _returns_value(node) and "Returns" not in parts \
                and "Yields" not in parts:
            found.append(f"{where}: returns a value but has no Returns section")
        if is_class:   # a class raises what its constructor raises
            raised = set().union(*(errors.get(f"{qualname}.{init}", set())
                                   for init in ("__init__", "__post_init__")))
        else:
            raised = errors.get(qualname, set())
        raised = {name for name in raised if isinstance(getattr(builtins, name, None), type)}
        raised -= set(NEVER_RAISED.get(where, {}))
        if raised:
            listed = {e.strip() for e in entries(parts.get("Raises", []))}
            missing = sorted(raised - listed)
            if "Raises" not in parts:
                found.append(f"{where}: validates its arguments ({sorted(raised)}) but has no "
                             "Raises section")
            elif missing:
                found.append(f"{where}: Raises does not list {missing}")
        notes = " ".join(" ".join(parts.get("Notes", []) + parts.get("References", [])).split())
        keys = [k for k in KEY_TOKEN.findall(notes) if k in sources.SOURCES]
        if not notes:
            found.append(f"{where}: no Notes or References saying where its numbers come from")
        elif not is_class and not keys and not any(word in notes.lower() for word in SOURCE_WORDS):
            # a record class may simply say what returns it; a function names its source
            found.append(f"{where}: Notes/References name no source key, teaching assumption "
                         "or standard formula")
        unknown = sorted({k for k in re.findall(r"\[([a-z][a-z_]*\d{4}[a-z]?)\b", doc)}
                         - set(sources.SOURCES))
        if unknown:
            found.append(f"{where}: cites unknown source keys {unknown}")
    return found


# --------------------------------------------------------------------------- the tests
@pytest.mark.parametrize("name", DOCUMENTED)
def test_public_docstrings_are_numpydoc(name):
    module_name = f"deterrence_lab.models.{name}"
    found = problems(module_name, _source_tree(module_name), importlib.import_module(module_name))
    assert not found, "\n".join(found)


@pytest.mark.parametrize("name", DOCUMENTED)
def test_every_public_object_was_checked(name):
    """The checker sees every public function and class the module exports."""
    module_name = f"deterrence_lab.models.{name}"
    module = importlib.import_module(module_name)
    seen = {qualname for qualname, *_ in public_objects(_source_tree(module_name))}
    exported = {n for n in getattr(module, "__all__", dir(module)) if not n.startswith("_")
                and (inspect.isfunction(getattr(module, n)) or inspect.isclass(getattr(module, n)))
                and getattr(getattr(module, n), "__module__", "") == module_name}
    assert exported <= seen, sorted(exported - seen)


def test_module_lists_cover_the_models_package():
    """Every model module is either documented or listed as waiting, so none is forgotten."""
    package = Path(importlib.import_module("deterrence_lab.models").__file__).parent
    modules = {p.stem for p in package.glob("*.py") if not p.stem.startswith("_")}
    assert set(DOCUMENTED) <= modules
    forgotten = sorted(modules - set(DOCUMENTED) - set(NOT_YET_DOCUMENTED))
    assert not forgotten, f"new model modules need docstrings and a place in DOCUMENTED: {forgotten}"
    assert not set(DOCUMENTED) & set(NOT_YET_DOCUMENTED)


def test_validate_errors_are_read_from_the_checks():
    assert VALIDATE_ERRORS["check_range"] == {"TypeError", "ValueError"}
    assert VALIDATE_ERRORS["check_bool"] == {"TypeError"}
    assert VALIDATE_ERRORS["check_choice"] == {"ValueError"}


BAD_MODULE = '''
"""A model with no reference."""
from deterrence_lab._validate import check_range, check_bool


def scaled(x_km, flag=False):
    """Scale a distance

    Parameters
    ----------
    x_km : float
    extra : int

    Raises
    ------
    ValueError
        If x_km is negative.
    """
    check_bool("flag", flag)
    return 2 * check_range("x_km", x_km, 0.0)


def walk(tree):
    """Walk a tree (glasstone1977).

    Parameters
    ----------
    tree : dict
        The tree.

    Notes
    -----
    Standard.
    """
    def visit(node):
        if not node:
            raise KeyError("empty node")
    visit(tree)


def guarded(x):
    """Parse a number.

    Parameters
    ----------
    x : str
        The text.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``x`` is not a number.

    Notes
    -----
    No numbers of its own.
    """
    try:
        return float(check_range("x", x, 0.0))
    except TypeError:
        raise ValueError("x must be a number") from None


class Thing:
    def __init__(self, n):
        if n < 0:
            raise ValueError("n")
'''


def test_checker_finds_each_kind_of_fault():
    found = "\n".join(problems("bad", ast.parse(BAD_MODULE)))
    assert "module docstring must name its main reference" in found
    assert "bad.scaled: the summary must be one line ending in '.'" in found
    assert "Parameters document ['x_km', 'extra'], the signature has ['x_km', 'flag']" in found
    assert "bad.scaled: returns a value but has no Returns section" in found
    assert "bad.scaled: Raises does not list ['TypeError']" in found
    assert "bad.scaled: no Notes or References" in found
    assert "bad.Thing: no docstring" in found
    assert "bad.walk: validates its arguments (['KeyError']) but has no Raises section" in found
    assert "bad.walk: returns" not in found
    assert "bad.guarded" not in found    # the TypeError it catches need not be listed


def test_shared_pieces_are_filled_in_with_their_indentation():
    from deterrence_lab._docstring import fill, pieces, section

    shared = pieces(x="""
        x : float, km
            A distance, in [0, 10] km.
        """, errors=section("Raises", "ValueError", "    If ``x`` is outside [0, 10]."))

    @fill(shared)
    def f(x):
        """Twice ``x``.

        Parameters
        ----------
        %(x)s

        %(errors)s Always.
        """

    assert f.__doc__.splitlines()[4:6] == ["x : float, km", "    A distance, in [0, 10] km."]
    assert f.__doc__.endswith("Raises\n------\nValueError\n    If ``x`` is outside [0, 10]. Always.")
    assert "Parameters" in sections(f.__doc__) and documented_names(sections(f.__doc__)["Parameters"]) == ["x"]
    with pytest.raises(KeyError, match="names no shared piece"):
        @fill(shared)
        def g():
            """A typo in a placeholder: %(y)s."""
