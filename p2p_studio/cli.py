"""``p2p-studio``: the headless command line (the same engine the desktop app uses)."""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from p2p_studio import __version__
from p2p_studio.core.errors import Cancelled, InputError, P2PError
from p2p_studio.core.eta import EtaTracker, clock
from p2p_studio.core.recipe import Recipe
from p2p_studio.core.settings import (
    DEVICES,
    PRECISIONS,
    EditSettings,
    MaskKind,
    Method,
    ModelChoice,
    Spec,
    spec_of,
)

if TYPE_CHECKING:
    from p2p_studio.engine import EditRun


class ProgressBar:
    """A one-line progress bar with ETA on stderr (plain lines when not a terminal)."""

    def __init__(self, stream: TextIO | None = None, width: int = 28) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.tty = self.stream.isatty()
        self.eta = EtaTracker()
        self.last_line = -1

    def __call__(self, progress: Any) -> None:
        if progress.phase != self.eta.phase:
            self.finish()
        est = self.eta.update(progress)
        if est.new_phase:
            self.last_line = -1
        filled = int(est.fraction * self.width)
        bar = "#" * filled + "." * (self.width - filled)
        line = f"{est.text:<34} [{bar}] {est.fraction:4.0%} ETA {clock(est.eta_seconds)}"
        if self.tty:
            self.stream.write("\r" + line)
            self.stream.flush()
        elif int(est.fraction * 10) != self.last_line:
            self.last_line = int(est.fraction * 10)
            self.stream.write(line + "\n")

    def finish(self) -> None:
        if self.tty and self.eta.phase:
            self.stream.write("\n")
        self.eta.reset()


def _bounded(name: str, spec: Spec, integer: bool) -> Callable[[str], int | float]:
    """An argparse type: a number within the schema's bounds for setting *name*."""

    def parse(text: str) -> int | float:
        try:
            value: int | float = int(text) if integer else float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a{' whole' if integer else ''} number") from None
        try:
            spec.check(spec.display(name), value)
        except InputError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
        return value

    return parse


def _word_fraction(text: str) -> tuple[str, float]:
    word, sep, value = text.rpartition("=")
    if not sep or not word:
        raise argparse.ArgumentTypeError(f"expected WORD=FRACTION, got {text!r}")
    return word, float(_bounded("cross", spec_of(EditSettings, "cross"), False)(value))


def add_settings_options(p: argparse.ArgumentParser, photo: bool) -> None:
    """The edit settings as options, built from the schema (:mod:`p2p_studio.core.settings`)."""
    defaults = EditSettings()
    if photo:
        p.add_argument("--inversion", choices=[m.value for m in Method], default=defaults.method.value,
                       help="; ".join(f"{m.value}: {m.hint}" for m in Method) + " (default: %(default)s)")
    for f in dataclasses.fields(EditSettings):
        spec = f.metadata.get("spec")
        if spec is None or spec.flag is None:
            continue
        p.add_argument(spec.flag, dest=f.name, type=_bounded(f.name, spec, f.type == "int"),
                       default=getattr(defaults, f.name), metavar="N",
                       help=f"{spec.help}; {spec.range_text()} (default: %(default)s)")
    p.add_argument("--cross-word", type=_word_fraction, action="append", default=[], metavar="WORD=F",
                   help="cross-attention fraction for one word of the edited caption (repeatable)")
    p.add_argument("--blend", nargs="+", default=None, metavar="WORD",
                   help="local-blend words (default: the words the edit changes)")
    p.add_argument("--no-blend", action="store_true", help="no local blend (the whole image may change)")
    p.add_argument("--mask", choices=[m.value for m in MaskKind], default=defaults.mask.value,
                   help="; ".join(f"{m.value}: {m.hint}" for m in MaskKind) + " (default: %(default)s)")
    p.add_argument("--subtract", nargs="+", default=(), metavar="WORD", help="words whose region is kept unchanged")


