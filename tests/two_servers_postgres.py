#!/usr/bin/env python3
"""Two `passend serve` processes on one PostgreSQL database, over real HTTP (issue 17.3).

Generates a Zuid-Limburg region and the demo accounts into SQLite, moves them with
`passend migrate-db` into a new database on the PostgreSQL test server (CTest's `postgres`
fixture, scripts/pg-test-server.sh), makes an access-log key and starts two servers, A and
B, on that database with that key, as a deployment behind a load balancer runs them. Then:

  1. The access log stays one chain when both write at once: the care office's demo user
     reads region clients through A and B at the same time (8 threads, each read appends
     an HMAC-linked entry, docs/access.md); every read answers 200, the log grew by
     exactly the entries those reads write, and `passend audit verify` (the keyed walk
     over the whole chain) passes. Two processes that read the same head and both append
     after it would fork the chain: verify reports it (or the second insert fails on the
     entry's seq and its read answers 500).
  2. Each server's match index follows a change made through the other within 2 s: the
     admin erases a client through A (POST /api/v1/clients/{id}/erase); B's log shows its
     refresh for clients that dropped the region's mismatch map within 2 s, and B's map
     then counts one client less. The same the other way round (B to A).

  3. Concurrent edits of one dossier through both servers never lose an update (ETag,
     If-Match): the demo client's own dossier, PATCHed through A and B at once on the same
     version, is changed by exactly one (200) and the other gets 412; then six writers
     (three per server) each add a step to their own wish by read, change, PATCH with
     If-Match and, on 412, read again and redo: every step a 200 acknowledged is in the
     final dossier and its version grew by exactly the number of those 200s.
  4. Concurrent changes of one offer's free places through both servers never lose one
     (the offer's ETag, optional If-Match on PATCH /api/v1/offers/{id}): the demo provider's
     team leaders on A and B each take places one at a time by read, free_places - 1, PATCH
     with If-Match and, on 412, read again; the final free places are the start minus
     exactly the places a 200 acknowledged, and the same version PATCHed through A and B at
     once is changed by one (200) while the other gets 412.
  5. Behind HAProxy with deploy/haproxy/passend.cfg as it is in the repository (`haproxy
     -c` passes; run with the addresses from the environment, as the file says): one
     session reads through the proxy and both servers answer some of the reads; then A
     stops, and every read through the proxy still answers 200 (B alone). HAProxy runs
     as root here, as Debian runs it (it drops to the user haproxy in its chroot); as
     another user only the `haproxy -c` check runs.

Usage: two_servers_postgres.py PATH/TO/passend
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import index_follows_data as follow  # noqa: E402 (Server, request, psql, ... shared)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HAPROXY_CFG = os.path.join(REPO, "deploy", "haproxy", "passend.cfg")
REGION = "5531"  # Zuid-Limburg
THREADS_PER_SERVER = 4
READS_PER_THREAD = 25


def login(base, email, password):
    """(cookie, csrf token) of a new session."""
    status, headers, body = follow.request(base, "POST", "/api/v1/auth/login",
                                           {"email": email, "password": password})
    if status != 200:
        raise RuntimeError("login as %s failed: %d %s" % (email, status, body))
    for header in headers.get_all("Set-Cookie") or []:
        first = header.split(";", 1)[0].strip()
        if first.startswith("passend_session="):
            return first, body["csrf_token"]
    raise RuntimeError("login as %s set no passend_session cookie" % email)


def audit_head(binary, db, key):
    """The seq of the newest access-log entry (`passend audit head`)."""
    out = follow.run([binary, "audit", "head", "--db", db, "--audit-key", key])
    # "SEQ:HASH" is the last word of the line that names the head.
    for word in out.split():
        if ":" in word and word.split(":", 1)[0].isdigit():
            return int(word.split(":", 1)[0])
    raise RuntimeError("passend audit head printed no SEQ:HASH:\n" + out)


def region_clients(base, cookie, n):
    status, _, body = follow.request(base, "GET", "/api/v1/clients?limit=%d" % n, cookie=cookie)
    if status != 200:
        raise RuntimeError("client list answered %d: %s" % (status, body))
    return [c["id"] for c in body["items"]]


def check_access_log(binary, db, key, servers, zk):
    failures = []
    cookies = [login(s, *zk)[0] for s in servers]
    clients = region_clients(servers[0], cookies[0], 100)
    if len(clients) < 10:
        return ["the care office sees only %d clients" % len(clients)]

    # What one read writes, measured through one server with nothing else running.
    before = audit_head(binary, db, key)
    status, _, body = follow.request(servers[0], "GET", "/api/v1/clients/" + clients[0],
                                     cookie=cookies[0])
    if status != 200:
        return ["reading %s answered %d: %s" % (clients[0], status, body)]
    per_read = audit_head(binary, db, key) - before
    if per_read < 1:
        return ["reading a client wrote no access-log entry (%d)" % per_read]

    statuses = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS_PER_SERVER * len(servers))

    def reader(n):
        base, cookie = servers[n % len(servers)], cookies[n % len(servers)]
        start.wait()
        for i in range(READS_PER_THREAD):
            client = clients[(n * READS_PER_THREAD + i) % len(clients)]
            status, _, _ = follow.request(base, "GET", "/api/v1/clients/" + client, cookie=cookie)
            with lock:
                statuses.append(status)

    before = audit_head(binary, db, key)
    threads = [threading.Thread(target=reader, args=(n,))
               for n in range(THREADS_PER_SERVER * len(servers))]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.monotonic() - t0
    reads = len(threads) * READS_PER_THREAD
    grown = audit_head(binary, db, key) - before
    print("%d concurrent reads through %d servers in %.1f s; the access log grew by %d"
          % (reads, len(servers), took, grown))
    bad = [s for s in statuses if s != 200]
    if len(statuses) != reads or bad:
        failures.append("%d of %d reads did not answer 200: %s"
                        % (len(bad) + reads - len(statuses), reads, sorted(set(bad))))
    if grown != reads * per_read:
        failures.append("the access log grew by %d entries for %d reads of %d entries each"
                        % (grown, reads, per_read))
    verify = subprocess.run([binary, "audit", "verify", "--db", db, "--audit-key", key],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            errors="replace")
    print("passend audit verify: exit %d: %s" % (verify.returncode, verify.stdout.strip()))
    if verify.returncode != 0:
        failures.append("passend audit verify failed (%d): %s"
                        % (verify.returncode, verify.stdout))
    return failures


def mismatch_clients(base, cookie):
    return follow.mismatch_clients(base, cookie, REGION)


def clients_refreshes(server):
    return [e for e in server.events("match_index_refreshed")
            if e.get("kind") == "clients" and e.get("mismatch_maps_dropped") == 1]


def check_follows(procs, bases, zk, admin, victims):
    """An erasure through one server reaches the other's match index within 2 s."""
    failures = []
    zk_cookies = [login(b, *zk)[0] for b in bases]
    admin_sessions = [login(b, *admin) for b in bases]
    for writer, reader in ((0, 1), (1, 0)):
        victim = victims[writer]
        name = "%s -> %s" % ("AB"[writer], "AB"[reader])
        n_before = mismatch_clients(bases[reader], zk_cookies[reader])  # caches the map
        seen = len(clients_refreshes(procs[reader]))
        cookie, csrf = admin_sessions[writer]
        status, _, body = follow.request(
            bases[writer], "POST", "/api/v1/clients/%s/erase" % victim,
            {"reason": "Verzoek tot wissen (test met twee servers)"}, cookie=cookie,
            headers={"X-CSRF-Token": csrf})
        if status != 200:
            failures.append("%s: erasing %s answered %d: %s" % (name, victim, status, body))
            continue
        try:
            took = follow.wait_for("%s: the erasure of %s" % (name, victim),
                                   lambda: len(clients_refreshes(procs[reader])) > seen)
        except AssertionError as e:
            failures.append(str(e))
            continue
        n_after = mismatch_clients(bases[reader], zk_cookies[reader])
        print("%s: erasure applied by the other server after %.2f s; its map %d -> %d clients"
              % (name, took, n_before, n_after))
        if n_after != n_before - 1:
            failures.append("%s: the map counts %d clients after the erasure, not %d"
                            % (name, n_after, n_before - 1))
    return failures


