"""`python -m migobs` runs the command-line interface."""

from migobs.cli import main

main()
