"""``p2p-studio``: the headless command line (the same engine the desktop app uses)."""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import numpy as np
from PIL import Image
from tqdm import tqdm

from p2p_studio import __version__
from p2p_studio.core.detail import outlook
from p2p_studio.core.errors import Cancelled, InputError, P2PError, unexpected
from p2p_studio.core.eta import EtaTracker, clock
from p2p_studio.core.photos import PHOTO_SUFFIXES, LoadedPhoto
from p2p_studio.core.recipe import Recipe, RecipeLora
from p2p_studio.core.resources import DEMO_MODEL, MODEL_ENV, STABLE_DIFFUSION
from p2p_studio.core.schema import whole_number
from p2p_studio.core.settings import (
    DEVICES,
    FEW_STEPS,
    MODEL_DEFAULT_FIELDS,
    PRECISIONS,
    SAMPLERS,
    Detail,
    EditSettings,
    LoraChoice,
    MaskKind,
    Method,
    ModelChoice,
    ModelDefaults,
    Spec,
    spec_of,
)
from p2p_studio.core.sweep import AXES, DEFAULT_BATCH, SweepCell, SweepGrid

if TYPE_CHECKING:
    from p2p_studio.engine import Editor, EditRun, Vocabulary


class ProgressBar:
    """A progress bar with ETA per phase on stderr, drawn by tqdm: redrawn in place on a terminal;
    elsewhere (a log, CI) a plain line at every tenth of the phase. The text and the fraction are
    the app's (:class:`~p2p_studio.core.eta.EtaTracker`: null-text's inner iterations count)."""

    STEPS = 1000  # the bar's resolution

    def __init__(self, stream: TextIO | None = None, width: int = 28) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.tty = self.stream.isatty()
        self.eta = EtaTracker()
        self.bar: tqdm[Any] | None = None
        self.last_line = -1

    def __call__(self, progress: Any) -> None:
        if progress.phase != self.eta.phase:
            self.finish()
        est = self.eta.update(progress)
        if self.bar is None:
            self.bar = tqdm(total=self.STEPS, file=self.stream if self.tty else io.StringIO(), mininterval=0.1,
                            bar_format=f"{{desc}} [{{bar:{self.width}}}] {{percentage:3.0f}}% ETA {{remaining}}",
                            ascii=".#")
            self.last_line = -1
        self.bar.set_description_str(f"{est.text:<34}", refresh=False)
        self.bar.update(round(est.fraction * self.STEPS) - self.bar.n)
        if not self.tty and int(est.fraction * 10) != self.last_line:  # a log gets whole lines
            self.last_line = int(est.fraction * 10)
            self.stream.write(f"{self.bar.format_meter(**self.bar.format_dict)}\n")

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
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
    few = ModelDefaults(FEW_STEPS, 0.0, Method.RENOISE)
    if photo:
        p.add_argument("--inversion", choices=[m.value for m in Method], default=None,
                       help="; ".join(f"{m.value}: {m.hint}" for m in Method)
                       + f" (default: {defaults.method.value}; {few.method.value} for a few-step model)")
    for f in dataclasses.fields(EditSettings):
        spec = f.metadata.get("spec")
        if spec is None or spec.flag is None:
            continue
        # a model-dependent default stays unset here and is filled in once the model is known
        shown_default = (f"{getattr(defaults, f.name)}; {getattr(few, f.name)} for a few-step model"
                         if f.name in MODEL_DEFAULT_FIELDS else "%(default)s")
        p.add_argument(spec.flag, dest=f.name, type=_bounded(f.name, spec, whole_number(EditSettings, f.name)),
                       default=None if f.name in MODEL_DEFAULT_FIELDS else getattr(defaults, f.name), metavar="N",
                       help=f"{spec.help}; {spec.range_text()} (default: {shown_default})")
    p.add_argument("--cross-word", type=_word_fraction, action="append", default=[], metavar="WORD=F",
                   help="cross-attention fraction for one word of the edited caption (repeatable)")
    p.add_argument("--blend", nargs="+", default=None, metavar="WORD",
                   help="local-blend words (default: the words the edit changes)")
    p.add_argument("--no-blend", action="store_true", help="no local blend (the whole image may change)")
    p.add_argument("--mask", choices=[m.value for m in MaskKind], default=defaults.mask.value,
                   help="; ".join(f"{m.value}: {m.hint}" for m in MaskKind) + " (default: %(default)s)")
    p.add_argument("--detail", choices=[d.value for d in Detail], default=defaults.detail.value,
                   help="; ".join(f"{d.value}: {d.hint}" for d in Detail) + " (default: %(default)s)")
    p.add_argument("--subtract", nargs="+", default=(), metavar="WORD", help="words whose region is kept unchanged")


