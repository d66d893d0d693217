"""The build cache: compiled sources in packs, found through an append-only index, pruned once a day."""
from __future__ import annotations

import multiprocessing
import os
import time

from graph.cache import CACHE_DIR, INDEX, PACK, Cache

WEEKS_AGO = time.time() - 30 * 86400


def packs(root):
    return sorted(p.name for p in (root / CACHE_DIR).iterdir() if p.name.startswith(PACK))


def age(root, written=WEEKS_AGO):
    """Make every entry and pack look old: written a month ago, not touched since."""
    for index in (root / CACHE_DIR).glob(f"{INDEX}*"):
        lines = [line.rsplit(" ", 1)[0] + f" {int(written)}" for line in index.read_text().splitlines()]
        index.write_text("".join(line + "\n" for line in lines))
    for pack in packs(root):
        os.utime(root / CACHE_DIR / pack, (written, written))
    (root / CACHE_DIR / ".pruned").unlink(missing_ok=True)


def test_what_a_worker_puts_is_found_by_the_next_build(tmp_path):
    with Cache(tmp_path, tmp_path / "out") as cache:
        cache.put("mine", {"made": "here"})
        receiver, sender = multiprocessing.get_context("fork").Pipe(duplex=False)
        worker = multiprocessing.get_context("fork").Process(
            target=lambda: sender.send(cache.put("theirs", {"made": "in a worker"})))
        worker.start()
        cache.record(receiver.recv())
        worker.join()
        assert cache.get("theirs") == {"made": "in a worker"}
    assert len(packs(tmp_path)) == 2  # one a process
    again = Cache(tmp_path, tmp_path / "out")
    assert again.get("mine") == {"made": "here"} and again.get("theirs") == {"made": "in a worker"}
    assert again.get("nobody's") is None


def test_a_torn_index_line_loses_only_that_entry(tmp_path):
    with Cache(tmp_path, tmp_path / "out") as cache:
        cache.put("aa01", 1)
        cache.put("aa02", 2)
        cache.put("bb01", 3)
    index = tmp_path / CACHE_DIR / f"{INDEX}aa"
    index.write_bytes(index.read_bytes()[:-5])  # a crash in the middle of the last append
    again = Cache(tmp_path, tmp_path / "out")
    assert (again.get("aa01"), again.get("aa02"), again.get("bb01")) == (1, None, 3)


def test_pruning_forgets_old_unused_entries_and_moves_the_rest_out_of_mostly_dead_packs(tmp_path):
    with Cache(tmp_path, tmp_path / "out") as cache:
        for number in range(10):
            cache.put(f"key{number}", "x" * 1000 + str(number))
    [old_pack] = packs(tmp_path)
    age(tmp_path)
    with Cache(tmp_path, tmp_path / "out") as cache:
        cache.prune({"key3"})
    assert old_pack not in packs(tmp_path) and len(packs(tmp_path)) == 1
    again = Cache(tmp_path, tmp_path / "out")
    assert again.get("key3") == "x" * 1000 + "3"
    assert [again.get(f"key{number}") for number in range(10) if number != 3] == [None] * 9
    assert sum(len(index.read_text().splitlines()) for index in (tmp_path / CACHE_DIR).glob(f"{INDEX}*")) == 1


def test_pruning_leaves_a_pack_a_running_build_may_be_writing(tmp_path):
    with Cache(tmp_path, tmp_path / "out") as cache:
        for number in range(10):
            cache.put(f"key{number}", number)
    age(tmp_path)
    pack = tmp_path / CACHE_DIR / packs(tmp_path)[0]
    os.utime(pack, None)  # written just now
    with Cache(tmp_path, tmp_path / "out") as cache:
        cache.prune({"key3"})
    assert pack.exists()
    assert Cache(tmp_path, tmp_path / "out").get("key3") == 3


def test_pruning_is_done_once_a_day(tmp_path):
    with Cache(tmp_path, tmp_path / "out") as cache:
        cache.put("key", 1)
    age(tmp_path)
    with Cache(tmp_path, tmp_path / "out") as cache:
        cache.prune({"key"})
    age(tmp_path)
    (tmp_path / CACHE_DIR / ".pruned").touch()
    with Cache(tmp_path, tmp_path / "out") as cache:
        cache.prune(set())  # pruned less than a day ago: nothing is looked at
    assert Cache(tmp_path, tmp_path / "out").get("key") == 1
