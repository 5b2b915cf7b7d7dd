"""The preview's renderer in its own process: the same page as the thread renders, over a
pipe; a server on another store file, or one that dies, hands over to the thread."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.exchange.markdown import import_markdown
from app.publish.render_server import RenderServer
from app.store import Store
from tests.conftest import TYPHOON

SERVE = (
    "import sys; from pathlib import Path; from app.publish.render_server import RenderServer;"
    "RenderServer(Path(sys.argv[1]), Path(sys.argv[2])).serve(sys.stdin.buffer, sys.stdout.buffer)"
)


def spawn(store_path: Path, cache: Path) -> tuple[subprocess.Popen[bytes], tuple[int, int, int]]:
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVE, str(store_path), str(cache)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.stdin is not None and proc.stdout is not None
    return proc, (proc.pid, os.dup(proc.stdin.fileno()), os.dup(proc.stdout.fileno()))


def test_the_server_renders_what_the_thread_renders(store: Store, tmp_path: Path) -> None:
    from app.ui.preview import PreviewWorker

    article = import_markdown(store, TYPHOON, author="測試者")
    server = RenderServer(store.path, tmp_path / "a")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    from_process = server.render(article.to_dict())
    worker = PreviewWorker(store.path, tmp_path / "b", store.file.identity)
    shown: list[str] = []
    worker.rendered.connect(lambda _gen, html: shown.append(html))
    worker.render(1, article.to_dict())
    worker.close()
    server.store.close()
    normalise = lambda html, d: html.replace(str(tmp_path / d), "CACHE")  # noqa: E731
    assert normalise(from_process, "a") == normalise(shown[0], "b")
    assert "颱風季前大演練" in from_process


def test_a_prerendered_article_is_served_at_once(store: Store, tmp_path: Path) -> None:
    article = import_markdown(store, TYPHOON, author="測試者")
    server = RenderServer(store.path, tmp_path)
    server.prerender(article.id)
    assert len(server.ready) == 1
    html = server.render(store.get_article(article.id).to_dict())
    assert server.ready == {} and "颱風季前大演練" in html
    server.store.close()


def test_the_window_end_renders_over_the_pipe(qtbot, store: Store, tmp_path: Path) -> None:  # noqa: ANN001
    from app.ui.preview import ProcessRenderer

    article = import_markdown(store, TYPHOON, author="測試者")
    proc, (pid, write_fd, read_fd) = spawn(store.path, tmp_path)
    renderer = ProcessRenderer(pid, write_fd, read_fd, tmp_path, store.file.identity)
    with qtbot.waitSignal(renderer.rendered, timeout=20_000) as got:
        renderer.render(7, article.to_dict())
    assert got.args[0] == 7 and "颱風季前大演練" in got.args[1]
    proc.stdin.close()  # type: ignore[union-attr]  (the window's end holds the other copy)
    renderer.close()  # the server ends with its input
    assert proc.wait(timeout=10) == 0


@pytest.mark.parametrize("how", ["another file", "dies"])
def test_the_pane_falls_back_to_its_thread(
    how: str,
    qtbot,
    store: Store,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    from app.ui.preview import PreviewPane, ProcessRenderer

    article = import_markdown(store, TYPHOON, author="測試者")
    served = store.path
    if how == "another file":
        served = tmp_path / "other.sqlite"
        Store.open(served).close()
    proc, (pid, write_fd, read_fd) = spawn(served, tmp_path)
    renderer = ProcessRenderer(pid, write_fd, read_fd, tmp_path, store.file.identity)
    pane = PreviewPane(store.path, identity=store.file.identity, renderer=renderer)
    qtbot.addWidget(pane)
    pane.show()
    if how == "dies":
        proc.kill()
    with qtbot.waitSignal(renderer.lost, timeout=20_000):
        pane.request(article, now=True)
    with qtbot.waitSignal(pane.shown_html, timeout=20_000) as got:
        pass
    assert "颱風季前大演練" in got.args[0]
    proc.stdin.close()  # type: ignore[union-attr]
    pane.shutdown()
    proc.wait(timeout=10)
