"""The bundle's entry point: the `redpost` command (kiosk window, or a subcommand)."""

from station.cli import run

run()