def client_reads(server):
    """How many client reads (GET /api/v1/clients/ID) the server's request log shows."""
    n = 0
    for line in list(server.lines):
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if (isinstance(entry, dict) and entry.get("method") == "GET"
                and entry.get("path", "").startswith("/api/v1/clients/")):
            n += 1
    return n


def check_proxy(procs, zk):
    """deploy/haproxy/passend.cfg in front of A and B; A stops, B answers alone."""
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    follow.run([haproxy, "-c", "-q", "-f", HAPROXY_CFG])
    if os.geteuid() != 0:
        print("haproxy -c passes; the proxy itself runs only as root (chroot, user haproxy)")
        return []
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PASSEND_LISTEN="127.0.0.1:%d" % port,
               PASSEND_APP1="127.0.0.1:%d" % procs[0].port,
               PASSEND_APP2="127.0.0.1:%d" % procs[1].port)
    proxy = subprocess.Popen([haproxy, "-db", "-f", HAPROXY_CFG], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             errors="replace")
    failures = []
    try:
        base = "http://127.0.0.1:%d" % port

        def up():
            try:
                return follow.request(base, "GET", "/healthz")[0] == 200
            except OSError:
                return False
        t0 = time.monotonic()
        while not up():
            if proxy.poll() is not None or time.monotonic() - t0 > 20:
                return ["haproxy did not serve /healthz (exit %s): %s"
                        % (proxy.poll(), proxy.stderr.read() if proxy.poll() is not None else "")]
            time.sleep(0.1)
        cookie = login(base, *zk)[0]
        clients = region_clients(base, cookie, 20)
        before = [client_reads(p) for p in procs]
        statuses = [follow.request(base, "GET", "/api/v1/clients/" + c, cookie=cookie)[0]
                    for c in clients]
        served = [client_reads(p) - b for p, b in zip(procs, before)]
        print("through HAProxy: %d reads, %s; A served %d, B %d"
              % (len(statuses), "all 200" if set(statuses) == {200} else statuses, *served))
        if set(statuses) != {200}:
            failures.append("reads through the proxy answered %s" % sorted(set(statuses)))
        if min(served) == 0:
            failures.append("the proxy sent every read to one server: %s" % served)
        # A goes away (as in a rolling update); B answers every read, the session holds.
        procs[0].stop()
        statuses = [follow.request(base, "GET", "/api/v1/clients/" + c, cookie=cookie)[0]
                    for c in clients]
        print("A stopped: %d reads through HAProxy, %s"
              % (len(statuses), "all 200" if set(statuses) == {200} else statuses))
        if set(statuses) != {200}:
            failures.append("with A stopped, reads through the proxy answered %s" % statuses)
    finally:
        proxy.terminate()
        try:
            proxy.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proxy.kill()
            proxy.wait()
    return failures


