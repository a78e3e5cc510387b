"""Ship ``resources/`` (demo model, samples, icons, styles) inside the wheel.

The repository keeps data at the top level (``resources/``, data only); a wheel has no such
place, so the build copies it to ``p2p_studio/_resources``, where
:func:`p2p_studio.core.resources.resources_root` looks when the app runs from an installed wheel.
Everything else is in ``pyproject.toml``.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads resources/ in place
            return
        source = Path(__file__).resolve().parent / "resources"
        target = Path(self.build_lib) / "p2p_studio" / "_resources"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target)


setup(cmdclass={"build_py": BuildWithResources})
