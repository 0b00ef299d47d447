"""Regenerate the README's screenshots: a throwaway server with the seeded bank, real Chromium.

Run with `make screenshots`. Needs Debian's chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 860}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    var = tempfile.mkdtemp(prefix="quizapp-shots-")
    env = {**os.environ, "DEBUG": "1", "QUIZAPP_VAR_DIR": var}
    env.pop("DATABASE_URL", None)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_seed_bank")
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        "User.objects.create_user('meera', 'meera@example.com', 'correct-horse-battery')",
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            shoot(browser, base)
            browser.close()
    finally:
        server.terminate()
        server.wait()
    print(f"Screenshots written to {OUT.relative_to(ROOT)}/")


def log_in(page) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("meera")
    page.get_by_label("Password:").fill("correct-horse-battery")
    page.get_by_role("button", name="Log in").click()


def shoot(browser, base: str) -> None:
    phone = browser.new_context(viewport=PHONE, base_url=base, device_scale_factor=1)
    page = phone.new_page()
    log_in(page)
    page.goto("/")
    page.screenshot(path=OUT / "home-phone.png")
    # After-each-question feedback, on a phone.
    page.goto("/quizzes/quick-five/")
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_selector("html[data-quiz-ready]", state="attached")
    expect(page.get_by_role("timer")).to_be_visible()
    page.wait_for_timeout(2200)
    page.screenshot(path=OUT / "question-phone.png", full_page=True)
    page.get_by_role("radio").nth(1).click()
    expect(page.locator(".verdict")).to_be_visible()
    page.screenshot(path=OUT / "feedback-phone.png", full_page=True)
    phone.close()

    desktop = browser.new_context(viewport=DESKTOP, base_url=base)
    page = desktop.new_page()
    log_in(page)
    page.goto("/quizzes/india-japan-relations/")
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_selector("html[data-quiz-ready]", state="attached")
    expect(page.get_by_role("timer")).to_be_visible()
    page.wait_for_timeout(3200)
    page.screenshot(path=OUT / "question-desktop.png")
    for number in range(20):
        expect(page.get_by_role("heading", name=f"Question {number + 1} of 20")).to_be_visible()
        if number % 5 == 4:
            page.get_by_role("button", name="Skip").click()
        else:
            page.get_by_role("radio").nth(number % 4).click()
    expect(page.get_by_role("heading", name="Results: India–Japan Relations")).to_be_visible()
    page.screenshot(path=OUT / "results-desktop.png")
    page.goto("/me/scores/")
    page.screenshot(path=OUT / "scores-desktop.png", full_page=True)
    desktop.close()


if __name__ == "__main__":
    main()