def settings_from_args(args: argparse.Namespace) -> EditSettings:
    """The validated settings of a parsed command line."""
    values: dict[str, Any] = {f.name: getattr(args, f.name) for f in dataclasses.fields(EditSettings)
                              if getattr(args, f.name, None) is not None}
    values.update(cross_words=dict(args.cross_word), blend=not args.no_blend,
                  blend_words=tuple(args.blend) if args.blend else None, subtract_words=tuple(args.subtract))
    if getattr(args, "inversion", None):
        values["method"] = Method(args.inversion)
    values["mask"] = MaskKind(args.mask)
    values["detail"] = Detail(args.detail)
    return EditSettings.from_dict(values)


def unset_fields(args: argparse.Namespace) -> list[str]:
    """The model-dependent settings the command line left to the model (see :class:`ModelDefaults`)."""
    given = {"steps": args.steps, "guidance": args.guidance, "method": getattr(args, "inversion", None)}
    return [name for name in MODEL_DEFAULT_FIELDS if given[name] is None]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="p2p-studio", description="Edit photos by editing their caption. "
                                     "Without arguments, p2p-studio opens the desktop app "
                                     "('p2p-studio photo.jpg': the app with that photo); "
                                     "'p2p-studio --self-test' checks an installation end to end.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    edit = sub.add_parser("edit", help="edit a real photo")
    edit.add_argument("photo", type=Path, nargs="+",
                      help="the photo to edit (JPEG, PNG, WebP, TIFF...; never modified); several photos, a "
                      "folder or a quoted glob pattern edit each with the same captions (a batch: one failure "
                      "does not stop the rest; exit status 1 if any photo was skipped)")
    gen = sub.add_parser("generate", help="text-to-image Prompt-to-Prompt from a seed")
    for p, photo in ((edit, True), (gen, False)):
        p.add_argument("--caption", required=True, help="caption of the photo (source)")
        p.add_argument("--edit", action="append", required=True, dest="edits",
                       help="edited caption; repeat for several; (word:1.5) re-weights a word")
        p.add_argument("--model", default=None,
                       help="hub id (e.g. stable-diffusion-v1-5/stable-diffusion-v1-5), diffusers folder, "
                       ".safetensors file, or 'demo' (the built-in model; default unless $P2P_STUDIO_MODEL is set)")
        p.add_argument("--model-config", default=None,
                       help="diffusers folder or hub id whose configs describe a single-file checkpoint")
        p.add_argument("--allow-pickle", action="store_true", help="allow legacy .ckpt checkpoints")
        p.add_argument("--lora", action="append", default=[], metavar="FILE[:SCALE]",
                       help="fuse a LoRA (.safetensors) into the model at SCALE (default 1); repeat for several")
        p.add_argument("--sampler", choices=SAMPLERS, default="auto",
                       help="sampler: auto is the model's own (DDIM for schedulers P2P does not run, LCM with an "
                       "LCM-LoRA); euler-a and lcm add noise each step, stored with the inversion "
                       "(default: %(default)s)")
        add_settings_options(p, photo)
        p.add_argument("--device", choices=DEVICES, default="auto",
                       help="where to run: auto picks cuda, then mps, then the cpu (default: %(default)s)")
        p.add_argument("--precision", choices=PRECISIONS, default="auto",
                       help="UNet precision: auto is fp16 on cuda and mps, fp32 on the cpu; inversion arithmetic "
                       "stays fp32 (default: %(default)s)")
        p.add_argument("--out", type=Path, default=Path("p2p-output"), help="output folder (default: %(default)s)")
        p.add_argument("--cache-dir", type=Path, default=None,
                       help="inversion cache folder (default: ~/.cache/p2p-studio/inversions or the OS equivalent)")
        p.add_argument("--no-cache", action="store_true", help="do not read or write the inversion cache")
        p.add_argument("--maps", action="store_true",
                       help="also write each word's attention heat map as a PNG (one per word and caption)")
        p.add_argument("--sweep", action="append", default=[], metavar="KEY=V1,V2,...",
                       help=f"run a grid of settings for one edited caption in batched runs and write a labelled "
                       f"contact sheet; KEY is one of {', '.join(AXES)} (weight sets every (word:f) factor); "
                       f"repeat for more axes, e.g. --sweep cross=0.2,0.5,0.8 --sweep self=0.2,0.4")
        p.add_argument("--sweep-batch", type=int, default=DEFAULT_BATCH, metavar="N",
                       help="edited captions per batched UNet run in a sweep; lower it if memory runs out "
                       "(default: %(default)s)")
        p.add_argument("--explain", action="store_true", help="print the edit plan and exit")
        p.add_argument("--json", action="store_true", help="print paths, plans and timings as JSON")
    return parser


