"""`kg build` writes the "too large" page without importing what drawing a page needs."""
from __future__ import annotations

import subprocess
import sys


def test_the_too_large_page_imports_neither_networkx_nor_jinja2():
    code = ("import sys; from graph.viz import render_too_large; render_too_large(6000, 5000, 'kota-serang'); "
            "import graph.network, graph.outputs; print(sorted({'networkx', 'jinja2'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
