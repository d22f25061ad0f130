"""The year at a glance: quarters without an ordinary meeting, the pre-PPT window, report due dates."""
