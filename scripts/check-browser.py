#!/usr/bin/env python3
"""Drives `thidua serve` in a real browser (Chromium from Debian, through Selenium) as a
member of the Board's staff would: signs in as the first administrator, drops the sample
inbox on the inbox page, waits for every file's progress to finish, runs the review,
checks each file's fate, opens Hiệp Đức's page and its finding's source cell, and signs
out. Prints one line per problem and exits 1 if there is any.

    scripts/check-browser.py [THIDUA] [--screenshots DIR]

With --screenshots, the pages are saved as PNG pictures there (docs/screenshots/).
"""
import argparse
import os
import sys
import tempfile

from serve_session import free_port, start
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("thidua", nargs="?", default=os.path.join(ROOT, ".build/debug/thidua"))
    parser.add_argument("--screenshots")
    args = parser.parse_args()
    problems = []
    inbox = os.path.join(ROOT, "fixtures/inbox")
    files = sorted(os.path.join(inbox, name) for name in os.listdir(inbox))
    with tempfile.TemporaryDirectory() as scratch:
        port = free_port()
        server, password = start(args.thidua, os.path.join(scratch, "data"), port)
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000",
                     f"--user-data-dir={scratch}/chromium"):
            options.add_argument(flag)
        browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        wait = WebDriverWait(browser, 120)

        def shot(name):
            if args.screenshots:
                os.makedirs(args.screenshots, exist_ok=True)
                browser.save_screenshot(os.path.join(args.screenshots, name))

        try:
            base = f"http://127.0.0.1:{port}"
            browser.get(base + "/")
            if not browser.current_url.endswith("/login"):
                problems.append(f"a page without signing in showed {browser.current_url}, not the sign-in page")
            shot("dang-nhap.png")
            browser.find_element(By.NAME, "name").send_keys("admin")
            browser.find_element(By.NAME, "password").send_keys(password)
            browser.find_element(By.CSS_SELECTOR, "form.login button").click()
            wait.until(EC.presence_of_element_located((By.ID, "upload")))
            # Every file of the inbox dropped at once; each has its own progress bar.
            browser.find_element(By.CSS_SELECTOR, "#upload input[type=file]").send_keys("\n".join(files))
            wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#upload-list li.done, #upload-list li.failed"))
                       == len(files))
            failed = browser.find_elements(By.CSS_SELECTOR, "#upload-list li.failed")
            for row in failed:
                problems.append(f"upload failed: {row.text}")
            shot("tai-len.png")
            browser.find_element(By.XPATH, "//form[@action='/review']/button").click()
            wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.files tbody tr")))
            fates = {row.find_elements(By.TAG_NAME, "td")[0].text: row.find_elements(By.TAG_NAME, "td")[1].text
                     for row in browser.find_elements(By.CSS_SELECTOR, "table.files tbody tr")}
            expected = {"512-bao-cao-thi-dua-2017.xlsx": "Đã dùng", "ghi-chu.txt": "Không có biểu mẫu",
                        "hoa-vang-2017.xlsx": "Không rõ đơn vị hoặc năm"}
            for name, fate in expected.items():
                if fates.get(name) != fate:
                    problems.append(f"{name}: fate {fates.get(name)!r}, expected {fate!r}")
            if len(fates) != 36:
                problems.append(f"{len(fates)} files reviewed, 36 expected")
            shot("hop-thu.png")
            browser.find_element(By.LINK_TEXT, "512").click()
            wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.findings")))
            shot("don-vi.png")
            browser.find_element(By.LINK_TEXT, "C18").click()
            hit = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "td.hit")))
            if hit.text != "30.637":
                problems.append(f"the finding's cell shows {hit.text!r}, expected '30.637'")
            shot("o-nguon.png")
            browser.get(base + "/")
            browser.find_element(By.XPATH, "//form[@action='/logout']/button").click()
            wait.until(EC.presence_of_element_located((By.NAME, "password")))
            browser.get(base + "/")
            if not browser.current_url.endswith("/login"):
                problems.append("signed out, the inbox still showed")
        finally:
            browser.quit()
            server.terminate()
            server.wait()
    for p in problems:
        print(p)
    print(f"browser: signed in, {len(files)} files dropped and received, review run, "
          f"a finding opened at its cell, signed out; {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
