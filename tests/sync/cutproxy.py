"""A loopback TCP proxy that cuts a connection after a chosen number of bytes, for the
connection-cut tests of the sync.

The kiosk connects to the proxy instead of PostgreSQL. Armed with a `Cut`, the proxy
forwards each new connection until the cut's byte offset in one direction (kiosk to
central, "up", or central to kiosk, "down") is reached, forwards the bytes before that
offset, and then drops both sides: with a FIN, or with a RST when the cut is abrupt. That
is what a flaky mobile link or a pulled cable does to a sync, at any point of the protocol,
including between a COMMIT reaching the server and its answer reaching the kiosk.

One thread per connection multiplexes both directions with select(), so a cut closes
sockets in the thread that owns them.
"""

from __future__ import annotations

import contextlib
import select
import socket
import struct
import threading
from dataclasses import dataclass, field

UP = "up"
DOWN = "down"
CHUNK = 65536
POLL_S = 0.1


@dataclass(frozen=True)
class Cut:
    """Drop the connection once `offset` bytes went `direction` (UP or DOWN), counted from
    its first byte, or from the moment the client reports reaching the part `after`."""

    direction: str
    offset: int
    abrupt: bool = False
    after: str | None = None


@dataclass
class Traffic:
    """Bytes one connection carried each way, and whether the proxy cut it."""

    plan: Cut | None = None
    up: int = 0
    down: int = 0
    cut: bool = False
    # The counts the cut's offset adds to: set at the start, or when `after` is reached.
    base: dict[str, int] | None = None


@dataclass
class CutProxy:
    """Listens on 127.0.0.1 (an ephemeral port) and forwards to `target`."""

    target: tuple[str, int]
    connections: list[Traffic] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._plan: Cut | None = None
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(POLL_S)
        self.port: int = self._listener.getsockname()[1]
        self._start(self._accept)

    def arm(self, cut: Cut | None) -> None:
        """Cut every connection opened from now on this way; None lets them through."""
        with self._lock:
            self._plan = cut

    def reached(self, part: str) -> None:
        """The client says it starts `part`: cuts waiting for it count bytes from here."""
        with self._lock:
            for traffic in self.connections:
                if traffic.plan is not None and traffic.plan.after == part and not traffic.base:
                    traffic.base = {UP: traffic.up, DOWN: traffic.down}

    def close(self) -> None:
        """Stop accepting, end every connection, and wait for the threads."""
        self._stopping.set()
        for thread in self._threads:
            thread.join(timeout=5)
        self._listener.close()

    def _start(self, target: object, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)  # type: ignore[arg-type]
        self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                kiosk, _ = self._listener.accept()
            except TimeoutError:
                continue
            try:
                central = socket.create_connection(self.target, timeout=5)
            except OSError:
                kiosk.close()
                continue
            with self._lock:
                traffic = Traffic(self._plan)
                if traffic.plan is not None and traffic.plan.after is None:
                    traffic.base = {UP: 0, DOWN: 0}
                self.connections.append(traffic)
            self._start(self._pump, kiosk, central, traffic)

    def _pump(self, kiosk: socket.socket, central: socket.socket, traffic: Traffic) -> None:
        ends = {kiosk: (central, UP), central: (kiosk, DOWN)}
        plan = traffic.plan
        try:
            if plan is not None and traffic.base is not None and plan.offset == 0:
                self._drop(kiosk, central, plan, traffic)
                return
            while not self._stopping.is_set():
                ready, _, _ = select.select(list(ends), [], [], POLL_S)
                for source in ready:
                    sink, direction = ends[source]
                    data = source.recv(CHUNK)
                    if not data:
                        return  # one side closed: the other is closed in `finally`
                    sent = getattr(traffic, direction)
                    base = traffic.base
                    if plan is not None and base is not None and plan.direction == direction:
                        limit = base[direction] + plan.offset
                        if sent + len(data) >= limit:
                            setattr(traffic, direction, max(limit, sent))
                            sink.sendall(data[: max(limit - sent, 0)])
                            self._drop(kiosk, central, plan, traffic)
                            return
                    # Counted before it is sent: once the client has it, `reached` sees it.
                    setattr(traffic, direction, sent + len(data))
                    sink.sendall(data)
        except OSError:
            return  # a side reset its end: the connection is over
        finally:
            kiosk.close()
            central.close()

    @staticmethod
    def _drop(kiosk: socket.socket, central: socket.socket, plan: Cut, traffic: Traffic) -> None:
        traffic.cut = True
        for sock in (kiosk, central):
            if plan.abrupt:
                # Linger on, timeout 0: close() sends a RST instead of a FIN.
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            else:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            sock.close()