DOSSIER_WRITERS_PER_SERVER = 3
WISHES_PER_WRITER = 10


def demo_client_id(demo_output):
    """The client the demo `client` user is (the last word of its line)."""
    for line in demo_output.splitlines():
        words = line.split()
        if words and words[0] == "client":
            return words[-1]
    raise RuntimeError("passend user demo printed no client account:\n" + demo_output)


def check_dossier(bases, client_login, client_id):
    failures = []
    sessions = [login(b, *client_login) for b in bases]
    path = "/api/v1/clients/" + client_id

    def read(n):
        status, headers, body = follow.request(bases[n], "GET", path, cookie=sessions[n][0])
        if status != 200:
            raise RuntimeError("reading the dossier through %s answered %d: %s"
                               % ("AB"[n], status, body))
        return headers["ETag"], body

    def patch(n, etag, wishes, reason):
        cookie, csrf = sessions[n]
        return follow.request(bases[n], "PATCH", path,
                              {"reason": reason, "patch": {"wishes": wishes}}, cookie=cookie,
                              headers={"X-CSRF-Token": csrf, "If-Match": etag})

    def wish(text):
        return {"importance": "nice", "text": text}

    # Both servers change the same version at once: one wins, the other gets 412.
    etag, record = read(0)
    start = threading.Barrier(2)
    answers = [None, None]

    def racer(n):
        start.wait()
        answers[n] = patch(n, etag, record.get("wishes", []) + [wish("tegelijk via %s" % "AB"[n])],
                           "Test: tegelijk via twee servers")
    threads = [threading.Thread(target=racer, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = sorted(a[0] for a in answers)
    print("one version PATCHed through A and B at once: %s" % statuses)
    if statuses != [200, 412]:
        failures.append("the same version changed through both servers answered %s, not "
                        "[200, 412]: %s" % (statuses, [a[2] for a in answers]))

    # Writers on both servers: read, change, PATCH with If-Match; on 412 read again. Each
    # writer keeps one wish in own words and adds the number of its step to it ("schrijver
    # 2: 0 1 2"), so the dossier stays within the 20 own-words wishes a client may have and
    # a change lost to a stale write shows as a missing number.
    def with_step(wishes, w, i):
        prefix = "schrijver %d:" % w
        mine = [x for x in wishes if x.get("text", "").startswith(prefix)]
        others = [x for x in wishes if not x.get("text", "").startswith(prefix)]
        text = (mine[0]["text"] if mine else prefix) + " %d" % i
        return others + [wish(text)]

    first_etag, _ = read(0)
    applied, conflicts, errors = [], [0], []
    lock = threading.Lock()
    start = threading.Barrier(DOSSIER_WRITERS_PER_SERVER * len(bases))

    def writer(w):
        n = w % len(bases)
        start.wait()
        for i in range(WISHES_PER_WRITER):
            for _ in range(50):
                etag, record = read(n)
                status, _, body = patch(n, etag, with_step(record.get("wishes", []), w, i),
                                        "Test: schrijver %d" % w)
                if status == 200:
                    with lock:
                        applied.append((w, i))
                    break
                if status != 412:
                    with lock:
                        errors.append("%d %s" % (status, body))
                    return
                with lock:
                    conflicts[0] += 1
    threads = [threading.Thread(target=writer, args=(w,))
               for w in range(DOSSIER_WRITERS_PER_SERVER * len(bases))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    last_etag, final = read(1)
    steps = {}
    for x in final.get("wishes", []):
        head, _, numbers = x.get("text", "").partition(":")
        if head.startswith("schrijver "):
            steps[int(head.split()[1])] = set(int(k) for k in numbers.split())
    lost = ["schrijver %d, stap %d" % (w, i) for w, i in applied if i not in steps.get(w, set())]
    grown = int(last_etag.strip('W/"')) - int(first_etag.strip('W/"'))
    print("%d writers through 2 servers: %d changes acknowledged, %d times 412 and redone; "
          "version %s -> %s; lost: %d" % (len(threads), len(applied), conflicts[0], first_etag,
                                          last_etag, len(lost)))
    if errors:
        failures.append("dossier writers got errors: %s" % errors[:3])
    if len(applied) != len(threads) * WISHES_PER_WRITER:
        failures.append("%d of %d changes were acknowledged"
                        % (len(applied), len(threads) * WISHES_PER_WRITER))
    if lost:
        failures.append("acknowledged changes lost: %s" % lost)
    if grown != len(applied):
        failures.append("the dossier's version grew by %d for %d acknowledged changes"
                        % (grown, len(applied)))
    return failures


PLACE_TAKERS_PER_SERVER = 2
PLACES_PER_TAKER = 4


def demo_provider_id(demo_output):
    """The provider the demo `provider` user works for (the last word of its line)."""
    for line in demo_output.splitlines():
        words = line.split()
        if words and words[0] == "provider":
            return words[-1]
    raise RuntimeError("passend user demo printed no provider account:\n" + demo_output)


def check_free_places(bases, provider_login, offer):
    failures = []
    sessions = [login(b, *provider_login) for b in bases]
    path = "/api/v1/offers/" + offer["id"]

    def read(n):
        status, headers, body = follow.request(bases[n], "GET", path, cookie=sessions[n][0])
        if status != 200:
            raise RuntimeError("reading the offer through %s answered %d: %s"
                               % ("AB"[n], status, body))
        return headers["ETag"], body

    def patch(n, etag, free_places):
        cookie, csrf = sessions[n]
        headers = {"X-CSRF-Token": csrf}
        if etag is not None:
            headers["If-Match"] = etag
        return follow.request(bases[n], "PATCH", path, {"free_places": free_places},
                              cookie=cookie, headers=headers)

    takers = PLACE_TAKERS_PER_SERVER * len(bases)
    start_places = takers * PLACES_PER_TAKER + 1  # one more for the race of A and B below
    if offer["capacity"] < start_places:
        raise RuntimeError("offer %s has capacity %d, fewer than %d places to take"
                           % (offer["id"], offer["capacity"], start_places))
    status, _, body = patch(0, None, start_places)
    if status != 200:
        return ["setting the free places through A answered %d: %s" % (status, body)]

    # Both servers change the same version at once: one wins, the other gets 412.
    etag, current = read(0)
    start = threading.Barrier(2)
    answers = [None, None]

    def racer(n):
        start.wait()
        answers[n] = patch(n, etag, current["free_places"] - 1)
    threads = [threading.Thread(target=racer, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = sorted(a[0] for a in answers)
    print("one offer version PATCHed through A and B at once: %s" % statuses)
    if statuses != [200, 412]:
        failures.append("the same offer version changed through both servers answered %s, "
                        "not [200, 412]: %s" % (statuses, [a[2] for a in answers]))

    # Team leaders on both servers take one place at a time: read, -1, PATCH with If-Match.
    _, before = read(1)
    taken, conflicts, errors = [0], [0], []
    lock = threading.Lock()
    start = threading.Barrier(takers)

    def taker(w):
        n = w % len(bases)
        start.wait()
        for _ in range(PLACES_PER_TAKER):
            for _ in range(100):
                etag, now = read(n)
                status, _, body = patch(n, etag, now["free_places"] - 1)
                if status == 200:
                    with lock:
                        taken[0] += 1
                    break
                if status != 412:
                    with lock:
                        errors.append("%d %s" % (status, body))
                    return
                with lock:
                    conflicts[0] += 1
    threads = [threading.Thread(target=taker, args=(w,)) for w in range(takers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    _, after = read(0)
    print("%d team leaders through 2 servers took %d places (%d times 412 and redone): "
          "free places %d -> %d" % (takers, taken[0], conflicts[0], before["free_places"],
                                    after["free_places"]))
    if errors:
        failures.append("place takers got errors: %s" % errors[:3])
    if taken[0] != takers * PLACES_PER_TAKER:
        failures.append("%d of %d places taken were acknowledged"
                        % (taken[0], takers * PLACES_PER_TAKER))
    if after["free_places"] != before["free_places"] - taken[0]:
        failures.append("free places went %d -> %d for %d acknowledged places: a change was "
                        "lost" % (before["free_places"], after["free_places"], taken[0]))
    return failures


def main(argv):
    if len(argv) != 2:
        print("usage: two_servers_postgres.py PATH/TO/passend", file=sys.stderr)
        return 2
    binary = os.path.abspath(argv[1])
    failures = []
    with tempfile.TemporaryDirectory(prefix="passend-two-") as tmp:
        sqlite_db = os.path.join(tmp, "zl.db")
        follow.run([binary, "generate", "--region", "zuid-limburg", "--seed", "42",
                    "--db", sqlite_db])
        demo = follow.run([binary, "user", "demo", "--db", sqlite_db])
        zk = follow.demo_login(demo, "zorgkantoor")
        admin = follow.demo_login(demo, "admin")
        client = follow.demo_login(demo, "client")
        client_id = demo_client_id(demo)
        provider = follow.demo_login(demo, "provider")
        provider_id = demo_provider_id(demo)
        export_path = os.path.join(tmp, "all.json")
        follow.run([binary, "export", "--db", sqlite_db, "--out", export_path, "--reason", "test"])
        with open(export_path, encoding="utf-8") as f:
            everything = json.load(f)
        # Two clients of the region who look for care (the map counts only those).
        provider_offer = max((o for o in everything["offers"]
                              if o["provider_id"] == provider_id),
                             key=lambda o: o["capacity"])
        seekers = [c["id"] for c in reversed(everything["clients"])
                   if c.get("care_status", "in_care") != "in_care"]
        key = os.path.join(tmp, "audit.key")
        follow.run([binary, "audit", "keygen", "--out", key])

        server_uri = follow.test_server_uri()
        database = "passend_two_%d" % os.getpid()
        follow.psql(server_uri, "DROP DATABASE IF EXISTS %s WITH (FORCE)" % database)
        follow.psql(server_uri, "CREATE DATABASE %s" % database)
        db = follow.with_database(server_uri, database)
        procs = []
        try:
            follow.run([binary, "migrate-db", "--from", sqlite_db, "--to", db])
            procs = [follow.Server(binary, db, ("--audit-key", key)) for _ in range(2)]
            for p in procs:
                p.wait_started()
            bases = ["http://127.0.0.1:%d" % p.port for p in procs]
            failures += check_access_log(binary, db, key, bases, zk)
            failures += check_follows(procs, bases, zk, admin, seekers[:2])
            failures += check_dossier(bases, client, client_id)
            failures += check_free_places(bases, provider, provider_offer)
            failures += check_proxy(procs, zk)  # last: it stops A
        finally:
            codes = [p.stop() for p in procs]
            follow.psql(server_uri, "DROP DATABASE IF EXISTS %s WITH (FORCE)" % database)
        for n, code in enumerate(codes):
            if code != 0:
                failures.append("server %s stopped with exit code %s" % ("AB"[n], code))
    for f in failures:
        print("FAIL:", f)
    print("ok" if not failures else "%d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