def _model_choice(args: argparse.Namespace) -> ModelChoice:
    from p2p_studio.core.resources import default_model

    if args.model is not None and not args.model.strip():
        raise InputError("--model is empty (an unset variable?); name a model, or leave --model out for the "
                         "built-in demo model")
    return ModelChoice(spec=args.model or default_model(), device=args.device, precision=args.precision,
                       cache_dir=str(args.cache_dir) if args.cache_dir else None, config=args.model_config,
                       allow_pickle=args.allow_pickle, sampler=args.sampler,
                       loras=tuple(LoraChoice.parse(text) for text in args.lora))


def run(args: argparse.Namespace, stderr: TextIO | None = None) -> dict[str, Any]:
    """Execute a parsed command; returns the JSON report."""
    from p2p_studio.core.captions import check_edit_words
    from p2p_studio.core.files import check_writable_folder
    from p2p_studio.core.photos import read_photo

    # every argument is checked before torch is imported: a typo fails at once, not in seconds
    settings = settings_from_args(args)
    cells = sweep_cells(args, settings)
    check_edit_words(args.caption, [c.edit for c in cells] or args.edits, settings.blend_words,
                     settings.subtract_words, list(settings.cross_words))
    photos, batch = expand_photos(args.photo) if args.command == "edit" else ([], False)
    original = read_photo(photos[0]) if photos and not batch else None
    if not args.explain:  # fail in a second, not after the edit has run
        check_writable_folder(args.out, "output folder")
        if args.cache_dir is not None and not args.no_cache:
            check_writable_folder(args.cache_dir, "inversion cache folder")
    choice = _model_choice(args)
    if args.model is None and choice.spec == DEMO_MODEL and not args.explain:
        print(f"p2p-studio: note: using the built-in demo model, which knows only coloured shapes; for real "
              f"photos pass --model {STABLE_DIFFUSION} (downloaded once) or set {MODEL_ENV}",
              file=stderr if stderr is not None else sys.stderr)
    from p2p_studio.engine import (
        Editor,
        InversionCache,
        Vocabulary,
        check_plans,
        fraction_note,
        load_choice,
        model_defaults,
        quiet_libraries,
    )

    quiet_libraries()
    t0 = time.perf_counter()
    # token counts need the tokenizer (under a second), not the UNet (seconds to minutes)
    edits = [c.edit for c in cells] or args.edits
    found = check_plans(choice, args.caption, edits, settings)
    if found is not None:
        warn_words(Vocabulary.of(found.tokenizer), [args.caption, *edits], stderr)
    model = load_choice(choice)
    if found is None:
        warn_words(Vocabulary.of(model.tokenizer), [args.caption, *edits], stderr)
    load_seconds = time.perf_counter() - t0
    settings = model_settings(model_defaults(model), settings, unset_fields(args), model.name, stderr)
    cells = sweep_cells(args, settings)
    editor = Editor(model, None if args.no_cache else InversionCache(args.cache_dir))
    plans = (editor.plans(args.caption, [c.edit for c in cells], settings, [c.settings for c in cells]) if cells
             else editor.plans(args.caption, args.edits, settings))
    report: dict[str, Any] = {"model": model.name, "model_kind": model.kind.value, "device": str(model.device),
                              "threads": model.threads,
                              "plans": [p.explain() for p in plans], "windows_note": fraction_note(settings)}
    if original is not None:
        report["detail"] = str(outlook(settings.detail, original.image.size, model.native_size))
    if args.explain:
        return report
    if batch:
        report["batch"] = _run_batch(editor, args, settings, cells, photos, stderr)
        return report
    report.update(_edit_one(editor, args, settings, cells, original, stderr))
    report["timings"] = {"load": round(load_seconds, 3), **report["timings"]}
    return report


