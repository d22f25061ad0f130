"""The audit log: who changed what, when, with each field's value before and after. Append-only."""
