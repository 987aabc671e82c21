"""The tamper-evident audit trail (issue 6).

Every create, update and delete of a synced record is recorded by the flush hook
(`hook.record_changes`, called from the outbox hook); other events are recorded with
`record(session, action, detail)`: print, export, sync, and sign-in once it exists. Entries
say who (`session.info["actor"]`, which sign-in is to fill), when, what, and the before and
after values of the changed fields with personal data redacted. They form a hash chain that
`verify` checks, and travel to central as the synced kind `audit_entries`.
"""

from station.audit.chain import ACTOR_KEY, record
from station.audit.trail import TrailEntry, browse, choices
from station.audit.verify import BadEntry, verify

__all__ = ["ACTOR_KEY", "BadEntry", "TrailEntry", "browse", "choices", "record", "verify"]
