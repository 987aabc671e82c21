"""Red Post Station core: the offline store, the desks' services, sync and the CLI. No Qt here."""

__version__ = "0.1.0"