def settings_from_args(args: argparse.Namespace) -> EditSettings:
    """The validated settings of a parsed command line."""
    values: dict[str, Any] = {
        f.name: getattr(args, f.name) for f in dataclasses.fields(EditSettings) if hasattr(args, f.name)
    }
    values.update(cross_words=dict(args.cross_word), blend=not args.no_blend,
                  blend_words=tuple(args.blend) if args.blend else None, subtract_words=tuple(args.subtract))
    if getattr(args, "inversion", None):
        values["method"] = Method(args.inversion)
    values["mask"] = MaskKind(args.mask)
    settings = EditSettings(**values)
    settings.validate()
    return settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="p2p-studio", description="Edit photos by editing their caption. "
                                     "Without arguments, p2p-studio opens the desktop app; "
                                     "'p2p-studio --self-test' checks an installation end to end.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    edit = sub.add_parser("edit", help="edit a real photo")
    edit.add_argument("photo", type=Path)
    gen = sub.add_parser("generate", help="text-to-image Prompt-to-Prompt from a seed")
    for p, photo in ((edit, True), (gen, False)):
        p.add_argument("--caption", required=True, help="caption of the photo (source)")
        p.add_argument("--edit", action="append", required=True, dest="edits",
                       help="edited caption; repeat for several; (word:1.5) re-weights a word")
        p.add_argument("--model", default=None,
                       help="hub id (e.g. stable-diffusion-v1-5/stable-diffusion-v1-5), diffusers folder, "
                       ".safetensors file, or 'demo' (the built-in model; default unless $P2P_STUDIO_MODEL is set)")
        p.add_argument("--model-config", default=None, help="configs for a single-file checkpoint")
        p.add_argument("--allow-pickle", action="store_true", help="allow legacy .ckpt checkpoints")
        add_settings_options(p, photo)
        p.add_argument("--device", choices=DEVICES, default="auto", help="(default: %(default)s)")
        p.add_argument("--precision", choices=PRECISIONS, default="auto", help="(default: %(default)s)")
        p.add_argument("--out", type=Path, default=Path("p2p-output"), help="output folder (default: %(default)s)")
        p.add_argument("--cache-dir", type=Path, default=None, help="inversion cache folder")
        p.add_argument("--no-cache", action="store_true", help="do not read or write the inversion cache")
        p.add_argument("--maps", action="store_true",
                       help="also write each word's attention heat map as a PNG (one per word and caption)")
        p.add_argument("--explain", action="store_true", help="print the edit plan and exit")
        p.add_argument("--json", action="store_true", help="print paths, plans and timings as JSON")
    return parser


def _model_choice(args: argparse.Namespace) -> ModelChoice:
    from p2p_studio.core.resources import default_model

    return ModelChoice(spec=args.model or default_model(), device=args.device, precision=args.precision,
                       cache_dir=str(args.cache_dir) if args.cache_dir else None, config=args.model_config,
                       allow_pickle=args.allow_pickle)


def run(args: argparse.Namespace, stderr: TextIO | None = None) -> dict[str, Any]:
    """Execute a parsed command; returns the JSON report."""
    from p2p_studio.core.files import check_writable_folder
    from p2p_studio.core.photos import load_photo
    from p2p_studio.engine import Editor, InversionCache, Reporter, load_choice

    settings = settings_from_args(args)
    photo_path: Path | None = getattr(args, "photo", None)
    original = load_photo(photo_path) if photo_path is not None else None
    if not args.explain:  # fail in a second, not after the edit has run
        check_writable_folder(args.out, "output folder")
        if args.cache_dir is not None and not args.no_cache:
            check_writable_folder(args.cache_dir, "inversion cache folder")
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    model = load_choice(_model_choice(args))
    timings["load"] = time.perf_counter() - t0
    cache = None if args.no_cache else InversionCache(args.cache_dir)
    editor = Editor(model, cache)
    plans = editor.plans(args.caption, args.edits, settings)
    report: dict[str, Any] = {"model": model.name, "device": str(model.device),
                              "plans": [p.explain() for p in plans]}
    if args.explain:
        return report
    bar = ProgressBar(stderr)
    reporter = Reporter(on_progress=bar)
    try:
        if original is not None:
            result = editor.edit(editor.prepare(original), args.caption, args.edits, settings, reporter)
        else:
            result = editor.generate(args.caption, args.edits, settings, reporter)
    finally:
        bar.finish()
    timings.update(result.timings)
    report["timings"] = {k: round(v, 3) for k, v in timings.items()}
    report["inversion_cached"] = result.inversion_cached
    if result.fidelity is not None:
        report["inversion"] = result.fidelity.to_dict()
    base = Recipe(caption=args.caption, edit=args.caption, settings=settings,
                  command="edit" if photo_path is not None else "generate", model=model.name,
                  model_hash=model.fingerprint, app_version=__version__,
                  photo_name=photo_path.name if photo_path is not None else "",
                  photo_sha256=hashlib.sha256(photo_path.read_bytes()).hexdigest() if photo_path is not None else "")
    report["outputs"] = _write_outputs(args, photo_path, result, base)
    return report


