"""Getting records to central and back (the end-of-day sync, DESIGN.md rules 1-8).

Entry point: `station.sync.run.sync(store, progress)` -> SyncReport. The parts: outbox (the
session hook that queues every change), codec (ORM rows <-> wire rows), push, pull, check,
link and secret (where central is and its password), connect (`redpost connect`), issues
(what the lead must see), state (watermark, epoch, last run in the settings table).
"""
