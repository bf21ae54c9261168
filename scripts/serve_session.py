"""`thidua serve` for the scripts that drive it (check-serve-kill, check-browser,
bench/serve): a free port, the server started with its first password read off its
console, and a signed-in session over urllib."""
import http.cookiejar
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(thidua, data, port, *extra):
    """The server process, once it listens, and the one-time password it printed (None
    when the workspace already had accounts)."""
    server = subprocess.Popen([thidua, "serve", "--data", data, "--port", str(port), *extra],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    password = None
    for line in server.stdout:
        found = re.search(r"một lần: (\S+) ", line)
        password = found.group(1) if found else password
        if line.startswith("Mở http"):
            break
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server, password
        except OSError:
            time.sleep(0.05)
    sys.exit("the server did not start")


def sign_in(port, password, name="admin"):
    """An opener holding the session's cookie, and the inbox page's CSRF token."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    base = f"http://127.0.0.1:{port}"
    page = opener.open(base + "/login").read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    opener.open(base + "/login", urllib.parse.urlencode({"_csrf": token, "name": name, "password": password}).encode())
    page = opener.open(base + "/").read().decode()
    return opener, re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
