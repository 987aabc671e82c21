"""Getting records to central and back: the outbox now, push and pull from issue 5."""
