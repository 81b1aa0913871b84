"""Positions between medlint (1-based lines, columns in code points) and LSP (0-based, in the
negotiated code units: UTF-16 unless the client offered another), over medlint's own line index
(LF, CRLF and CR all end a line), so both sides count lines the same way."""
from __future__ import annotations

import bisect

from ..markup.model import line_starts

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str = UTF16) -> int:
    """The length of *text* in the code units of *encoding*."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class LineIndex:
    """One text's line starts, to convert offsets and positions both ways."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = line_starts(text)

    def _line_end(self, line: int) -> int:
        """The offset just past line *line* (0-based), before its line ending."""
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        while end > self.starts[line] and self.text[end - 1] in "\r\n":
            end -= 1
        return end

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) of a code-point offset, both 0-based, character in code units."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, units(self.text[self.starts[line]:offset], self.encoding)

    def from_medlint(self, line: int, column: int) -> tuple[int, int]:
        """A medlint (1-based line, 1-based code-point column) as an LSP (line, character)."""
        return self.position(self.offset_of_medlint(line, column))

    def offset_of_medlint(self, line: int, column: int) -> int:
        line = max(1, min(line, len(self.starts)))
        return min(self.starts[line - 1] + column - 1, len(self.text))

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position; past the end of a line means its end."""
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[max(line, 0)], self._line_end(max(line, 0))
        if self.encoding == UTF32:
            return min(start + character, end)
        count = 0
        for index in range(start, end):
            if count >= character:
                return index
            count += units(self.text[index], self.encoding)
        return end
