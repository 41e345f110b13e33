"""The REST API (FastAPI). A face: imports anything below it but the dashboard (`migobs.web`);
only `migobs.app` imports it."""
