"""Translations of the texts people type (titles, agenda, agreements, recommendations…) into the other language."""
