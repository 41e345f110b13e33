"""Face: the dashboard pages. Imports anything below; nothing imports it."""
