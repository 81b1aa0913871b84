"""Allow ``python -m medlint``."""
from .cli import main

main()
