"""Progress on long work: what stage it is in and how far along, for whoever waits at a terminal.

The core (the build, `kg add`, `kg push`, …) takes a ``Progress`` and calls
``stage`` when a stage begins and ``advance`` as it counts steps; the default,
``SILENT``, does nothing, so the core never knows whether anyone is watching.
The command line hands in ``on_terminal()``: a display on stderr (rich) when
stderr is a terminal, else the silent one. The display never writes to stdout
and leaves nothing behind on the terminal once the work is over.
"""
from __future__ import annotations

import sys
import threading
import time

SHOW_AFTER = 0.4  # seconds: work that is over sooner never shows (nor imports) the display


class Progress:
    """Reports nothing; the interface every reporter has. Usable as a context manager."""

    def stage(self, name: str, total: int | None = None) -> None:
        """A stage begins (and the one before it is over); ``total``: how many steps it will count, if known."""

    def advance(self, steps: int = 1) -> None:
        """``steps`` more steps of the current stage are done."""

    def close(self) -> None:
        """The work is over (or failed): take the display off the terminal."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


SILENT = Progress()


def on_terminal(stream=None, quiet: bool = False) -> Progress:
    """A display on ``stream`` (stderr) when it is a terminal and not ``quiet``; else ``SILENT``."""
    stream = stream if stream is not None else sys.stderr
    try:
        interactive = stream.isatty()
    except (AttributeError, ValueError):  # closed, or not a real file
        interactive = False
    return TerminalProgress(stream) if interactive and not quiet else SILENT


class TerminalProgress(Progress):
    """Stages, with a count and a bar where the total is known, drawn by rich on ``stream``.

    ``stage`` and ``advance`` only note what they are told (``advance`` adds to
    an integer, so the build's loops pay nothing noticeable); rich's refresh
    thread reads the notes five times a second. The display starts only once
    the work has taken ``SHOW_AFTER`` seconds, so short commands neither flash
    it nor pay for importing rich.
    """

    def __init__(self, stream, show_after: float = SHOW_AFTER):
        self.stream = stream
        self.stages: list[list] = []  # [name, total, started, ended or None]
        self.done = 0  # steps of the current stage
        self._lock = threading.Lock()  # between the caller and the thread that starts the display
        self._display = None
        self._closed = False
        self._timer = threading.Timer(show_after, self._show)
        self._timer.daemon = True
        self._timer.start()

    def stage(self, name: str, total: int | None = None) -> None:
        now = time.monotonic()
        with self._lock:
            if self.stages:
                self.stages[-1][3] = now
            self.stages.append([name, total, now, None])
            self.done = 0

    def advance(self, steps: int = 1) -> None:
        self.done += steps

    def close(self) -> None:
        self._timer.cancel()
        with self._lock:
            self._closed = True
            if self._display is not None:
                self._display.stop()
                self._display = None

    def _show(self) -> None:  # on the timer's thread
        from rich.console import Console
        from rich.live import Live
        from rich.progress import BarColumn, Progress as Tasks, SpinnerColumn, TextColumn

        tasks = Tasks(SpinnerColumn(finished_text="[green]✓"), TextColumn("{task.description}"),
                      BarColumn(bar_width=30), TextColumn("{task.fields[count]}"), TextColumn("[dim]{task.fields[seconds]}"))
        reporter = self

        class View:
            def __rich__(self):  # each refresh: the reporter's notes into rich's tasks, then drawn
                reporter._sync(tasks)
                return tasks.make_tasks_table(tasks.tasks)

        display = Live(View(), console=Console(file=self.stream), transient=True, refresh_per_second=5,
                       redirect_stdout=False, redirect_stderr=False)  # stdout is the command's, untouched
        with self._lock:
            if self._closed:
                return
            self._display = display
            display.start()

    def _sync(self, display) -> None:
        now = time.monotonic()
        tasks = display.task_ids
        for number, (name, total, started, ended) in enumerate(list(self.stages)):
            current = number == len(self.stages) - 1
            done = self.done if current else (total or 1)
            count = f"{done:,}/{total:,}" if total else ""
            seconds = f"{(ended or now) - started:.1f} s"
            if number == len(tasks):
                tasks.append(display.add_task(name, total=total, count=count, seconds=seconds))
            finished = ended is not None
            display.update(tasks[number], total=(total or 1) if finished else total,
                           completed=(total or 1) if finished else done, count=count, seconds=seconds)
