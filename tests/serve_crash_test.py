#!/usr/bin/env python3
"""kill -9 of `passend serve` during bursts of writes: nothing acknowledged is lost.

    python3 tests/serve_crash_test.py build/passend [ROUNDS]

Generates a Zuid-Limburg region (seed 5) with the demo accounts and an access-log key in a
temporary directory. Then, ROUNDS times (default 10): starts `passend serve --port 0
--audit-key KEY --secure-cookies` on loopback, runs writers on 6 threads (logins: a session each;
consents given by the demo client; reads of the client's dossier: an access log entry
each), kills the server with SIGKILL a random 0.3-1.2 s after all have logged in, and checks the
database file with Python's sqlite3 module:

  - every write the server acknowledged (200/201 answered) is in the database: each
    session by the SHA-256 of its cookie, each consent by its id;
  - PRAGMA integrity_check answers ok;
  - `passend audit verify --audit-key KEY` passes (the keyed chain is whole).

It also checks that the session cookie carries Secure with --secure-cookies (issue 23,
item 13). The last line is `N rounds, A acknowledged writes, 0 lost` on success; the exit
status is non-zero on any loss or failed check, or when fewer than MIN_ACKED writes were
acknowledged in all (no vacuous pass).
"""

import hashlib
import http.client
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

MIN_ACKED = 200
START_TIMEOUT = 120
WRITERS = 6


