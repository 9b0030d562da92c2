"""The ``deterrence-lab`` command: open the course, rebuild exercises, build the site and
the seminar kit."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import __version__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="deterrence-lab",
        description="A JupyterLab course on the use of a 'small' nuclear weapon in Ukraine "
                    "and the West's answer. Without a command, opens the course.")
    parser.add_argument("--version", action="version", version=f"deterrence-lab {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    opener = commands.add_parser(
        "open", help="open the course in JupyterLab at chapter 00 (the default)",
        description="Open the course in JupyterLab (127.0.0.1, token authentication). The "
                    "notebooks are first copied into DIR (from a source checkout: its git-ignored "
                    "deterrence-lab-course/ folder); existing files are never overwritten, and "
                    "when the course has changed the new versions are put beside yours.")
    opener.add_argument("directory", nargs="?", type=Path, metavar="DIR",
                        help="where to keep your copy (default: ./deterrence-lab-course, or "
                             "deterrence-lab-course/ inside a source checkout)")
    opener.add_argument("--port", type=int, help="port for JupyterLab (default: first free from 8888)")
    opener.add_argument("--no-browser", action="store_true", help="do not open a web browser")
    builder = commands.add_parser(
        "build-exercises", help="regenerate exercises/ from solutions/",
        description="Write exercises/ from solutions/ by replacing solution regions with stubs.")
    builder.add_argument("--check", action="store_true",
                         help="change nothing; exit 1 and name the files that are out of date")
    site = commands.add_parser(
        "build-site", help="run every chapter and write a static HTML site",
        description="Execute every course notebook (in a temporary folder) and write a static, "
                    "offline-readable site: index, chapters with figures, bibliography, "
                    "glossary and instructor guide.")
    site.add_argument("directory", nargs="?", type=Path, default=Path("_site"), metavar="DIR",
                      help="where to write the site (default: ./_site)")
    kit = commands.add_parser(
        "build-kit", help="write the printable crisis-seminar kit (HTML, and PDF with Chromium)",
        description="Write the crisis seminar's printable kit: team briefs and role cards, "
                    "inject cards, forms, the map, the white-cell guide and run sheets, d100 "
                    "tables for a paper game, and the debrief worksheet. HTML with print "
                    "stylesheets for A4 and US Letter; PDFs too where Chromium is installed.")
    kit.add_argument("directory", nargs="?", type=Path, default=Path("seminar-kit"),
                     metavar="DIR", help="where to write the kit (default: ./seminar-kit)")
    kit.add_argument("--no-pdf", action="store_true", help="write HTML only, no PDF")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:  # Ctrl+C before JupyterLab started (e.g. while copying)
        print("Stopped.", file=sys.stderr)
        return 130


def _run(args) -> int:
    if args.command in (None, "open"):
        from .launcher import open_course

        return open_course(getattr(args, "directory", None), port=getattr(args, "port", None),
                           open_browser=not getattr(args, "no_browser", False))
    if args.command == "build-exercises":
        return _build_exercises(args.check)
    if args.command == "build-site":
        return _build_site(args.directory)
    if args.command == "build-kit":
        return _build_kit(args.directory, pdf=not args.no_pdf)
    raise AssertionError(args.command)  # argparse rejects unknown commands before this


def _build_exercises(check: bool) -> int:
    from .exercisegen import build_exercises
    from .launcher import source_checkout

    root = source_checkout()
    if root is None:
        print("build-exercises works in a source checkout (it needs solutions/).", file=sys.stderr)
        return 2
    changed = build_exercises(root / "solutions", root / "exercises", check=check)
    if check:
        for path in changed:
            print(f"out of date: {path.relative_to(root)}")
        if changed:
            print("Run `deterrence-lab build-exercises` to regenerate them.")
        return 1 if changed else 0
    for path in changed:
        print(f"wrote {path.relative_to(root)}")
    print(f"exercises/ is up to date ({len(changed)} file(s) changed).")
    return 0


def _build_site(directory: Path) -> int:
    from .launcher import packaged_course, source_checkout
    from .site import SiteError, build_site, chapter_notebooks

    root = source_checkout() or packaged_course()
    if not root.is_dir():
        print("build-site needs the course notebooks: run it in a source checkout (with "
              "course/00_the_argument.ipynb) or from an installed package.", file=sys.stderr)
        return 2
    course = root / "course"
    try:
        if not chapter_notebooks(course):
            print(f"build-site: no chapter notebooks in {course}; the site will have no "
                  f"chapter pages yet.", file=sys.stderr)
        pages = build_site(course, directory,
                           progress=lambda message: print(message, file=sys.stderr), kit=True)
    except SiteError as error:
        print(f"build-site: {error}", file=sys.stderr)
        return 1
    print(f"wrote {len(pages)} pages to {directory}; open {directory / 'index.html'}")
    return 0


def _build_kit(directory: Path, *, pdf: bool) -> int:
    from .kit import build_kit, find_chromium

    try:
        result = build_kit(directory, pdf=pdf,
                           progress=lambda message: print(message, file=sys.stderr))
    except OSError as error:
        print(f"build-kit: cannot write {directory}: {error}", file=sys.stderr)
        return 1
    print(f"wrote {len(result['pages'])} pages ({result['briefs']} team briefs, "
          f"{result['injects']} inject cards) to {directory}; open {directory / 'index.html'}")
    if result["pdfs"]:
        print("PDF: " + ", ".join(str(p) for p in result["pdfs"]))
    elif pdf:
        reason = ("Chromium was not found" if find_chromium() is None
                  else "Chromium could not print")
        print(f"no PDF: {reason}; print kit.html from a browser instead.", file=sys.stderr)
    return 0
