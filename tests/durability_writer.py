"""Child process of the durability test: saves inquiries and prints each id once committed."""

from __future__ import annotations

import sys

from station.services import inquiries
from station.store import open_store


def main(folder: str) -> None:
    with open_store(folder) as store:
        print("ready", flush=True)
        while True:
            with store.transaction() as session:
                made = inquiries.create(
                    session, category="directions", question="驼背桥怎么走？", answer="往东三百米。"
                )
                ticket = made.ticket_no
            # Only now, after COMMIT returned, is the record acknowledged to the "volunteer".
            print(ticket, flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
