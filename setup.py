"""Build hook: the wheel carries the bundled knowledge base's SQLite database,
built from data/modalities.json when the wheel is built (see README, "The
SQLite store"). Everything else about the package is in pyproject.toml."""

import os
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithDatabase(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install builds its database in the cache on first use
            return
        built = Path(self.build_lib).resolve()
        target = built / "modality_cli" / "data" / "modalities.sqlite"
        # the build's own import path (pip's isolated build environment, with
        # pydantic), with the package just built first
        path = os.pathsep.join([str(built), *(p for p in sys.path if p)])
        subprocess.run(
            [sys.executable, "-m", "modality_cli.kb.store.load", str(target)],
            check=True,
            cwd=built,
            env={**os.environ, "PYTHONPATH": path, "PYTHONDONTWRITEBYTECODE": "1", "MODALITY_NO_CACHE": "1"},
        )


setup(cmdclass={"build_py": BuildWithDatabase})
