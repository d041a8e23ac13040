"""What a check loads: a run over local files must not pay for the network, terminal or web stack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROBE = """
import sys, verify
report = verify.check(sys.argv[1], sources=[sys.argv[2]], options=verify.Options(offline=True, cache_dir=sys.argv[3]))
assert report.results[0].verdict.value == "confirmed", report.results
verify.render(report, "json")
heavy = sorted(m for m in ("httpx", "httpcore", "rich", "jinja2", "starlette") if m in sys.modules)
print(",".join(heavy))
"""


def test_a_json_check_of_local_files_loads_no_network_terminal_or_web_libraries(tmp_path: Path) -> None:
    (tmp_path / "pier.txt").write_text("The pier will not reopen before spring, the harbour master said.\n")
    (tmp_path / "draft.md").write_text("“The pier will not reopen before spring,” the harbour master said.\n")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "draft.md"), str(tmp_path / "pier.txt"), str(tmp_path / "cache")],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


FREEZE_PROBE = """
import gc, sys, verify, verify.cli
report = verify.check(sys.argv[1], sources=[sys.argv[2]], options=verify.Options(offline=True, cache_dir=sys.argv[3]))
after_library = gc.get_freeze_count()
sys.argv = ["verify", "check", sys.argv[1], "--source", sys.argv[2], "--offline", "--quiet", "--cache-dir", sys.argv[3]]
try:
    verify.cli.run()
except SystemExit as exit:
    print(after_library, gc.get_freeze_count() > 0, exit.code)
"""


def test_only_the_command_leaves_the_collector_frozen_at_its_end(tmp_path: Path) -> None:
    (tmp_path / "pier.txt").write_text("The pier will not reopen before spring, the harbour master said.\n")
    (tmp_path / "draft.md").write_text("“The pier will not reopen before spring,” the harbour master said.\n")
    done = subprocess.run(
        [sys.executable, "-c", FREEZE_PROBE, str(tmp_path / "draft.md"), str(tmp_path / "pier.txt"),
         str(tmp_path / "cache")],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-3:] == ["0", "True", "0"]  # a library caller's collector is left alone