def run(binary, *args, check=True):
    r = subprocess.run([binary, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, errors="replace")
    if check and r.returncode != 0:
        raise RuntimeError("passend %s: exit %d\n%s" % (" ".join(args), r.returncode, r.stdout))
    return r


def demo_logins(text):
    """role -> (email, password, bound_to) from `passend user demo`."""
    out = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3 and "@" in parts[1]:
            out[parts[0]] = (parts[1], parts[2], " ".join(parts[3:]))
    return out


class Server:
    def __init__(self, binary, db, key):
        self.proc = subprocess.Popen(
            [binary, "serve", "--db", db, "--port", "0", "--bind", "127.0.0.1", "--threads", "8",
             "--audit-key", key, "--secure-cookies"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, errors="replace")
        self.port = None
        self.lines = []
        self.started = threading.Event()
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        for line in self.proc.stderr:
            self.lines.append(line.rstrip("\n"))
            if self.port is None:
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue
                if isinstance(entry, dict) and entry.get("event") == "server_started":
                    self.port = int(entry["port"])
                    self.started.set()
        self.started.set()

    def wait(self):
        if not self.started.wait(START_TIMEOUT) or self.port is None:
            raise RuntimeError("serve did not start:\n" + "\n".join(self.lines[-20:]))
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                if request(self.port, "GET", "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("serve did not answer /healthz")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()


def request(port, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        h = {"Content-Type": "application/json"}
        h.update(headers or {})
        conn.request(method, path, body=None if body is None else json.dumps(body), headers=h)
        r = conn.getresponse()
        return r.status, r.getheader("Set-Cookie") or "", r.read()
    finally:
        conn.close()


def login(port, email, password):
    status, cookie, body = request(port, "POST", "/api/v1/auth/login",
                                   {"email": email, "password": password})
    if status != 200:
        return None
    return cookie, json.loads(body)["csrf_token"]


def burst(port, logins, client_id, provider_org, ready, stop, acked, failures):
    """Writes until `stop`; records what the server acknowledged. Logs in first (a login
    is a slow argon2 hash by design), then gives consents and reads, logging in again
    now and then."""
    email, password, _ = logins["client"]
    session = None
    n = 0
    try:
        while not stop.is_set():
            if session is None or n % 20 == 19:
                got = login(port, email, password)
                if got is None:
                    continue
                cookie, csrf = got
                value = cookie.split(";", 1)[0].split("=", 1)[1]
                acked["sessions"].append(hashlib.sha256(value.encode()).hexdigest())
                if "Secure" not in cookie:
                    failures.append("cookie without Secure: " + cookie)
                session = {"Cookie": cookie.split(";", 1)[0], "X-CSRF-Token": csrf}
                ready.release()
            n += 1
            status, _, body = request(port, "POST", "/api/v1/clients/%s/consents" % client_id,
                                      {"organisation_ids": [provider_org],
                                       "purpose": "care_delivery"}, session)
            if status == 201:
                acked["consents"].append(json.loads(body)["id"])
            elif status >= 500 or status in (400, 401, 403):
                failures.append("consent: HTTP %d %s" % (status, body[:200]))
            status, _, _ = request(port, "GET", "/api/v1/clients/%s" % client_id, None, session)
            if status == 200:
                acked["reads"] += 1
    except (OSError, http.client.HTTPException, ValueError):
        return  # the server is gone


def check_round(binary, db, key, acked):
    problems = []
    conn = sqlite3.connect(db)
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            problems.append("integrity_check faalt")
        sessions = {r[0] for r in conn.execute("SELECT secret_hash FROM sessions")}
        consents = {r[0] for r in conn.execute("SELECT id FROM consents")}
    finally:
        conn.close()
    lost_sessions = [s for s in acked["sessions"] if s not in sessions]
    lost_consents = [c for c in acked["consents"] if c not in consents]
    if lost_sessions:
        problems.append("%d bevestigde sessies kwijt" % len(lost_sessions))
    if lost_consents:
        problems.append("%d bevestigde toestemmingen kwijt" % len(lost_consents))
    verify = run(binary, "audit", "verify", "--db", db, "--audit-key", key, check=False)
    if verify.returncode != 0:
        problems.append("audit verify: " + verify.stdout.strip())
    return problems, len(lost_sessions) + len(lost_consents)


def main():
    binary = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    rng = random.Random(23)
    with tempfile.TemporaryDirectory(prefix="passend-crash-") as work:
        db = os.path.join(work, "crash.db")
        key = os.path.join(work, "audit.key")
        run(binary, "generate", "--region", "zuid-limburg", "--seed", "5", "--db", db)
        logins = demo_logins(run(binary, "user", "demo", "--db", db).stdout)
        run(binary, "audit", "keygen", "--out", key)
        client_id = logins["client"][2].split()[-1]
        total, lost_total, failed = 0, 0, []
        provider_org = None
        for n in range(1, rounds + 1):
            server = Server(binary, db, key)
            server.wait()
            if provider_org is None:
                admin = login(server.port, *logins["admin"][:2])
                status, _, body = request(server.port, "GET", "/api/v1/organisations", None,
                                          {"Cookie": admin[0].split(";", 1)[0]})
                provider_org = next(o["id"] for o in json.loads(body)["items"]
                                    if o["kind"] == "provider")
            acked = {"sessions": [], "consents": [], "reads": 0}
            stop = threading.Event()
            ready = threading.Semaphore(0)
            failures = []
            writers = [threading.Thread(target=burst, args=(server.port, logins, client_id,
                                                            provider_org, ready, stop, acked,
                                                            failures))
                       for _ in range(WRITERS)]
            for w in writers:
                w.start()
            for _ in range(WRITERS):  # every writer logged in: the burst is on
                ready.acquire(timeout=120)
            time.sleep(rng.uniform(0.3, 1.2))
            server.kill()
            stop.set()
            for w in writers:
                w.join(timeout=60)
            problems, lost = check_round(binary, db, key, acked)
            problems += failures[:3]
            writes = len(acked["sessions"]) + len(acked["consents"])
            total += writes
            lost_total += lost
            print("ronde %d: %d sessies, %d toestemmingen, %d inzagen bevestigd; %s"
                  % (n, len(acked["sessions"]), len(acked["consents"]), acked["reads"],
                     "; ".join(problems) if problems else "alles terug, log heel"))
            failed += ["ronde %d: %s" % (n, p) for p in problems]
        print("%d rounds, %d acknowledged writes, %d lost" % (rounds, total, lost_total))
        if failed or total < MIN_ACKED:
            if total < MIN_ACKED:
                print("te weinig bevestigde schrijfacties (%d < %d)" % (total, MIN_ACKED))
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
