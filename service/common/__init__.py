"""Small pure helpers shared by every area (no Flask, no ORM)."""