def warn_words(vocabulary: Vocabulary, texts: list[str], stderr: TextIO | None) -> None:
    """One warning line per caption word the text encoder is likely to misread (never an error)."""
    for line in vocabulary.warnings(texts):
        print(f"p2p-studio: warning: {line}", file=stderr if stderr is not None else sys.stderr)


def model_settings(defaults: ModelDefaults, settings: EditSettings, unset: list[str], name: str,
                   stderr: TextIO | None) -> EditSettings:
    """*settings* with the model's defaults in the fields the command line left *unset*; a few-step
    model's say so in one line."""
    filled = defaults.fill(settings, unset)
    if defaults.few_step and unset:
        flags = ", ".join("--inversion" if field == "method" else f"--{field}" for field in unset)
        print(f"p2p-studio: note: {name} is {defaults.reason}: {defaults.describe(unset)} "
              f"(set {flags} to change)", file=stderr if stderr is not None else sys.stderr)
    return filled


def sweep_cells(args: argparse.Namespace, settings: EditSettings) -> list[SweepCell]:
    """The cells of ``--sweep`` (none without it); a sweep takes exactly one edited caption."""
    if not args.sweep:
        return []
    if args.sweep_batch < 1:
        raise InputError(f"--sweep-batch must be at least 1, not {args.sweep_batch}")
    if len(args.edits) != 1:
        raise InputError(f"a sweep varies one edited caption; {len(args.edits)} --edit options were given")
    return SweepGrid.parse(args.sweep).cells(args.edits[0], settings)


def expand_photos(arguments: list[Path]) -> tuple[list[Path], bool]:
    """The photos named by ``edit``'s arguments: files, folders (their photos: files with
    :data:`~p2p_studio.core.photos.PHOTO_SUFFIXES` in any case, not hidden, sorted) and quoted
    glob patterns. Returns them and whether this is a batch (a folder, a pattern or several)."""
    import glob

    photos: list[Path] = []
    batch = len(arguments) > 1
    for arg in arguments:
        if arg.is_dir():
            batch = True
            found = sorted(p for p in arg.iterdir()
                           if p.suffix.lower() in PHOTO_SUFFIXES and not p.name.startswith(".") and p.is_file())
            if not found:
                raise InputError(f"{arg}: no photos in this folder ({', '.join(PHOTO_SUFFIXES)})")
            photos += found
        elif not arg.exists() and glob.has_magic(str(arg)):
            batch = True
            found = sorted(Path(p) for p in glob.glob(str(arg)) if Path(p).is_file())
            if not found:
                raise InputError(f"{arg}: no file matches this pattern")
            photos += found
        else:
            photos.append(arg)
    return list(dict.fromkeys(photos)), batch


