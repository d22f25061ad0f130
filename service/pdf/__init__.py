"""PDF work as pure functions over bytes: facts about a file, merging, PDF/A finishing. No Flask, no ORM."""
