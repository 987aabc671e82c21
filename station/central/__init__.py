"""The central database of the county office: station directory, shared data, and the exchange
every kiosk's end-of-day sync talks to (PostgreSQL, or a SQLite file for a one-machine demo)."""
