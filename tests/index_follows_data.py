#!/usr/bin/env python3
"""The match index follows the data, over real HTTP, across processes.

Generates a Zuid-Limburg region and the demo accounts in a temporary directory and starts
`passend serve --port 0` on loopback. Then, each in another process, as an operator would:
  1. `passend import` of a small document that renames the anonymous search's best offer
     and gives it a long wait: within 2 s the search (POST /api/v1/zoeken) shows the new
     name and the new wait, without a restart;
  2. `passend client erase` of one client of the region: within 2 s the server drops the
     region's cached mismatch map, and the map (GET /api/v1/mismatch?region=, as the care
     office's demo user) then counts one client less;
  3. a new offer beside the best one, added over HTTP (POST /api/v1/offers, as the care
     office): within 2 s the search finds it;
and the server's log names each refresh (event match_index_refreshed).

With --postgres the same runs on PostgreSQL: the region (and the demo accounts) are
generated into SQLite and moved with `passend migrate-db` into a new database on the test
server (PASSEND_TEST_PG_URI, or the file PASSEND_TEST_PG_URI_FILE names: CTest's
`postgres` fixture, scripts/pg-test-server.sh); the server, the import and the erasure
then all use that database, so the other process's change reaches the server through the
change log's NOTIFY. The database is dropped afterwards.

Usage: index_follows_data.py PATH/TO/passend [--postgres]
"""

import glob
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

START_TIMEOUT = 120  # s, to start serving on a busy machine
VISIBLE_WITHIN = 2.0  # s, from the writing process's exit to the answer showing it
SITUATION = {
    "profile": "4VV",
    "municipality_code": "GM0935",  # Maastricht
    "seeking": ["wonen"],
    "wishes": [{"feature_id": "tuin", "importance": "must"}],
}


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                       errors="replace")
    if p.returncode != 0:
        raise RuntimeError("%s failed (%d):\n%s%s" % (" ".join(cmd), p.returncode, p.stdout,
                                                      p.stderr))
    return p.stdout


class Server:
    """`passend serve` on a free loopback port; its stderr is drained on a thread."""

    def __init__(self, binary, db, extra_args=()):
        self.proc = subprocess.Popen(
            [binary, "serve", "--db", db, "--port", "0", "--bind", "127.0.0.1", "--threads", "8",
             *extra_args],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, errors="replace")
        self.lines = []
        self.port = None
        self.started = threading.Event()
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        for line in self.proc.stderr:
            self.lines.append(line.rstrip("\n"))
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and entry.get("event") == "server_started":
                self.port = int(entry["port"])
                self.started.set()
        self.started.set()  # the process ended: stop waiting

    def events(self, name):
        out = []
        for line in list(self.lines):
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and entry.get("event") == name:
                out.append(entry)
        return out

    def wait_started(self):
        if not self.started.wait(START_TIMEOUT) or self.port is None:
            raise RuntimeError("passend serve did not start (exit %s):\n%s"
                               % (self.proc.poll(), "\n".join(self.lines[-20:])))

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