def _edit_one(editor: Editor, args: argparse.Namespace, settings: EditSettings, cells: list[SweepCell],
              original: LoadedPhoto | None, stderr: TextIO | None) -> dict[str, Any]:
    """Edit one photo (or generate, without one) and write its files; returns its report.

    The photo's name and hash are those of the bytes read once before the edit: a photo renamed or
    replaced while it runs changes neither the result nor its recipe.
    """
    from p2p_studio.core.files import text_of
    from p2p_studio.engine import Reporter

    if original is not None and original.note:
        print(f"p2p-studio: note: {original.note}", file=stderr if stderr is not None else sys.stderr)
    bar = ProgressBar(stderr)
    reporter = Reporter(on_progress=bar)
    photo_path = original.path if original is not None else None
    try:
        if cells:
            photo = editor.prepare(original.image) if original is not None else None
            result = editor.sweep(photo, args.caption, cells, settings, reporter, args.sweep_batch)
        elif original is not None:
            result = editor.edit(editor.prepare(original.image), args.caption, args.edits, settings, reporter)
        else:
            result = editor.generate(args.caption, args.edits, settings, reporter)
    finally:
        bar.finish()
    report: dict[str, Any] = {"timings": {k: round(v, 3) for k, v in result.timings.items()},
                              "inversion_cached": result.inversion_cached}
    if result.region is not None:
        report["region"] = {"box": list(result.region.box), "gain": round(result.region.gain, 3)}
        print(f"p2p-studio: note: detail: {result.region.describe()}",
              file=stderr if stderr is not None else sys.stderr)
    if result.fidelity is not None:
        report["inversion"] = result.fidelity.to_dict()
    model = editor.model
    base = Recipe(caption=args.caption, edit=args.caption, settings=settings,
                  command="edit" if photo_path is not None else "generate", model=model.name,
                  model_hash=model.fingerprint, model_kind=model.kind.value, app_version=__version__,
                  sampler=model.sampler, loras=tuple(RecipeLora(lora.name, lora.sha256, lora.scale)
                                                     for lora in model.loras),
                  photo_name=text_of(photo_path.name) if photo_path is not None else "",
                  photo_sha256=original.sha256 if original is not None else "")
    report["outputs"] = _write_outputs(args, photo_path, result, base, cells)
    return report


def _run_batch(editor: Editor, args: argparse.Namespace, settings: EditSettings, cells: list[SweepCell],
               photos: list[Path], stderr: TextIO | None) -> dict[str, Any]:
    """Edit every photo with the same captions; a failure is recorded and the rest go on. The
    summary is also written to the output folder as ``batch-summary.json`` (never over a file)."""
    from p2p_studio.core.files import text_of, write_new
    from p2p_studio.core.photos import read_photo

    stream = stderr if stderr is not None else sys.stderr
    start = time.perf_counter()
    results: list[dict[str, Any]] = []
    failed: list[dict[str, str]] = []
    for i, path in enumerate(photos, start=1):
        done = time.perf_counter() - start
        eta = f", batch ETA {clock(done / (i - 1) * (len(photos) - i + 1))}" if i > 1 else ""
        stream.write(f"photo {i}/{len(photos)}: {text_of(path.name)}{eta}\n")
        try:
            report = _edit_one(editor, args, settings, cells, read_photo(path), stderr)
            results.append({"photo": text_of(path), **report})
        except Exception as exc:  # any failure costs this photo only; the batch goes on
            reason = error_line(exc)
            failed.append({"photo": text_of(path), "error": reason})
            stream.write(f"p2p-studio: {text_of(path.name)} skipped: {reason}\n")
    summary: dict[str, Any] = {"photos": len(photos), "edited": len(results), "failed": failed,
                               "seconds": round(time.perf_counter() - start, 1), "results": results}
    text = json.dumps(summary, indent=2, ensure_ascii=False)

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    written = text_of(write_new(args.out, "batch-summary", ".json", write))
    summary["summary_file"] = written
    stream.write(f"{len(results)} of {len(photos)} photos edited"
                 + (f", {len(failed)} skipped" if failed else "") + f"; summary in {written}\n")
    return summary


