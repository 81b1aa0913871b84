"""medlint as a language server (``medlint lsp``): live diagnostics, quick fixes, vocabulary and rule help.

Needs the ``lsp`` extra (pygls and lsprotocol); the core install does not.
:mod:`.positions` and :mod:`.edits` are plain Python (no pygls) and hold what
the server computes; :mod:`.workspace` keeps one :class:`~medlint.pipeline.Run`
per workspace folder and its site index; :mod:`.server` speaks the protocol.
"""
