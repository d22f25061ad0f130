"""One-time form tokens: a create form carries a random nonce; the record it creates is saved together with the
nonce, so the same form sent twice (Back, then submit; a double click) finds the first record instead of making
a second one. Kept in the database, not in a process, because several app hosts share one database."""