def request(base, method, path, body=None, cookie=None, headers=None):
    headers = dict(headers or {}, Accept="application/json")
    data = None
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        headers["Content-Type"] = "application/json"
    if cookie:
        headers["Cookie"] = cookie
    req = urllib.request.Request(base + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, json.loads(r.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8", "replace")


def login(base, email, password):
    """The session cookie and the CSRF token a write with it needs."""
    status, headers, body = request(base, "POST", "/api/v1/auth/login",
                                    {"email": email, "password": password})
    if status != 200:
        raise RuntimeError("login as %s failed: %d %s" % (email, status, body))
    for header in headers.get_all("Set-Cookie") or []:
        first = header.split(";", 1)[0].strip()
        if first.startswith("passend_session="):
            return first, body["csrf_token"]
    raise RuntimeError("login as %s set no passend_session cookie" % email)


def demo_login(output, role):
    """(email, password) of `role` from the table `passend user demo` prints."""
    for line in output.splitlines():
        m = re.match(r"^\s+(\S+)\s+(\S+@\S+)\s+(\S+)", line)
        if m and m.group(1) == role:
            return m.group(2), m.group(3)
    raise RuntimeError("passend user demo printed no %s account:\n%s" % (role, output))


def search(base, limit=10):
    status, _, body = request(base, "POST", "/api/v1/zoeken?limit=%d" % limit, SITUATION)
    if status != 200:
        raise RuntimeError("zoeken answered %d: %s" % (status, body))
    return body


def best_part(answer):
    return answer["offers"][0]["explanation"]["parts"][0]


def mismatch_clients(base, cookie, region):
    status, _, body = request(base, "GET", "/api/v1/mismatch?region=" + region, cookie=cookie)
    if status != 200:
        raise RuntimeError("mismatch answered %d: %s" % (status, body))
    return body["clients"]


def wait_for(what, check):
    """Polls `check` until it returns true; the seconds it took, or a failure after
    VISIBLE_WITHIN."""
    t0 = time.monotonic()
    while True:
        if check():
            return time.monotonic() - t0
        if time.monotonic() - t0 > VISIBLE_WITHIN:
            raise AssertionError("%s did not show within %.1f s" % (what, VISIBLE_WITHIN))
        time.sleep(0.05)


def test_server_uri():
    """The PostgreSQL test server's URI (store/postgres/test_server.h has the same rule)."""
    uri = os.environ.get("PASSEND_TEST_PG_URI", "")
    if not uri and os.environ.get("PASSEND_TEST_PG_URI_FILE"):
        with open(os.environ["PASSEND_TEST_PG_URI_FILE"], encoding="utf-8") as f:
            uri = f.readline().strip()
    if not uri:
        raise RuntimeError("--postgres needs a test server: PASSEND_TEST_PG_URI or "
                           "PASSEND_TEST_PG_URI_FILE (scripts/pg-test-server.sh start)")
    return uri


def with_database(uri, name):
    head, _, query = uri.partition("?")
    return head[:head.rindex("/") + 1] + name + ("?" + query if query else "")


def psql(uri, sql):
    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))
    if not binaries:
        raise RuntimeError("psql not found (the postgresql package, scripts/install-deps.sh)")
    run([binaries[-1], "-q", "-v", "ON_ERROR_STOP=1", "-d", with_database(uri, "postgres"),
         "-c", sql])


def main(argv):
    if len(argv) not in (2, 3) or (len(argv) == 3 and argv[2] != "--postgres"):
        print("usage: index_follows_data.py PATH/TO/passend [--postgres]", file=sys.stderr)
        return 2
    binary = os.path.abspath(argv[1])
    postgres = len(argv) == 3
    with tempfile.TemporaryDirectory(prefix="passend-follow-") as tmp:
        db = os.path.join(tmp, "zl.db")
        run([binary, "generate", "--region", "zuid-limburg", "--seed", "42", "--db", db])
        email, password = demo_login(run([binary, "user", "demo", "--db", db]), "zorgkantoor")
        export_path = os.path.join(tmp, "all.json")
        run([binary, "export", "--db", db, "--out", export_path, "--reason", "test"])
        with open(export_path, encoding="utf-8") as f:
            everything = json.load(f)
        server_uri = test_server_uri() if postgres else None
        database = "passend_follow_%d" % os.getpid()
        if postgres:
            psql(server_uri, "DROP DATABASE IF EXISTS %s WITH (FORCE)" % database)
            psql(server_uri, "CREATE DATABASE %s" % database)
            target = with_database(server_uri, database)
            run([binary, "migrate-db", "--from", db, "--to", target])
            db = target
        try:
            server = Server(binary, db)
            try:
                server.wait_started()
                base = "http://127.0.0.1:%d" % server.port
                failures = check(binary, db, tmp, base, everything, email, password, server)
            finally:
                code = server.stop()
        finally:
            if postgres:
                psql(server_uri, "DROP DATABASE IF EXISTS %s WITH (FORCE)" % database)
        if code != 0:
            failures.append("passend serve stopped with exit code %s" % code)
        for f in failures:
            print("FAIL:", f)
        print("%s%s" % ("postgres: " if postgres else "",
                        "ok" if not failures else "%d failure(s)" % len(failures)))
        return 1 if failures else 0


