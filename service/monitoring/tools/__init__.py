"""Monitoring tools (issue 17): questionnaires per instrument and period that member countries answer."""