def _write_outputs(args: argparse.Namespace, photo_path: Path | None, run: EditRun, base: Recipe) -> dict[str, Any]:
    from p2p_studio.core.recipe import save_png

    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = photo_path.stem if photo_path is not None else f"seed{base.settings.seed}"
    avoid = (photo_path,) if photo_path is not None else ()

    def save(name: str, image: Any, recipe: Recipe | None = None) -> str:
        return str(save_png(out_dir, f"{stem}-{name}", image, recipe, avoid))

    outputs: dict[str, Any] = {"reconstruction": save("reconstruction", run.reconstruction_full, base), "edits": []}
    for i, (out, result) in enumerate(zip(run.edits, run.results(), strict=True), start=1):
        recipe = dataclasses.replace(base, edit=result.edit, plan=out.plan.explain())
        entry: dict[str, Any] = {"caption": result.edit, "image": save(f"edit{i}", result.image, recipe),
                                 "mask": save(f"edit{i}-mask", result.mask) if result.mask is not None else None}
        if args.maps:
            size = result.image.size
            entry["maps"] = [
                {"caption": "source" if m.prompt == 0 else "edit", "word": m.word, "share": round(m.share, 4),
                 "image": save(f"edit{i}-map-{'src' if m.prompt == 0 else 'edit'}{m.index}", m.image(size))}
                for m in result.word_maps
            ]
        outputs["edits"].append(entry)
    return outputs


def _print_plan(report: dict[str, Any], stream: TextIO) -> None:
    for i, plan in enumerate(report["plans"], start=1):
        stream.write(f"edit {i}: {plan['source']!r} -> {plan['target']!r}\n")
        stream.write(f"  kind: {plan['kind']}\n")
        for line in plan["changed_tokens"] or ["(no token changes)"]:
            stream.write(f"  token: {line}\n")
        for word, factor in plan["reweighted"].items():
            stream.write(f"  reweight: {word} x{factor}\n")
        blend = plan["blend_words"]
        stream.write(f"  blend words: source {blend['source'] or '-'}, edited {blend['target'] or '-'}\n")
        stream.write(f"  steps: {plan['windows']}\n")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from p2p_studio.engine import quiet_libraries

    quiet_libraries()
    try:
        report = run(args)
    except P2PError as exc:
        print(f"p2p-studio: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except (Cancelled, KeyboardInterrupt):
        print("p2p-studio: cancelled", file=sys.stderr)
        return 130
    except OSError as exc:  # writing the results failed midway (disk full, folder removed...)
        from p2p_studio.core.files import describe_os_error

        where = f" ({exc.filename})" if exc.filename else ""
        print(f"p2p-studio: error: could not write the results: {describe_os_error(exc)}{where}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    elif args.explain:
        _print_plan(report, sys.stdout)
    else:
        for edit in report["outputs"]["edits"]:
            print(edit["image"])
    if "inversion" in report and not args.json:
        quality = report["inversion"]
        line = f"inversion: {quality['method']} {quality['psnr_db']:.1f} dB reconstruction PSNR ({quality['verdict']})"
        print(line + (f"; {quality['hint']}" if quality["hint"] else ""), file=sys.stderr)
    return 0


__all__ = ["build_parser", "main", "run"]
