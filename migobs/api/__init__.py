"""The REST API (FastAPI). A face: imports anything below it; nothing imports it."""
