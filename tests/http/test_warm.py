"""The app does its one-off work when it starts, not on its first request: every template is
compiled and every language's messages are read before the first visitor arrives."""

from __future__ import annotations

import asyncio
import gc

from migobs.app import create_app
from migobs.config import Settings
from migobs.i18n import LANGUAGES
from migobs.i18n.messages import translations
from migobs.web.templating import templates


def test_starting_the_app_compiles_the_templates_and_reads_every_language(
    settings: Settings,
) -> None:
    translations.cache_clear()
    assert templates.env.cache is not None
    templates.env.cache.clear()
    app = create_app(settings)
    assert translations.cache_info().currsize == 0 and len(templates.env.cache) == 0

    async def started() -> None:
        async with app.router.lifespan_context(app):
            assert translations.cache_info().currsize == len(LANGUAGES)
            compiled = {name for _, name in templates.env.cache}
            assert compiled == set(templates.env.list_templates())
            assert gc.get_freeze_count() > 0  # what start-up made is left out of collections

    asyncio.run(started())
    gc.unfreeze()