def _write_outputs(args: argparse.Namespace, photo_path: Path | None, run: EditRun, base: Recipe,
                   cells: list[SweepCell]) -> dict[str, Any]:
    from p2p_studio.core.files import text_of
    from p2p_studio.core.recipe import save_png

    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = photo_path.stem if photo_path is not None else f"seed{base.settings.seed}"
    stem = output_stem(stem, _labels(run, cells), out_dir)
    names = [p.name for p in out_dir.iterdir()]
    prefix = run_prefix(stem, names)
    avoid = (photo_path,) if photo_path is not None else ()

    def save(name: str, image: Any, recipe: Recipe | None = None) -> str:
        return text_of(save_png(out_dir, f"{prefix}{name}", image, recipe, avoid))

    earlier = same_reconstruction(out_dir, stem, names, run.reconstruction_full, base)
    reconstruction = text_of(earlier) if earlier is not None else save("reconstruction", run.reconstruction_full, base)
    outputs: dict[str, Any] = {"reconstruction": reconstruction, "edits": []}
    if cells:
        outputs["sweep"] = _write_sweep(args, run, base, cells, save)
        return outputs
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


#: Room kept after the longest label for a run number and a counter that avoids an existing file.
COUNTER_ROOM = len("-99") + len("-99")


def _labels(run: EditRun, cells: list[SweepCell]) -> list[str]:
    """Every label an output name of *run* can end with (before ``.png``)."""
    labels = ["reconstruction", "sweep-sheet", *(f"sweep-{c.slug}" for c in cells)]
    for i, out in enumerate(run.edits, start=1):
        labels += [f"edit{i}-mask", f"edit{i}-map-edit{len(out.plan.target.ids)}",
                   f"edit{i}-map-src{len(out.plan.source.ids)}"]
    return labels


#: What the outputs' labels start with (after ``STEM-`` or ``STEM-N-``).
OUTPUT_LABELS = ("edit", "reconstruction", "sweep")


def run_prefix(stem: str, names: list[str]) -> str:
    """What the names of one run's outputs start with: ``STEM-`` for the first run into a folder,
    ``STEM-2-``, ``STEM-3-``... for the next (the smallest no output there has), so a listing keeps
    each run's files together instead of suffixing each file with its own counter."""
    def taken(prefix: str) -> bool:
        return any(n.startswith(prefix) and n[len(prefix):].startswith(OUTPUT_LABELS) for n in names)

    n = 1
    while taken(prefix := f"{stem}-" if n == 1 else f"{stem}-{n}-"):
        n += 1
    return prefix


#: Earlier reconstructions compared against before writing one (the newest first).
REUSE_LIMIT = 8


def same_reconstruction(folder: Path, stem: str, names: list[str], image: Image.Image,
                        recipe: Recipe) -> Path | None:
    """An earlier run's reconstruction of this photo (same photo and model in its recipe) with
    exactly these pixels, so that it is written once per photo and inversion, not again by every
    edit of the photo; ``None`` if there is none."""
    from p2p_studio.core.files import read_regular_file
    from p2p_studio.core.photos import MAX_FILE_BYTES, decode_photo
    from p2p_studio.core.recipe import recipe_in

    pattern = re.compile(rf"{re.escape(stem)}(-\d+)?-reconstruction(-\d+)?\.png")
    candidates = sorted((folder / n for n in names if pattern.fullmatch(n)), key=_mtime, reverse=True)
    pixels = np.asarray(image)
    for path in candidates[:REUSE_LIMIT]:
        try:  # each candidate read once: its recipe, then its pixels
            data = read_regular_file(path, MAX_FILE_BYTES)
            found = recipe_in(data)
            if found is None or (found.photo_sha256, found.model_hash) != (recipe.photo_sha256, recipe.model_hash):
                continue
            earlier = decode_photo(data, path.name)
        except Exception:  # an unreadable file is not the reconstruction: write a new one
            continue
        if earlier.size == image.size and np.array_equal(np.asarray(earlier), pixels):
            return path
    return None


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def output_stem(stem: str, labels: list[str], folder: Path) -> str:
    """The photo's stem, shortened where needed so that ``STEM-LABEL-NN.png`` fits the file system
    for every label: a long photo name costs characters of its name, never the written result."""
    from p2p_studio.core.files import fit_name, name_max

    longest = max(len(os.fsencode(f"-{label}.png")) for label in labels) + COUNTER_ROOM
    return fit_name(stem, "", name_max(folder) - longest)


