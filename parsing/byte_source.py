"""What the line scanners around a split point can read: bytes in memory or a read-only map.

`threadline stats` finds where to cut a big file in two on a map of it, before either half is
copied into memory; the functions that look at the lines near the cut accept either.
"""

from __future__ import annotations

import mmap

ByteSource = bytes | bytearray | mmap.mmap
