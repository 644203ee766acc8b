"""Save the README screenshot (assets/screenshot.svg) with the app's own screenshot function.

python tests/tools/screenshot.py
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from tui.app import ThreadlineApp

ASSETS = Path(__file__).resolve().parents[2] / "assets"


async def main() -> None:
    app = ThreadlineApp()
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.main_screen.indexed:
            await pilot.pause(0.05)
        await pilot.press("down", "down", "enter", "j", "j")
        await pilot.pause(0.5)
        app.save_screenshot(filename="screenshot.svg", path=str(ASSETS))


if __name__ == "__main__":
    asyncio.run(main())
