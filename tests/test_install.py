"""A non-editable install works from any folder: the clean stage's resources (language data,
OCR channels) travel inside the package, not beside the checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from pipeline.clean.runner import clean_text
from pipeline.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "raw" / "thanhhoa-2019-qd1118.txt"


def _fresh_install(tmp_path: Path) -> Path:
    """A new virtual environment with vnplan installed from a wheel of this checkout (not
    editable); its dependencies are this environment's, reached through a path file (only the
    build backend comes from pip's cache, as at setup). Returns the environment's `bin`
    folder."""
    source = tmp_path / "source"  # a copy, so that the build leaves nothing in the checkout
    for name in ("pipeline", "extractors"):
        shutil.copytree(ROOT / name, source / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--wheel-dir", str(wheels), str(source)], check=True, cwd=tmp_path)
    env_dir = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    py = env_dir / "bin" / "python"
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          check=True, capture_output=True, text=True).stdout.strip()
    # dependencies only: a path file adds a folder but runs none of its own path files, so
    # this checkout's editable hook stays out
    Path(site, "deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    (wheel,) = wheels.glob("vnplan-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--quiet",
                    "--no-deps", "--no-index", str(wheel)], check=True)
    return env_dir / "bin"


@pytest.mark.slow
def test_a_fresh_install_cleans_a_seed_from_another_folder(tmp_path):
    bin_dir = _fresh_install(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = subprocess.run([str(bin_dir / "python"), "-c",
                            "import pipeline.clean.resources as r, pipeline.vi.resources as v;"
                            "print(r.ocr_data_dir()); print(v.data_dir())"],
                           check=True, capture_output=True, text=True, cwd="/", env=env)
    for folder in where.stdout.split():
        assert folder.startswith(str(tmp_path)), folder  # read from the install, not here
    out = subprocess.run([str(bin_dir / "vnplan"), "clean", str(SEED)], check=True,
                         capture_output=True, text=True, cwd="/", env=env).stdout
    expected = clean_text(ingest(SEED).raw_text)
    assert out == expected.text
    assert "Chính quyền điện tử" in out and "Chính quyền diện" not in out  # repaired
