"""kg push against hostile servers on 127.0.0.1: trickling, endless, not HTTP, control characters in what they say."""
from __future__ import annotations

import socket
import threading
import time

import pytest


def _read_request(connection) -> None:
    """Read a request's headers and its body (by Content-Length), so the client is free to wait for an answer."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), 0)
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            return
        body += chunk


def trickle(connection):
    connection.sendall(b"HTTP/1.1 200 OK\r\n")
    while True:  # a header byte every half second: each read is quick, the answer never ends
        connection.sendall(b"X")
        time.sleep(0.5)


def endless(connection):
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
    block = b"x" * 65536
    while True:
        connection.sendall(block)


def not_http(connection):
    connection.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")


def escapes(connection):
    connection.sendall(b"HTTP/1.1 500 \x1b[2J\x1b]0;owned\x07Oops\x1b[31m\r\nContent-Length: 0\r\n\r\n")


@pytest.fixture
def hostile_server():
    """Start a server on 127.0.0.1 that answers each PUT as ``behaviour`` does; return its store URL."""
    listeners = []

    def start(behaviour):
        listener = socket.create_server(("127.0.0.1", 0))
        listeners.append(listener)

        def serve_one(connection):
            with connection:
                try:
                    _read_request(connection)
                    behaviour(connection)
                except OSError:
                    pass  # the client hung up: what we wanted

        def accept():
            while True:
                try:
                    connection, _ = listener.accept()
                except OSError:
                    return
                threading.Thread(target=serve_one, args=(connection,), daemon=True).start()

        threading.Thread(target=accept, daemon=True).start()
        return f"http://127.0.0.1:{listener.getsockname()[1]}/store"

    yield start
    for listener in listeners:
        listener.close()


def test_push_to_a_trickling_server_stops_at_its_deadline(kg, shipped, hostile_server):
    url = hostile_server(trickle)
    began = time.monotonic()
    result = kg("push", "--endpoint", url, "--timeout", "2", "--out", shipped.out)
    assert time.monotonic() - began < 6
    assert result.exit_code == 2
    assert result.stderr == f"kg: error: {url} did not take the graphs within 2 s (--timeout allows more)\n"


def test_push_reads_only_the_start_of_an_endless_answer(kg, shipped, hostile_server):
    url = hostile_server(endless)
    began = time.monotonic()
    result = kg("push", "--endpoint", url, "--timeout", "30", "--out", shipped.out)
    assert result.exit_code == 0, result.stderr
    assert result.output.startswith("Pushed 8 graphs")  # five articles, the gazetteer, the base regions, the ontology
    assert time.monotonic() - began < 10


def test_push_to_something_that_is_not_http_is_one_clear_line(kg, shipped, hostile_server):
    url = hostile_server(not_http)
    result = kg("push", "--endpoint", url, "--timeout", "10", "--out", shipped.out)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kg: error: {url} does not answer as an HTTP server does (BadStatusLine")
    assert "internal error" not in result.stderr and result.stderr.count("\n") == 1


def test_push_prints_what_a_server_says_with_its_control_characters_made_visible(kg, shipped, hostile_server):
    url = hostile_server(escapes)
    result = kg("push", "--endpoint", url, "--timeout", "10", "--out", shipped.out)
    assert result.exit_code == 2
    assert "HTTP 500 \\x1b[2J\\x1b]0;owned\\x07Oops\\x1b[31m" in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


@pytest.mark.parametrize("value", ["nan", "inf", "0"])
def test_push_timeout_must_be_a_real_number_of_seconds(kg, shipped, value):
    result = kg("push", "--endpoint", "http://127.0.0.1:9/store", "--timeout", value, "--out", shipped.out)
    assert result.exit_code == 2 and "Invalid value for '--timeout'" in result.stderr
