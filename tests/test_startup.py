"""What a check loads: a run over local files must not pay for the network or terminal stack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import sys, verify
report = verify.check(sys.argv[1], sources=[sys.argv[2]], offline=True, cache_dir=sys.argv[3])
assert report.results[0].verdict.value == "confirmed", report.results
from verify.report import render
render(report, "json")
heavy = sorted(m for m in ("httpx", "httpcore", "asyncio", "rich", "jinja2", "trafilatura") if m in sys.modules)
print(",".join(heavy))
"""


def test_a_json_check_of_local_files_loads_no_network_or_terminal_libraries(tmp_path: Path) -> None:
    (tmp_path / "pier.txt").write_text("The pier will not reopen before spring, the harbour master said.\n")
    (tmp_path / "draft.md").write_text("“The pier will not reopen before spring,” the harbour master said.\n")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "draft.md"), str(tmp_path / "pier.txt"), str(tmp_path / "cache")],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_a_url_source_that_needs_no_request_loads_no_http_client(tmp_path: Path) -> None:
    """Offline (or found in the cache), a URL needs a cache key, not httpx."""
    probe = "import sys, verify\nr = verify.check('x', sources=['https://example.invalid/a'], offline=True, " \
            "cache_dir=sys.argv[1])\nprint(r.sources[0].status.value, 'httpx' in sys.modules)"  # fmt: skip
    done = subprocess.run([sys.executable, "-c", probe, str(tmp_path)], capture_output=True, text=True, check=False,
                          timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["offline_miss", "False"]


def test_the_command_line_loads_neither_extractor_nor_matcher_before_a_check_starts() -> None:
    """A check forks its claims child first; the extractor, matcher and source readers load after."""
    later = ("verify.claims", "verify.match", "rapidfuzz", "verify.baseline", "verify.decisions", "verify.sources.pool",
             "sqlite3", "tomllib", "datetime", "mmap", "verify.decisionsfile", "verify.sources.progress")  # fmt: skip
    probe = f"import sys, verify.cli\nprint(sorted(m for m in {later!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


LONG_DRAFT_PARAGRAPH = "“The pier will not reopen before spring,” the harbour master said on day {n}.\n\n"


def _long_draft_with_a_claims_child(tmp_path: Path) -> None:
    """A draft long enough for a claims child, quoting one local file, in ``tmp_path``."""
    from verify import forked, pipeline

    if not forked.can_fork():
        pytest.skip("this machine cannot fork for verify")
    draft = "".join(LONG_DRAFT_PARAGRAPH.format(n=n) for n in range(80))
    assert len(draft) >= pipeline.CLAIMS_IN_CHILD_MIN_CHARS
    (tmp_path / "draft.md").write_text(draft)
    (tmp_path / "pier.txt").write_text("The pier will not reopen before spring, the harbour master said.\n")


def _run_on_long_draft(probe: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """``probe`` in a new interpreter with the draft, the source and a cache folder as arguments."""
    arguments = [str(tmp_path / "draft.md"), str(tmp_path / "pier.txt"), str(tmp_path / "c")]
    return subprocess.run([sys.executable, "-c", probe, *arguments], capture_output=True, text=True, check=False,
                          timeout=120)  # fmt: skip


def _check_long_draft_then_ask_if_loaded(tmp_path: Path, module: str) -> list[str]:
    """A library check of the long draft in a new interpreter: its claim count, the first
    verdict, and whether ``module`` was loaded in the process that made the report."""
    _long_draft_with_a_claims_child(tmp_path)
    probe = (
        "import sys, verify\n"
        "r = verify.check(sys.argv[1], sources=[sys.argv[2]], offline=True, cache_dir=sys.argv[3])\n"
        f"print(len(r.results), r.results[0].verdict.value, {module!r} in sys.modules)"
    )
    done = _run_on_long_draft(probe, tmp_path)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_with_a_claims_child_this_process_never_loads_the_extractor(tmp_path: Path) -> None:
    """The child extracts the claims; here only the matcher runs (an unnamed speaker needs no
    look-up of who the source credits, which would load the extractor)."""
    assert _check_long_draft_then_ask_if_loaded(tmp_path, "verify.claims") == ["80", "confirmed", "False"]


def test_the_claims_child_is_forked_before_the_matcher_and_source_readers_load(tmp_path: Path) -> None:
    """What the claims child overlaps with is the parent loading these: they must come after."""
    _long_draft_with_a_claims_child(tmp_path)
    probe = (
        "import sys\n"
        "from verify import cli, forked\n"
        "real = forked.Forked.__init__\n"
        "loaded = []\n"
        "def spy(self, work):\n"
        "    loaded.append(sorted(m for m in ('verify.match', 'verify.sources.pool', 'verify.claims', 'rapidfuzz')"
        " if m in sys.modules))\n"
        "    real(self, work)\n"
        "forked.Forked.__init__ = spy\n"
        "cli.main(['check', sys.argv[1], '--source', sys.argv[2], '--offline', '--format', 'json', '--quiet',"
        " '--cache-dir', sys.argv[3]])\n"
        "print(loaded[0], file=sys.stderr)\n"
    )
    done = _run_on_long_draft(probe, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_a_command_line_check_without_decisions_loads_neither_decisions_nor_tempfile(tmp_path: Path) -> None:
    """Looking for DRAFT.verify.toml must not load the code that applies it, and copying a cited
    file into the snapshot store must not load tempfile (shutil and random come with it)."""
    _long_draft_with_a_claims_child(tmp_path)
    probe = (
        "import sys, io, contextlib\n"
        "from verify import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    cli.main(['check', sys.argv[1], '--source', sys.argv[2], '--offline', '--format', 'json', '--quiet',"
        " '--cache-dir', sys.argv[3]])\n"
        "print(sorted(m for m in ('verify.decisions', 'verify.baseline', 'tempfile', 'shutil') if m in sys.modules))\n"
    )
    done = _run_on_long_draft(probe, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert list((tmp_path / "c" / "objects").rglob("*"))  # the cited file was copied all the same
    decision = '[[decision]]\nclaim = "no such claim"\nverdict = "confirmed"\nby = "R. Okafor"\n'
    (tmp_path / "draft.verify.toml").write_text(decision)
    done = _run_on_long_draft(probe, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "verify.decisions" in done.stdout and "names no claim" in done.stderr


def test_a_first_check_saves_its_words_in_a_child_and_this_process_never_loads_sqlite(tmp_path: Path) -> None:
    """With nothing in the word store to read, only the matching child writes to it: this
    process, which prints the report, does not load sqlite3; the words are stored all the same."""
    assert _check_long_draft_then_ask_if_loaded(tmp_path, "sqlite3") == ["80", "confirmed", "False"]
    from verify.match.index import words_key
    from verify.sources.wordcache import WordCache

    text = (tmp_path / "pier.txt").read_text()
    assert WordCache(tmp_path / "c").load([words_key(text)]) == {
        words_key(text): "the pier will not reopen before spring the harbour master said"
    }
