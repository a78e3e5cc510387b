"""``p2p-studio``: the headless command line (the same engine the desktop app uses)."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from p2p_studio import __version__
from p2p_studio.engine.errors import Cancelled, P2PError
from p2p_studio.eta import EtaTracker, clock

METHODS = ("null-text", "negative-prompt", "direct", "ddim")


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


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not a fraction between 0 and 1")
    return value


def _word_fraction(text: str) -> tuple[str, float]:
    word, sep, value = text.rpartition("=")
    if not sep or not word:
        raise argparse.ArgumentTypeError(f"expected WORD=FRACTION, got {text!r}")
    return word, _fraction(value)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="p2p-studio", description="Edit photos by editing their caption. "
                                     "Without arguments, p2p-studio opens the desktop app; "
                                     "'p2p-studio --self-test' checks an installation end to end.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    edit = sub.add_parser("edit", help="edit a real photo")
    edit.add_argument("photo", type=Path)
    edit.add_argument("--inversion", choices=METHODS, default="null-text",
                      help="null-text: best fidelity, slow; negative-prompt: fast; direct: exact "
                           "background, fast; ddim: plain (drifts)")
    gen = sub.add_parser("generate", help="text-to-image Prompt-to-Prompt from a seed")
    for p in (edit, gen):
        p.add_argument("--caption", required=True, help="caption of the photo (source)")
        p.add_argument("--edit", action="append", required=True, dest="edits",
                       help="edited caption; repeat for several; (word:1.5) re-weights a word")
        p.add_argument("--model", default=None,
                       help="hub id (e.g. stable-diffusion-v1-5/stable-diffusion-v1-5), diffusers folder, "
                       ".safetensors file, or 'demo' (the built-in model; default unless $P2P_STUDIO_MODEL is set)")
        p.add_argument("--model-config", default=None, help="configs for a single-file checkpoint")
        p.add_argument("--allow-pickle", action="store_true", help="allow legacy .ckpt checkpoints")
        p.add_argument("--steps", type=int, default=50)
        p.add_argument("--guidance", type=float, default=7.5)
        p.add_argument("--cross", type=_fraction, default=0.8, help="cross-attention replace fraction")
        p.add_argument("--cross-word", type=_word_fraction, action="append", default=[], metavar="WORD=F",
                       help="per-word cross-attention replace fraction")
        p.add_argument("--self", dest="self_fraction", type=_fraction, default=0.4,
                       help="self-attention replace fraction")
        p.add_argument("--blend", nargs="+", default=None, metavar="WORD", help="local-blend words")
        p.add_argument("--no-blend", action="store_true", help="no local blend (the whole image may change)")
        p.add_argument("--threshold", type=float, default=0.3, help="local-blend mask threshold")
        p.add_argument("--blend-start", type=_fraction, default=0.2, help="fraction of steps before blending")
        p.add_argument("--subtract", nargs="+", default=(), metavar="WORD", help="words removed from the mask")
        p.add_argument("--seed", type=int, default=0)
        p.add_argument("--device", choices=("auto", "cuda", "mps", "cpu"), default="auto")
        p.add_argument("--precision", choices=("auto", "fp32", "fp16", "bf16"), default="auto")
        p.add_argument("--out", type=Path, default=Path("p2p-output"), help="output folder")
        p.add_argument("--cache-dir", type=Path, default=None, help="inversion cache folder")
        p.add_argument("--no-cache", action="store_true", help="do not read or write the inversion cache")
        p.add_argument("--explain", action="store_true", help="print the edit plan and exit")
        p.add_argument("--json", action="store_true", help="print paths, plans and timings as JSON")
    return parser


def _settings(args: argparse.Namespace) -> Any:
    from p2p_studio.engine.plan import EditSettings

    settings = EditSettings(
        steps=args.steps, guidance=args.guidance, cross=args.cross, cross_words=dict(args.cross_word),
        self_fraction=args.self_fraction, blend=not args.no_blend,
        blend_words=tuple(args.blend) if args.blend else None, threshold=args.threshold,
        blend_start=args.blend_start, subtract_words=tuple(args.subtract), seed=args.seed,
    )
    if getattr(args, "inversion", None):
        from inversion import Method

        settings.method = Method(args.inversion)
    settings.validate()
    return settings


def run(args: argparse.Namespace, stderr: TextIO | None = None) -> dict[str, Any]:
    """Execute a parsed command; returns the JSON report."""
    from inversion import Reporter
    from p2p_studio.engine.cache import InversionCache
    from p2p_studio.engine.editor import Editor
    from p2p_studio.engine.loading import load_model
    from p2p_studio.photos import load_photo
    from p2p_studio.resources import default_model

    settings = _settings(args)
    photo_path: Path | None = getattr(args, "photo", None)
    original = load_photo(photo_path) if photo_path is not None else None
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    model = load_model(args.model or default_model(), args.device, args.precision, args.allow_pickle,
                       args.model_config)
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
    report["outputs"] = _write_outputs(args, photo_path, result, settings, model)
    return report


def _write_outputs(args: argparse.Namespace, photo_path: Path | None, result: Any, settings: Any,
                   model: Any) -> dict[str, Any]:
    from p2p_studio.engine.files import unique_path
    from p2p_studio.engine.output import a1111_parameters, save_png

    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = photo_path.stem if photo_path is not None else f"seed{settings.seed}"
    avoid = (photo_path,) if photo_path is not None else ()
    base = {"app": "p2p-studio", "version": __version__, "model": model.name,
            "command": "edit" if photo_path is not None else "generate",
            "source_caption": args.caption, "settings": settings.to_dict()}
    if photo_path is not None:
        base["photo"] = {"name": photo_path.name, "sha256": hashlib.sha256(photo_path.read_bytes()).hexdigest()}
    size = result.reconstruction_full.size
    extra = {"Model hash": model.fingerprint[:10]}
    if photo_path is not None:
        extra["Inversion"] = settings.method.value

    def save(name: str, image: Any, caption: str, recipe: dict[str, Any]) -> str:
        path = unique_path(out_dir, f"{stem}-{name}", ".png", avoid)
        params = a1111_parameters(caption, settings.to_dict(), size, model.name, extra)
        return str(save_png(path, image, params, recipe))

    outputs: dict[str, Any] = {
        "reconstruction": save("reconstruction", result.reconstruction_full, args.caption,
                               {**base, "edited_caption": args.caption}),
        "edits": [],
    }
    for i, (text, out) in enumerate(zip(args.edits, result.edits, strict=True), start=1):
        recipe = {**base, "edited_caption": text, "plan": out.plan.explain()}
        entry = {"caption": text, "image": save(f"edit{i}", out.full, text, recipe), "mask": None}
        if out.mask_full is not None:
            entry["mask"] = str(save_png(unique_path(out_dir, f"{stem}-edit{i}-mask", ".png", avoid), out.mask_full))
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
        cross = plan["cross_replace_steps"]
        stream.write(f"  cross-attention injected in the first {cross['default']} of {cross['total']} steps")
        stream.write("".join(f"; {w}: first {n}" for w, n in cross["per_word"].items()) + "\n")
        stream.write(f"  self-attention injected in the first {plan['self_replace_steps']} steps\n")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from p2p_studio.engine.loading import quiet_libraries

    quiet_libraries()
    try:
        report = run(args)
    except P2PError as exc:
        print(f"p2p-studio: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except (Cancelled, KeyboardInterrupt):
        print("p2p-studio: cancelled", file=sys.stderr)
        return 130
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    elif args.explain:
        _print_plan(report, sys.stdout)
    else:
        for edit in report["outputs"]["edits"]:
            print(edit["image"])
    return 0


__all__ = ["build_parser", "main", "run"]
