"""What a check loads: a run over local files must not pay for the network or terminal stack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
