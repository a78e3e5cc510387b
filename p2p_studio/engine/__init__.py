"""The editing engine: loading, token alignment, attention control, masks and the edit pipeline.

No Qt here. Long runs take a :class:`Reporter` (progress callback and stop flag). The names below
are the engine's public API (the app's worker, the CLI and the demo use only these); the modules
hold the details.
"""

from inversion import Progress, Reporter
from p2p_studio.engine.cache import InversionCache
from p2p_studio.engine.defaults import model_defaults
from p2p_studio.engine.devices import quiet_libraries
from p2p_studio.engine.editor import Editor, check_plans
from p2p_studio.engine.estimate import edit_rows, region_rows, seconds_per_row
from p2p_studio.engine.loading import TokenizerOnly, load_choice, load_model, load_tokenizer
from p2p_studio.engine.maps import word_maps
from p2p_studio.engine.model import LoadedModel
from p2p_studio.engine.plan import EditPlan, fraction_note, make_plan
from p2p_studio.engine.run import EditedImage, EditRun, PreparedPhoto, RunSpec
from p2p_studio.engine.tiny_decoder import TinyDecoder, load_tiny_decoder
from p2p_studio.engine.vocabulary import Vocabulary

__all__ = [
    "EditPlan",
    "EditRun",
    "EditedImage",
    "Editor",
    "InversionCache",
    "LoadedModel",
    "PreparedPhoto",
    "Progress",
    "Reporter",
    "RunSpec",
    "TinyDecoder",
    "TokenizerOnly",
    "Vocabulary",
    "check_plans",
    "edit_rows",
    "fraction_note",
    "load_choice",
    "load_model",
    "load_tiny_decoder",
    "load_tokenizer",
    "make_plan",
    "model_defaults",
    "quiet_libraries",
    "region_rows",
    "seconds_per_row",
    "word_maps",
]