def _write_sweep(args: argparse.Namespace, run: EditRun, base: Recipe, cells: list[SweepCell],
                 save: Callable[..., str]) -> dict[str, Any]:
    """Each cell's image with its own recipe, and the labelled contact sheet of them all."""
    from p2p_studio.core.sweep import contact_sheet

    grid = SweepGrid.parse(args.sweep)
    results = run.results()
    entries = []
    for cell, out, result in zip(cells, run.edits, results, strict=True):
        recipe = dataclasses.replace(base, edit=result.edit, settings=result.settings, plan=out.plan.explain())
        entries.append({"values": dict(cell.values), "caption": result.edit,
                        "image": save(f"sweep-{cell.slug}", result.image, recipe)})
    sheet = contact_sheet([r.image for r in results], cells, grid)
    return {"grid": grid.text(), "sheet": save("sweep-sheet", sheet), "cells": entries}


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
    stream.write(f"{report['windows_note']}\n")
    if "detail" in report:
        stream.write(f"{report['detail']}\n")


def _print_outputs(outputs: dict[str, Any], stream: TextIO) -> None:
    """Every file written, one labelled line each (``--json`` gives the same as data)."""
    if "sweep" in outputs:
        for cell in outputs["sweep"]["cells"]:
            label = " ".join(f"{k}={v:g}" for k, v in cell["values"].items())
            stream.write(f"cell {label}: {cell['image']}\n")
        stream.write(f"sweep sheet: {outputs['sweep']['sheet']}\n")
    several = len(outputs["edits"]) > 1
    for i, edit in enumerate(outputs["edits"], start=1):
        n = str(i) if several else ""
        stream.write(f"edit{n}: {edit['image']}\n")
        if edit["mask"]:
            stream.write(f"mask{n}: {edit['mask']}\n")
        for word_map in edit.get("maps", []):
            stream.write(f"map{n} ({word_map['caption']} '{word_map['word']}'): {word_map['image']}\n")
    stream.write(f"reconstruction: {outputs['reconstruction']}\n")


def error_line(exc: BaseException) -> str:
    """One line for the user about *exc*: its own text for our errors, the reason for file errors,
    and for anything else its type and first line (a bug, but never a traceback)."""
    from p2p_studio.core.files import describe_os_error, text_of

    if isinstance(exc, P2PError):
        return str(exc)
    if isinstance(exc, OSError):
        where = f" ({text_of(str(exc.filename))})" if exc.filename else ""
        return f"could not write the results: {describe_os_error(exc)}{where}"
    return unexpected(exc)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        report = run(args)
    except (Cancelled, KeyboardInterrupt):
        print("p2p-studio: cancelled", file=sys.stderr)
        return 130
    except Exception as exc:
        print(f"p2p-studio: error: {error_line(exc)}", file=sys.stderr)
        return exc.exit_code if isinstance(exc, P2PError) else 1
    batch = report.get("batch")
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    elif args.explain:
        _print_plan(report, sys.stdout)
    elif batch is not None:
        for item in batch["results"]:
            print(f"photo: {item['photo']}")
            _print_outputs(item["outputs"], sys.stdout)
    else:
        _print_outputs(report["outputs"], sys.stdout)
    if batch is not None:
        return 1 if batch["failed"] else 0
    if "inversion" in report and not args.json:
        quality = report["inversion"]
        line = f"inversion: {quality['method']} {quality['psnr_db']:.1f} dB reconstruction PSNR ({quality['verdict']})"
        print(line + (f"; {quality['hint']}" if quality["hint"] else ""), file=sys.stderr)
    return 0


__all__ = ["build_parser", "main", "run"]
