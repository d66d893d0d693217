"""A flood on `kg serve`, on 127.0.0.1 only: many clients looping a cheap query, then one real question.

    python3 bench/soak_serve.py --out /tmp/kg-out --clients 64 --seconds 25
    python3 bench/soak_serve.py --out /tmp/kg-out --oxigraph --seconds 10   # Oxigraph's own server, as kg serve was

Prints requests answered (and per second), statuses, client errors, the
server's peak threads and peak memory (its own RSS plus its query processes',
sampled every 0.2 s from /proc; "n/a" without /proc), and whether it answers a
real query afterwards. The clients run in 4 processes of their own so that
they, not the server, are the Python that waits.
"""
from __future__ import annotations

import argparse
import multiprocessing
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

QUERY = "ASK {}"
CHECK = "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post(url: str, query: str, timeout: float = 30) -> int:
    request = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Content-Type": "application/x-www-form-urlencoded",
                                              "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        response.read()
        return response.status


def clients(url: str, threads: int, until: float) -> Counter:
    """``threads`` clients looping QUERY until ``until`` (time.time()); what they got."""
    counts: Counter = Counter()
    lock = threading.Lock()

    def loop():
        while time.time() < until:
            try:
                outcome = str(post(url, QUERY))
            except urllib.error.HTTPError as error:
                outcome = str(error.code)
            except OSError as error:
                outcome = f"error: {type(getattr(error, 'reason', error)).__name__}"
            with lock:
                counts[outcome] += 1

    running = [threading.Thread(target=loop) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()
    return counts


def _tree(pid: int) -> list[int]:
    """The process and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def _status(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def sample(pid: int, stop: threading.Event, peaks: dict) -> None:
    while not stop.wait(0.2):
        if not Path("/proc").is_dir():
            return
        tree = _tree(pid)
        peaks["threads"] = max(peaks.get("threads", 0), _status(pid, "Threads"))
        peaks["processes"] = max(peaks.get("processes", 0), len(tree))
        peaks["rss_kib"] = max(peaks.get("rss_kib", 0), sum(_status(p, "VmRSS") for p in tree))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="a folder kg build wrote")
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=25)
    parser.add_argument("--oxigraph", action="store_true", help="flood Oxigraph's serve-read-only instead")
    args = parser.parse_args()

    port = free_port()
    if args.oxigraph:
        command = ["oxigraph", "serve-read-only", "--location", str((args.out / "store").resolve()),
                   "--bind", f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s", "30"]
    else:
        command = [sys.executable, "-m", "graph", "serve", "--port", str(port), "--out", str(args.out)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    for _ in range(100):
        try:
            post(url, QUERY, timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    peaks: dict = {}
    stop = threading.Event()
    watcher = threading.Thread(target=sample, args=(server.pid, stop, peaks))
    watcher.start()
    began = time.time()
    until = began + args.seconds
    share = [args.clients // 4 + (1 if n < args.clients % 4 else 0) for n in range(4)]
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        counts = sum(pool.starmap(clients, [(url, n, until) for n in share if n]), Counter())
    elapsed = time.time() - began
    stop.set()
    watcher.join()
    alive = server.poll() is None
    try:
        after = f"yes (HTTP {post(url, CHECK, timeout=30)})"
    except (OSError, urllib.error.HTTPError) as error:
        after = f"no ({error})"
    server.terminate()
    server.wait(10)

    answered = sum(n for outcome, n in counts.items() if outcome.isdigit())
    print(f"server: {'oxigraph serve-read-only' if args.oxigraph else 'kg serve'}; {args.clients} clients "
          f"looping {QUERY!r} on 127.0.0.1 for {elapsed:.1f} s")
    print(f"requests answered: {answered} ({answered / elapsed:.0f}/s); by status: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if k.isdigit()))
    print(f"client errors: {sum(n for k, n in counts.items() if not k.isdigit())} "
          + " ".join(f"[{k}: {v}]" for k, v in sorted(counts.items()) if not k.isdigit()))
    if peaks:
        print(f"server peak: {peaks['threads']} threads, {peaks['processes']} processes, "
              f"{peaks['rss_kib'] / 1024:.0f} MiB resident (with its query processes)")
    else:
        print("server peak: n/a (no /proc)")
    print(f"server alive at the end: {'yes' if alive else 'no'}; answers a real query afterwards: {after}")


if __name__ == "__main__":
    main()
