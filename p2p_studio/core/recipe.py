"""The recipe of a result, and the PNGs that carry it (A1111-style ``parameters`` text + JSON).

One :class:`Recipe` type for every writer and reader: the command line, the app's export, the
self-test. Reading accepts the two unversioned layouts earlier releases wrote (the CLI's
``source_caption``/``edited_caption`` and the app's ``caption``/``edit``), so every PNG P2P Studio
ever wrote restores in the app.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from PIL import Image, PngImagePlugin
from pydantic import BaseModel, Field, Strict, StringConstraints

from p2p_studio.core.captions import check_caption
from p2p_studio.core.errors import InputError
from p2p_studio.core.files import file_sha256, read_regular_file, write_new
from p2p_studio.core.photos import MAX_FILE_BYTES
from p2p_studio.core.schema import CONFIG, read_model
from p2p_studio.core.settings import LORA_SCALE, Detail, EditSettings, LoraChoice, MaskKind

RECIPE_KEY = "p2p_studio"
RECIPE_VERSION = 2
#: How other tools name the samplers in a ``parameters`` text (A1111's names).
SAMPLER_NAMES = {"ddim": "DDIM", "euler": "Euler", "euler-a": "Euler a", "lcm": "LCM"}
#: A recipe's JSON text is refused above this size (captions are short; a recipe is a few kB).
MAX_RECIPE_CHARS = 1_000_000


@dataclass(frozen=True)
class RecipeLora:
    """A LoRA a result was made with: its file name, content hash and scale."""

    name: str
    sha256: str
    scale: float


@dataclass(frozen=True)
class FoundLoras:
    """A recipe's LoRAs looked up among the user's: those found (same name and content), the
    names of those that are not."""

    found: tuple[LoraChoice, ...] = ()
    missing: tuple[str, ...] = ()

    def text(self, folders: Sequence[Path]) -> str:
        """One line for the user ("" without LoRAs)."""
        parts = []
        if self.found:
            parts.append("LoRAs " + ", ".join(f"{lora.name} at {lora.scale:g}" for lora in self.found)
                         + " (found: restored with the recipe)")
        if self.missing:
            where = ", ".join(str(f) for f in folders) or "a LoRA folder"
            parts.append(f"not found in {where}: {', '.join(self.missing)} (the edit runs without them)")
        return "; ".join(parts)


def find_loras(loras: Sequence[RecipeLora], folders: Sequence[Path]) -> FoundLoras:
    """Each LoRA of a recipe that a file in *folders* matches by name and SHA-256. The name comes
    from a file and is used only as a bare file name inside those folders; reading and hashing
    happens here, so call it off the UI thread."""
    found: list[LoraChoice] = []
    missing: list[str] = []
    for lora in loras:
        match = None
        if (lora.name == Path(lora.name).name and not lora.name.startswith(".") and "\\" not in lora.name
                and lora.name.lower().endswith(".safetensors")):
            for folder in folders:
                candidate = folder / lora.name
                try:
                    if candidate.is_file() and file_sha256(candidate) == lora.sha256:
                        match = LoraChoice(str(candidate), lora.scale)
                        break
                except OSError:
                    continue
        if match is None:
            missing.append(lora.name)
        else:
            found.append(match)
    return FoundLoras(tuple(found), tuple(missing))


@dataclass(frozen=True)
class Recipe:
    """Everything needed to make a result again: captions, settings, model, photo identity."""

    caption: str
    edit: str
    settings: EditSettings = field(default_factory=EditSettings)
    command: str = "edit"  # "edit" (a photo) or "generate" (from a seed)
    model: str = ""
    model_hash: str = ""
    #: The model family (``sd1``, ``sd2``, ``sdxl``), as the engine detected it.
    model_kind: str = ""
    photo_name: str = ""
    photo_sha256: str = ""
    #: The edit plan in plain data (``EditPlan.explain()``), for people reading the file.
    plan: Mapping[str, Any] | None = None
    app_version: str = ""
    #: The sampler the run used (``ddim``, ``euler``, ``euler-a``, ``lcm``; empty: not recorded, DDIM).
    sampler: str = ""
    loras: tuple[RecipeLora, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "app": "p2p-studio", "recipe": RECIPE_VERSION, "version": self.app_version, "command": self.command,
            "caption": self.caption, "edit": self.edit, "settings": self.settings.to_dict(),
            "model": self.model, "model_hash": self.model_hash, "model_kind": self.model_kind,
            "photo": {"name": self.photo_name, "sha256": self.photo_sha256},
        }
        if self.sampler:
            data["sampler"] = self.sampler
        if self.loras:
            data["loras"] = [{"name": x.name, "sha256": x.sha256, "scale": x.scale} for x in self.loras]
        if self.plan is not None:
            data["plan"] = dict(self.plan)
        return data

    @classmethod
    def from_json(cls, data: Any) -> Recipe:
        """Read untrusted recipe data (:class:`RecipeFile`); raises :class:`InputError` with one line
        if it is not a recipe."""
        file = read_model(RecipeFile, data, "the recipe")
        caption = file.caption if file.caption is not None else file.source_caption
        edit = file.edit if file.edit is not None else file.edited_caption
        if caption is None or edit is None:
            raise InputError("the recipe has no captions")
        check_caption(caption)
        check_caption(edit, "edited caption")
        settings = file.settings
        if "mask" not in settings:
            # written before refined masks existed: the result was made with the reference mask
            settings = {**settings, "mask": MaskKind.REFERENCE.value}
        if "detail" not in settings:  # written before the edited-region mode: the whole photo was edited
            settings = {**settings, "detail": Detail.WHOLE.value}
        return cls(
            caption=caption, edit=edit, settings=EditSettings.from_dict(settings), command=file.command,
            model=file.model, model_hash=file.model_hash, model_kind=file.model_kind, photo_name=file.photo.name,
            photo_sha256=file.photo.sha256, plan=file.plan, app_version=file.version, sampler=file.sampler,
            loras=tuple(RecipeLora(x.name, x.sha256, x.scale) for x in file.loras),
        )

    def parameters_text(self, size: tuple[int, int]) -> str:
        """The ``parameters`` text chunk other tools (A1111, ComfyUI readers, civitai) understand."""
        fields: dict[str, Any] = {
            "Steps": self.settings.steps, "Sampler": SAMPLER_NAMES.get(self.sampler or "ddim", self.sampler),
            "CFG scale": self.settings.guidance,
            "Seed": self.settings.seed, "Size": f"{size[0]}x{size[1]}", "Model": self.model,
        }
        if self.model_hash:
            fields["Model hash"] = self.model_hash[:10]
        if self.command == "edit":
            fields["Inversion"] = self.settings.method.value
        if self.loras:
            hashes = ", ".join(f"{x.name.rsplit('.', 1)[0]}: {x.sha256[:12]}" for x in self.loras)
            fields["Lora hashes"] = f'"{hashes}"'
        line = ", ".join(f"{k}: {v}" for k, v in fields.items())
        return f"{self.edit}\nNegative prompt: \n{line}"


Text = Annotated[str, Strict()]


class RecipeLoraFile(BaseModel):
    model_config = CONFIG
    name: Text
    sha256: Annotated[str, Strict(), StringConstraints(pattern="^[0-9a-f]{64}$")]
    scale: Annotated[float, Field(ge=LORA_SCALE[0], le=LORA_SCALE[1], allow_inf_nan=False)]


class RecipePhoto(BaseModel):
    model_config = CONFIG
    name: Text = ""
    sha256: Text = ""


class RecipeFile(BaseModel):
    """The layout of a recipe's JSON, as every release wrote it (the CLI's unversioned one named the
    captions ``source_caption`` / ``edited_caption``). Unknown keys are refused."""

    model_config = CONFIG
    app: Text = ""
    recipe: Annotated[int, Strict()] = 1
    version: Text = ""
    command: Literal["edit", "generate"] = "edit"
    caption: Text | None = None
    edit: Text | None = None
    source_caption: Text | None = None
    edited_caption: Text | None = None
    settings: dict[str, Any] = Field(default_factory=dict)
    model: Text = ""
    model_hash: Text = ""
    model_kind: Text = ""
    photo: RecipePhoto = Field(default_factory=RecipePhoto)
    plan: dict[str, Any] | None = None
    sampler: Literal["", "ddim", "euler", "euler-a", "lcm"] = ""
    loras: list[RecipeLoraFile] = Field(default_factory=list, max_length=32)


def save_png(folder: Path, stem: str, image: Image.Image, recipe: Recipe | None = None,
             avoid: tuple[Path, ...] = ()) -> Path:
    """Write *image* as ``folder/stem.png`` (``stem-2.png``... if taken), never over another file;
    with a recipe, also its ``parameters`` text and JSON chunks. Returns the path written."""
    info = PngImagePlugin.PngInfo()
    if recipe is not None:
        info.add_text("parameters", recipe.parameters_text(image.size))
        info.add_text(RECIPE_KEY, json.dumps(recipe.to_json(), ensure_ascii=False))

    def write(tmp: Path) -> None:
        image.save(tmp, format="PNG", pnginfo=info)

    return write_new(folder, stem, ".png", write, avoid)


def read_recipe(path: Path) -> Recipe | None:
    """The recipe of a PNG written by :func:`save_png`; ``None`` if it has none or it is unreadable.

    Pillow's own text-chunk limits stay in force here (a recipe is a few kB); only regular files
    are opened (a FIFO would block the reading thread).
    """
    try:
        data = read_regular_file(Path(path), MAX_FILE_BYTES)
    except (OSError, ValueError):  # not a regular file, too large, a path the system refuses
        return None
    return recipe_in(data)


def recipe_in(data: bytes) -> Recipe | None:
    """:func:`read_recipe` for a file's bytes already read."""
    try:
        with Image.open(io.BytesIO(data)) as img:
            text = img.info.get(RECIPE_KEY)
    except Exception:  # any decoder failure: the file has no recipe we can use
        return None
    if not isinstance(text, str) or not text or len(text) > MAX_RECIPE_CHARS:
        return None
    try:
        return Recipe.from_json(json.loads(text))
    except (ValueError, RecursionError, InputError):  # ValueError: also integers over 4,300 digits
        return None
