"""A lean asyncio HTTP/1.1 client for the load benchmark, on the standard library alone.

The client shares this 2-core box with the server it measures, so every
millisecond of its CPU is a millisecond the server does not get. httpx spends
about 4 ms of CPU per request here (its connection pool, h11, cookie and URL
handling); this client opens a connection, writes the request, reads to the end
and parses the head: a few hundred microseconds. It speaks exactly what the
benchmark needs: one request per connection (`Connection: close`; gunicorn's
sync workers close after every response anyway), form-encoded bodies,
Content-Length or chunked responses, no redirects followed.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlencode, urlsplit


class TransportError(Exception):
    """The request got no complete response: refused, reset, cut short or timed out."""


class Headers:
    """Response headers by lower-cased name, keeping repeats (Set-Cookie)."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._pairs = pairs

    def get_list(self, name: str) -> list[str]:
        name = name.lower()
        return [value for key, value in self._pairs if key == name]

    def get(self, name: str, default: str | None = None) -> str | None:
        found = self.get_list(name)
        return found[0] if found else default

    def __getitem__(self, name: str) -> str:
        found = self.get_list(name)
        if not found:
            raise KeyError(name)
        return found[0]


class Response:
    def __init__(self, status_code: int, headers: Headers, content: bytes) -> None:
        self.status_code, self.headers, self.content = status_code, headers, content


def _dechunk(body: bytes) -> bytes:
    out, at = bytearray(), 0
    while True:
        end = body.find(b"\r\n", at)
        if end == -1:
            raise TransportError("chunked body cut short")
        size = int(body[at:end].split(b";")[0], 16)
        if size == 0:
            return bytes(out)
        out += body[end + 2 : end + 2 + size]
        at = end + 2 + size + 2


def parse(raw: bytes) -> Response:
    head, separator, body = raw.partition(b"\r\n\r\n")
    if not separator:
        raise TransportError("response cut short before its body")
    lines = head.decode("latin-1").split("\r\n")
    try:
        status = int(lines[0].split(" ", 2)[1])
    except (IndexError, ValueError):
        raise TransportError(f"malformed status line: {lines[0]!r}") from None
    pairs = []
    for line in lines[1:]:
        name, _, value = line.partition(":")
        pairs.append((name.strip().lower(), value.strip()))
    headers = Headers(pairs)
    if "chunked" in (headers.get("transfer-encoding") or "").lower():
        body = _dechunk(body)
    elif (length := headers.get("content-length")) is not None and len(body) != int(length):
        raise TransportError(f"body of {len(body)} bytes, {length} announced")
    return Response(status, headers, body)


class Client:
    """At most ``connections`` requests in flight; each on its own connection."""

    def __init__(self, connections: int, timeout: float = 120.0) -> None:
        self.gate = asyncio.Semaphore(connections)
        self.timeout = timeout

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(self, *exc) -> None:
        return None

    async def request(
        self, method: str, url: str, *, data: dict | None = None, headers: dict | None = None
    ) -> Response:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        body = urlencode(data).encode() if data is not None else b""
        lines = [f"{method} {path} HTTP/1.1", f"Host: {parts.netloc}", "Connection: close"]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        if method != "GET":
            lines.append("Content-Type: application/x-www-form-urlencoded")
            lines.append(f"Content-Length: {len(body)}")
        message = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
        async with self.gate:
            try:
                raw = await asyncio.wait_for(
                    self._exchange(parts.hostname, parts.port, message), self.timeout
                )
            except (OSError, TimeoutError, asyncio.IncompleteReadError) as error:
                raise TransportError(f"{type(error).__name__}: {error}") from error
        return parse(raw)

    @staticmethod
    async def _exchange(host: str, port: int, message: bytes) -> bytes:
        reader, writer = await asyncio.open_connection(host, port)
        try:
            writer.write(message)
            return await reader.read()  # to the end: the server closes the connection
        finally:
            writer.close()
