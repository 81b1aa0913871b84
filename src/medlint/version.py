"""medlint's version, in a module that imports nothing (start-up, and any floor may read it)."""

__version__ = "0.1.0"
