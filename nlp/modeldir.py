"""A model folder on disk: a cheap stamp of it, and writing a new one so readers never see it half-written."""
from __future__ import annotations

import ctypes
import os
import shutil
import stat
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

META_FILE = "townsquare.json"
_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


class ModelChanged(RuntimeError):
    """The folder was replaced while it was being read: what was read may mix two models."""


def stamp(folder: Path | str) -> tuple | None:
    """Identity of the model in `folder` (one stat of its townsquare.json), or None if there is none.

    A published folder is a new directory, so its townsquare.json is a new inode; mtime and size
    also catch a file rewritten in place."""
    try:
        info = os.stat(Path(folder) / META_FILE)
    except OSError:
        return None
    return info.st_dev, info.st_ino, info.st_mtime_ns, info.st_size


def check_replaceable(output: Path | str) -> None:
    """Refuse an existing folder that is neither empty nor a model: publishing replaces it whole."""
    output = Path(output)
    if output.is_dir() and any(output.iterdir()) and not (output / META_FILE).exists() \
            and not (output / "config.cfg").exists():
        raise FileExistsError(f"{output} exists and is not a model folder; refusing to replace it")
    if output.exists() and not output.is_dir():
        raise FileExistsError(f"{output} exists and is not a folder")


@contextmanager
def staged(output: Path | str) -> Iterator[Path]:
    """A temporary sibling of `output` to write a model into; on success it replaces `output` whole."""
    output = Path(output)
    check_replaceable(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    # A sibling, so the swap is a rename on one filesystem; hidden, so nothing mistakes it for a model.
    folder = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        # mkdtemp makes it private; the model must stay readable by the other processes' users.
        os.chmod(folder, stat.S_IMODE(output.stat().st_mode) if output.is_dir() else 0o755)
        yield folder
        publish(folder, output)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def publish(folder: Path, output: Path) -> None:
    """Move the finished `folder` to `output` in one step and delete the model it replaces."""
    check_replaceable(output)
    if not output.exists():
        os.rename(folder, output)
        return
    if _exchange(folder, output):  # readers see the old folder or the new one, never neither
        shutil.rmtree(folder, ignore_errors=True)  # it holds the old model now
        return
    # No atomic exchange here: for an instant there is no folder; a reader's load fails and it
    # keeps the model it has (see bot.model_watch), but never reads a half-written one.
    old = output.with_name(f".{output.name}.old-{uuid.uuid4().hex[:8]}")
    os.rename(output, old)
    os.rename(folder, output)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(one: Path, two: Path) -> bool:
    """Swap two folders atomically (Linux renameat2 RENAME_EXCHANGE); False where that is unavailable."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(one), _AT_FDCWD, os.fsencode(two), _RENAME_EXCHANGE) == 0:
        return True
    return False  # e.g. EINVAL on a filesystem without it: the caller falls back to two renames
