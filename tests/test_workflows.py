"""The CI workflows in .github/ are valid GitHub Actions workflows (GitHub's schema, as shipped
by check-jsonschema), and run what the README says they run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from conftest import REPO

LINT = [str(Path(sys.executable).parent / "check-jsonschema"), "--builtin-schema",
        "vendor.github-workflows"]


def test_the_workflows_are_valid():
    workflows = sorted((REPO / ".github" / "workflows").glob("*.yml"))
    assert workflows
    run = subprocess.run(LINT + [str(w) for w in workflows], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_lint_refuses_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("name: x\non: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n"
                      "    steps:\n      - uses: actions/checkout@v4\n        with: 3\n", "utf-8")
    assert subprocess.run(LINT + [str(broken)], capture_output=True).returncode == 1


def test_ci_runs_make_test_and_pages_publish_make_site():
    test = yaml.safe_load((REPO / ".github" / "workflows" / "test.yml").read_text("utf-8"))
    publish = yaml.safe_load((REPO / ".github" / "workflows" / "publish.yml").read_text("utf-8"))
    assert any(step.get("run") == "make test" for step in test["jobs"]["test"]["steps"])
    assert any(step.get("run") == "make site" for step in publish["jobs"]["build"]["steps"])
