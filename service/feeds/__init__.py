"""Calendar feeds: secret-URL subscriptions, per-meeting downloads, feed tokens."""
