"""medlint's version and home, in a module that imports nothing (start-up, and any floor may read it)."""

__version__ = "0.1.0"
#: The distribution name on package indexes: "medlint" there is an unrelated project.
DISTRIBUTION = "medlint-cli"
#: Where medlint's source and documentation live (SARIF informationUri, rule links, `medlint init`).
HOMEPAGE = "https://github.com/medlint/medlint"
