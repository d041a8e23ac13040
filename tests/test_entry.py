"""The command's entry point: the cycle collector's threshold for the command, not the library."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False,
                          cwd=ROOT, timeout=120)  # fmt: skip


def _pier_draft(tmp_path: Path) -> tuple[Path, Path]:
    """A one-quote draft and the local source that has the quote verbatim."""
    source, draft = tmp_path / "pier.txt", tmp_path / "draft.md"
    source.write_text("The pier will not reopen before spring, the harbour master said.\n")
    draft.write_text("“The pier will not reopen before spring,” the harbour master said.\n")
    return draft, source


def test_the_command_collects_cycles_only_after_many_new_objects() -> None:
    """``verify.cli.main`` runs with the raised threshold; before the entry point, the default."""
    code = (
        "import gc, sys\n"
        "print(gc.get_threshold()[0])\n"
        "import verify.cli as cli\n"
        "cli.main = lambda argv=None: print(gc.get_threshold()[0]) or 0\n"
        "sys.argv = ['verify', 'extract', 'seeds/demo-draft.md']\n"
        "from verify.entry import run\n"
        "run()\n"
    )
    done = _run(code)
    assert done.returncode == 0, done.stderr
    from verify.entry import COMMAND_GC_THRESHOLD

    assert done.stdout.split() == ["700", str(COMMAND_GC_THRESHOLD)]


def test_a_real_command_run_through_the_entry_point_checks_and_exits_cleanly(tmp_path: Path) -> None:
    draft, source = _pier_draft(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "verify", "check", str(draft), "--source", str(source),
         "--offline", "--format", "json", "--cache-dir", str(tmp_path / "cache")],
        capture_output=True, text=True, check=False, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert '"verdict": "confirmed"' in done.stdout


def test_the_library_leaves_the_collector_as_it_was(tmp_path: Path) -> None:
    draft, source = _pier_draft(tmp_path)
    code = (
        "import gc, sys, verify\n"
        "report = verify.check(sys.argv[1], sources=[sys.argv[2]], offline=True, cache_dir=sys.argv[3])\n"
        "print(report.results[0].verdict.value, gc.get_threshold()[0])\n"
    )
    done = _run(code, str(draft), str(source), str(tmp_path / "cache"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["confirmed", "700"]


def test_the_console_script_is_the_entry_point() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"verify": "verify.entry:run"}
