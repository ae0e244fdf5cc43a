"""`vnplan gold init | export | import`: argument handling and messages only."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_USAGE, EXIT_SOME_FAILED = 0, 2, 3


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def run_init(args: argparse.Namespace, inputs: list[str]) -> int:
    """Draft gold files for every input; 3 when a document failed or a draft was refused."""
    from pipeline.goldflow.init import draft_from_document, write_draft
    from pipeline.process import process_path

    if args.doc_id and len(inputs) != 1:
        _say("vnplan gold init: --doc-id names one document; give one FILE")
        return EXIT_USAGE
    failed = 0
    for source in inputs:
        outcome = process_path(source)
        if outcome.failure:
            f = outcome.failure
            _say(f"vnplan gold init: {source}: [{f.stage}] {f.error_type}: {f.message}")
            failed += 1
            continue
        draft = draft_from_document(outcome.document, args.doc_id)
        try:
            path, clean = write_draft(draft, Path(args.gold), force=args.force)
        except FileExistsError as exc:
            _say(f"vnplan gold init: {source}: {exc}")
            failed += 1
            continue
        counts = ", ".join(f"{len(draft.gold[k])} {k}" for k in ("sections", "targets",
                                                                 "assignments"))
        print(f"{source}: draft {path} ({counts}), reference text {clean}")
        for note in draft.left_out:
            print(f"  left out, fails the contract: {note}")
    if failed:
        _say(f"vnplan gold init: {failed} of {len(inputs)} document(s) not drafted")
    return EXIT_SOME_FAILED if failed else EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """Write TASKS.json and its labeling config; 2 when there is nothing to export."""
    from pipeline.goldflow.lsconfig import labeling_config
    from pipeline.goldflow.lsexport import export_tasks, write_tasks
    from pipeline.score.data import ScoreInputError

    if not args.pred and not args.gold:
        _say("vnplan gold export: give --pred OUT (a `vnplan run` folder), --gold GOLD, or both")
        return EXIT_USAGE
    args.corpus = args.corpus or ["corpora/raw"]
    corpus_dirs = [Path(c) for c in args.corpus]
    try:
        tasks, notes = export_tasks(Path(args.pred) if args.pred else None,
                                    Path(args.gold) if args.gold else None, corpus_dirs)
    except ScoreInputError as exc:
        _say(f"vnplan gold export: {exc}")
        return EXIT_USAGE
    if not tasks:
        _say("vnplan gold export: no documents to export (no cleaned/*.txt in the prediction "
             "folder and no gold file with a reference text)")
        return EXIT_USAGE
    config = write_tasks(tasks, Path(args.out), labeling_config())
    with_gold = sum(1 for t in tasks if "annotations" in t)
    print(f"vnplan gold export: {len(tasks)} tasks ({with_gold} with gold as annotations, "
          f"{len(tasks) - with_gold} with extractions as predictions) in {args.out}; "
          f"labeling config {config}")
    for doc_id in notes.no_text:
        _say(f"  {doc_id}: gold without a reference text (looked in {args.gold}/clean and "
             f"{', '.join(args.corpus)}): not exported")
    for doc_id, misses in notes.unplaced.items():
        _say(f"  {doc_id}: {len(misses)} record(s) could not be placed in the text and are "
             f"not in the task: " + "; ".join(misses[:5]) + (" …" if len(misses) > 5 else ""))
    return EXIT_SOME_FAILED if notes.unplaced or notes.no_text else EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    """Write GOLD2/<doc_id>.json for every annotated task; 3 when one breaks the contract."""
    from pipeline.goldflow.lsimport import ImportInputError, import_tasks, read_export, write_gold

    try:
        imported, skipped = import_tasks(read_export(Path(args.tasks)), args.per_annotator)
    except ImportInputError as exc:
        _say(f"vnplan gold import: {exc}")
        return EXIT_USAGE
    bad = 0
    for one in imported:
        path = write_gold(one, Path(args.out))
        counts = ", ".join(f"{len(one.gold.get(k) or [])} {k}" for k in ("sections", "targets",
                                                                          "assignments"))
        print(f"{path}: {counts}" + (f" ({len(one.problems)} contract problems)"
                                      if one.problems else ""))
        for problem in one.problems:
            print(f"  {problem}")
        bad += bool(one.problems)
    if skipped:
        _say(f"vnplan gold import: not annotated yet, skipped: {', '.join(skipped)}")
    if not imported:
        _say(f"vnplan gold import: no annotated task in {args.tasks}")
        return EXIT_SOME_FAILED
    return EXIT_SOME_FAILED if bad else EXIT_OK


def add_gold_commands(gold_sub: argparse._SubParsersAction, handlers: dict) -> None:
    """The init, export and import subcommands of `vnplan gold`."""
    init = gold_sub.add_parser("init", help="draft gold files from extraction, with their "
                               "reference text (any input form)")
    init.add_argument("files", nargs="+", metavar="FILE", help="documents or folders")
    init.add_argument("--gold", default="gold", help="gold folder to write (default gold/)")
    init.add_argument("--doc-id", help="the document id to use (one FILE only)")
    init.add_argument("--force", action="store_true",
                      help="replace an existing gold file and reference text")
    init.set_defaults(func=handlers["init"])
    export = gold_sub.add_parser("export", help="write Label Studio tasks and labeling config")
    export.add_argument("--format", choices=["label-studio"], default="label-studio")
    export.add_argument("--pred", help="a `vnplan run` output folder (cleaned texts, tables)")
    export.add_argument("--gold", help="gold folder: its files become annotations")
    export.add_argument("--corpus", action="append", default=None,
                        help="folder of reference texts (repeatable; default corpora/raw)")
    export.add_argument("--out", required=True, help="TASKS.json to write")
    export.set_defaults(func=handlers["export"])
    imp = gold_sub.add_parser("import", help="gold files from a Label Studio JSON export")
    imp.add_argument("tasks", metavar="TASKS.json", help="the project's JSON export")
    imp.add_argument("--format", choices=["label-studio"], default="label-studio")
    imp.add_argument("--out", required=True, help="gold folder to write")
    imp.add_argument("--per-annotator", action="store_true",
                     help="one subfolder per annotator (to compare them with vnplan score)")
    imp.set_defaults(func=handlers["import"])