def check(binary, db, tmp, base, everything, email, password, server):
    failures = []
    cookie, csrf = login(base, email, password)

    # 1. An import by another process: the best offer of the search, renamed, with a wait.
    before = best_part(search(base))
    offer = next(o for o in everything["offers"] if o["id"] == before["offer_id"])
    location = next(l for l in everything["locations"] if l["id"] == offer["location_id"])
    provider = next(p for p in everything["providers"] if p["id"] == offer["provider_id"])
    offer["name"] = "Vernieuwd via import: " + offer["name"]
    offer["free_places"] = 0
    offer["waiting_weeks"] = 26
    doc = {"format": "passend", "version": 1, "providers": [provider],
           "locations": [location], "offers": [offer]}
    doc_path = os.path.join(tmp, "change.json")
    with open(doc_path, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    run([binary, "import", "--db", db, doc_path])

    def renamed():
        for o in search(base, 50)["offers"]:
            part = o["explanation"]["parts"][0]
            if part["offer_id"] == offer["id"]:
                return part["offer_name"] == offer["name"] and part["wait_weeks"] == 26
        return False
    try:
        took = wait_for("the imported offer", renamed)
        print("import visible in the search after %.2f s" % took)
    except AssertionError as e:
        failures.append(str(e))

    # 2. An erasure by another process leaves the mismatch map.
    region = "5531"
    n_before = mismatch_clients(base, cookie, region)
    # The map counts only the clients who look for care (most generated clients are in care).
    victim = next(c["id"] for c in reversed(everything["clients"])
                  if c.get("care_status", "in_care") != "in_care")
    # Counted before the erasure: the server may apply it before `client erase` has exited
    # (PostgreSQL's NOTIFY arrives at the commit).
    clients_refreshes = len([e for e in server.events("match_index_refreshed")
                             if e.get("kind") == "clients"])
    run([binary, "client", "erase", "--db", db, "--client", victim, "--reason",
         "Verzoek tot wissen (test)"])
    # Within 2 s the server has dropped the region's cached map; the next answer is then
    # computed anew (about half a second for 8,000 clients on an idle machine, more on a
    # busy one: that part is not held to the 2 s).
    t0 = time.monotonic()
    try:
        took = wait_for("the erasure", lambda: len(
            [e for e in server.events("match_index_refreshed") if e.get("kind") == "clients"
             and e.get("mismatch_maps_dropped") == 1]) > clients_refreshes)
        n_after = mismatch_clients(base, cookie, region)
        print("erasure applied after %.2f s; the map answered %d -> %d clients after %.2f s"
              % (took, n_before, n_after, time.monotonic() - t0))
        if n_after != n_before - 1:
            failures.append("the mismatch map counts %d clients after the erasure, not %d"
                            % (n_after, n_before - 1))
    except AssertionError as e:
        failures.append("%s; refreshes: %s" % (e, server.events("match_index_refreshed")))

    # 3. A new offer over HTTP (POST /api/v1/offers) by the care office, beside the best
    # offer (same location and kind, free places): in the search within 2 s.
    new = {k: offer[k] for k in ("provider_id", "location_id", "kind", "sectors", "profiles",
                                 "delivery_forms", "contracted_regions", "features",
                                 "service_radius_km")}
    new.update(name="Nieuw via de API: " + offer["name"], capacity=10, free_places=2)
    status, _, body = request(base, "POST", "/api/v1/offers", new, cookie=cookie,
                              headers={"X-CSRF-Token": csrf})
    if status != 201:
        failures.append("POST /api/v1/offers answered %d: %s" % (status, body))
    else:
        def added():
            return any(o["explanation"]["parts"][0]["offer_id"] == body["id"]
                       for o in search(base, 50)["offers"])
        try:
            print("new offer visible in the search after %.2f s"
                  % wait_for("the offer added over HTTP", added))
        except AssertionError as e:
            failures.append(str(e))

    refreshed = server.events("match_index_refreshed")
    kinds = [e.get("kind") for e in refreshed]
    if not {"patched", "incremental", "full"} & set(kinds):
        failures.append("no refresh of the index in the log: %s" % kinds)
    if "clients" not in kinds:
        failures.append("no refresh for the erased client in the log: %s" % kinds)
    return failures


if __name__ == "__main__":
    sys.exit(main(sys.argv))
