"""The QR code of the pads' join address, as a matrix of modules (pure: no pygame).

Encoded with segno (a small, pure-Python QR encoder without dependencies). The address is the
pad server's (``PadServer.url``: http://<LAN address>:<port>/#<room code>); a phone's camera opens
it and the page joins the room without typing the code. Error correction M (15 % of the symbol
may be lost: a projector's glare, a blurry phone camera) and never a Micro QR (phones' cameras
do not all read those). :mod:`game.ui.qr` draws it.
"""

from __future__ import annotations

from dataclasses import dataclass

QUIET_ZONE = 4  # modules of light margin around the symbol, as the QR standard asks


@dataclass(frozen=True)
class QRMatrix:
    data: str  # what the symbol encodes
    version: int  # 1..40: the symbol has 17 + 4 × version modules a side
    error: str  # "L", "M", "Q" or "H"
    mode: str  # segno's encoding mode: "byte", "alphanumeric"…
    modules: tuple[tuple[bool, ...], ...]  # rows of modules, True = dark; without the quiet zone

    @property
    def size(self) -> int:
        return len(self.modules)

    def dark(self, row: int, col: int) -> bool:
        return self.modules[row][col]


def join_url(host: str, port: int, room_code: str) -> str:
    """The address a pad opens. The room code is the URL's fragment: the browser never sends it in
    a request, so it is in no log and no Referer header; the page reads it and joins."""
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 address
    return f"http://{host}:{port}/#{room_code}"


def qr_matrix(url: str, error: str = "m") -> QRMatrix:
    """The QR code of ``url`` (error correction M unless told)."""
    import segno  # lazy for memory/start-up (about 2 MiB): only a join panel draws a QR code

    code = segno.make(url, error=error, micro=False, boost_error=False)
    modules = tuple(tuple(bool(m) for m in row) for row in code.matrix)
    return QRMatrix(url, int(code.version), str(code.error), str(code.mode), modules)
