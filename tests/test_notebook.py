"""examples/explore.ipynb, the tour, runs top to bottom with opinipp.plot and is saved clean."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

import opinipp

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "explore.ipynb"
KERNEL = "opinipp-tests"


def read_notebook() -> Any:
    """Read the notebook (nbformat has no type hints)."""
    return nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The notebook, executed by a kernel running this very interpreter.

    A kernelspec in a temporary JUPYTER_PATH pins the kernel to ``sys.executable``, so the
    test does not depend on which kernels the machine has registered; PYTHONPATH puts the
    opinipp the tests import first, so the kernel runs the same sources.
    """
    home = tmp_path_factory.mktemp("jupyter")
    spec = home / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "opinipp tests",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JUPYTER_PATH", str(home))
        mp.setenv("JUPYTER_RUNTIME_DIR", str(home / "runtime"))
        mp.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        mp.setenv("PYTHONPATH", str(Path(opinipp.__file__).resolve().parent.parent))
        nb = read_notebook()
        client = NotebookClient(
            nb,
            kernel_name=KERNEL,
            timeout=120,
            resources={"metadata": {"path": str(NOTEBOOK.parent)}},
        )
        client.execute()
    return nb


def outputs(nb: Any) -> list[Any]:
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]


def text(output: Any) -> str:
    return str(output.get("data", {}).get("text/plain", output.get("text", "")))


def test_the_saved_notebook_has_no_outputs() -> None:
    nb = read_notebook()
    nbformat.validate(nb)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)


def test_no_cell_fails(executed: Any) -> None:
    errors = [o for o in outputs(executed) if o.output_type == "error"]
    assert errors == []
    streams = [o for o in outputs(executed) if o.output_type == "stream" and o.name == "stderr"]
    assert streams == []


def test_the_plots_are_drawn_with_opinipp_plot(executed: Any) -> None:
    pngs = [o for o in outputs(executed) if "image/png" in o.get("data", {})]
    assert len(pngs) == 5  # national zones, national categories, the data given, ranking, series
    code = "\n".join(cell.source for cell in executed.cells if cell.cell_type == "code")
    assert "pyplot" not in code
    assert "plt." not in code
    for function in ("national_distribution", "distribution", "ranking", "series"):
        assert f"plot.{function}(" in code


def test_the_national_numbers_are_official(executed: Any) -> None:
    shown = "\n".join(text(o) for o in outputs(executed))
    assert "(683, 414)" in shown  # the bundled results, and those with a score
    assert "2018: {'hijau': 97} of 277 assessed" in shown
    assert "2019: not published of 264 assessed" in shown
    assert "2024: {'hijau': 494, 'kuning': 70, 'merah': 23} of 587 assessed" in shown
    assert "2025: not published of 310 assessed" in shown
    assert "{'A': 337, 'B': 157, 'C': 70, 'D': 14, 'E': 9}" in shown


def test_the_province_ranking_says_it_is_partial(executed: Any) -> None:
    shown = "\n".join(text(o) for o in outputs(executed))
    assert "(False, 24, 33)" in shown
    frames = [o for o in outputs(executed) if "Kabupaten Humbang Hasundutan" in text(o)]
    assert frames
    html = frames[-1]["data"]["text/html"]
    assert "<table" in html
    assert "91.99" in html


def test_the_history_and_its_gap(executed: Any) -> None:
    shown = "\n".join(text(o) for o in outputs(executed))
    assert (
        "34.19 merah (2021) → 69.17 kuning C (2022) → 81.84 hijau B (2023) → 93.46 hijau A (2024)"
        in shown
    )
    assert "6.16 points to A (Kualitas Tertinggi)" in shown
    assert "[(2022, '34.98'), (2023, '12.67'), (2024, '11.62')]" in shown


def test_ranking_and_trend_show_as_html(executed: Any) -> None:
    htmls = [o["data"]["text/html"] for o in outputs(executed) if "text/html" in o.get("data", {})]
    ranking = next(h for h in htmls if "opinipp-table" in h)
    assert "Kabupaten Deli Serdang" in ranking
    assert "#2ca02c" in ranking  # hijau
    trend = next(h for h in htmls if "opinipp-series" in h)
    assert all(colour in trend for colour in ("#d62728", "#f2c14e", "#2ca02c"))


def test_the_markdown_explains_what_is_not_known() -> None:
    prose = "\n".join(c.source for c in read_notebook().cells if c.cell_type == "markdown")
    for words in ("official counts", "not** the national distribution", "partial", "6.16"):
        assert words in prose
