"""The API tests run against the app served on loopback on the small warehouse."""

from tests.live import client, live_server, web_settings  # noqa: F401  (fixtures)
