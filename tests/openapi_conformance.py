#!/usr/bin/env python3
"""Checks real HTTP answers of `passend serve` against the server's own OpenAPI document.

    python3 tests/openapi_conformance.py build/passend [--postgres]

Generates a Zuid-Limburg region (seed 42) and the demo accounts in a temporary directory,
starts `passend serve --port 0` on loopback, logs in every demo user (session cookie and
CSRF token, docs/access.md) and then, for every GET operation of GET /api/v1/openapi.json
whose path and required query parameters it can fill (ids from the list answers, the region
from the care-office user), asks the server over real HTTP and validates the success body
against the schema the operation declares. It also checks POST /api/v1/zoeken with valid
bodies and GET /api/v1/clients/{id}/matches?arrangements=true.

The OpenAPI 3.0 schemas are turned into JSON Schema draft 4 (OpenAPI 3.0's dialect:
boolean exclusiveMinimum/Maximum, integers without a fraction): `nullable: true` admits
null, and `$ref`s resolve against the whole converted document. Every failure names the
request, the JSON pointer of the offending value and the validator's message. The last
line is `N passed, M failed` (responses checked); the exit status is non-zero on any
failure, or when fewer than MIN_CHECKS responses were checked (no vacuous pass).

With --postgres the region is moved with `passend migrate-db` into a new database on the
PostgreSQL test server (PASSEND_TEST_PG_URI or PASSEND_TEST_PG_URI_FILE: CTest's `postgres`
fixture) and the server runs on it; the database is dropped afterwards.

Needs Python 3 with jsonschema (Debian: python3-jsonschema, from scripts/install-deps.sh).
"""

import copy
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
import urllib.parse
import urllib.request

try:
    import jsonschema
except ImportError:  # pragma: no cover - environment problem, reported plainly
    print("openapi_conformance: Python-module jsonschema ontbreekt "
          "(apt-get install python3-jsonschema, zie scripts/install-deps.sh)", file=sys.stderr)
    print("0 passed, 1 failed")
    sys.exit(2)

try:  # jsonschema >= 4.18 resolves references through the `referencing` library
    import referencing
    import referencing.jsonschema
except ImportError:  # Debian 12's jsonschema 4.10: RefResolver
    referencing = None

MIN_CHECKS = 10
DOC_URI = "urn:passend:openapi"
HTTP_TIMEOUT = 120  # seconds per request (the first mismatch map of a region is computed)
START_TIMEOUT = 180  # seconds for the server to build its index and answer /healthz
MAX_ERRORS_SHOWN = 10  # per response
# Roles tried, in this order, for a non-public operation: the first 200 is validated.
ROLE_ORDER = ["admin", "oco", "client", "representative", "zorgkantoor", "wijkteam", "ciz",
              "provider", "researcher"]
IDS_PER_PARAM = 3  # candidate values tried per path parameter and role
MAX_PAGES = 40  # pages followed when walking a list to its last page

# Error answers checked against their declared problem schema: (template, url, status).
PROBLEM_CHECKS = [("/api/v1/offers/{id}", "/api/v1/offers/bestaat-niet", "404"),
                  ("/api/v1/offers", "/api/v1/offers?limit=0", "400")]

# Valid anonymous searches: the one of docs/api.md, one in the style of bench/zoeken.lua
# (asked with arrangements=true; wonen + dagbesteding gives combinations), and one whose
# mismatch has no nearest offer (null).
ZOEKEN_BODIES = [
    {"sector": "VV", "profile": "5VV", "indication": "none", "municipality_code": "GM0935",
     "home": {"lat": 50.85, "lon": 5.70},
     "seeking": ["wonen"], "preferred_forms": ["verblijf"],
     "wishes": [{"feature_id": "tuin", "importance": "must"},
                {"feature_id": "rustige_omgeving", "importance": "important", "value": 3},
                {"importance": "nice", "text": "samen koffie drinken na de mis"}],
     "needs": [{"feature_id": "dementie_expertise"}],
     "places": [{"kind": "familie", "label": "dochter", "position": {"lat": 50.87, "lon": 5.67},
                 "max_km": 10, "importance": "important"}]},
    {"profile": "6VV", "municipality_code": "GM0917", "seeking": ["wonen", "dagbesteding"],
     "wishes": [{"feature_id": "eigen_kamer", "importance": "must"},
                {"feature_id": "huisdier_toegestaan", "importance": "important"},
                {"feature_id": "vaste_begeleiders", "importance": "important"},
                {"feature_id": "bezoek_altijd_welkom", "importance": "must"},
                {"importance": "nice", "text": "samen koffie drinken na de mis"}],
     "needs": [{"feature_id": "dementie_expertise"}],
     "places": [{"kind": "familie", "label": "dochter",
                 "position": {"lat": 50.91413, "lon": 5.94018}, "max_km": 10,
                 "importance": "important"},
                {"kind": "kerk", "label": "parochie",
                 "position": {"lat": 50.88413, "lon": 5.98018}, "max_km": 3,
                 "importance": "nice"}]},
    # A need no offer in the region meets: a mismatch item whose `nearest` is null.
    {"profile": "3VG", "municipality_code": "GM0935", "seeking": ["wonen"],
     "needs": [{"feature_id": "beademing"}]},
]


# ---- OpenAPI 3.0 schema -> JSON Schema draft 4 -------------------------------------------

# Keywords whose value is one schema, a list of schemas, or a map of name -> schema.
_ONE_SCHEMA = ("items", "additionalProperties", "not", "additionalItems")
_SCHEMA_LIST = ("allOf", "anyOf", "oneOf")
_SCHEMA_MAP = ("properties", "patternProperties", "definitions")
# OpenAPI-only keywords that are annotations (or meaningless) for validation.
_OPENAPI_ONLY = ("nullable", "discriminator", "readOnly", "writeOnly", "xml", "externalDocs",
                 "example", "deprecated")


def to_json_schema(s):
    """An OpenAPI 3.0 Schema Object as JSON Schema draft 4 (a new object)."""
    if not isinstance(s, dict):
        return copy.deepcopy(s)
    out = {}
    for key, value in s.items():
        if key in _OPENAPI_ONLY or key.startswith("x-"):
            continue
        if key in _ONE_SCHEMA and isinstance(value, dict):
            out[key] = to_json_schema(value)
        elif key in _SCHEMA_LIST and isinstance(value, list):
            out[key] = [to_json_schema(v) for v in value]
        elif key in _SCHEMA_MAP and isinstance(value, dict):
            out[key] = {name: to_json_schema(v) for name, v in value.items()}
        else:
            out[key] = copy.deepcopy(value)
    # In OpenAPI 3.0 (as in draft 4) the siblings of $ref are ignored, nullable included.
    if s.get("nullable") is True and "$ref" not in s:
        if "type" in out:
            types = out["type"] if isinstance(out["type"], list) else [out["type"]]
            if "null" not in types:
                out["type"] = types + ["null"]
            if "enum" in out and None not in out["enum"]:
                out["enum"] = out["enum"] + [None]
        else:
            # No type: a composition (allOf/oneOf/...) or an open schema; null as an
            # alternative next to everything the schema says.
            out = {"anyOf": [{"type": "null"}, out]}
    return out


def convert_document(doc):
    """The OpenAPI document with every Schema Object converted, for $ref resolution."""
    out = copy.deepcopy(doc)
    schemas = out.get("components", {}).get("schemas", {})
    for name in list(schemas):
        schemas[name] = to_json_schema(schemas[name])
    for item in out.get("paths", {}).values():
        for op in item.values():
            if not isinstance(op, dict):
                continue
            for param in op.get("parameters", []):
                if "schema" in param:
                    param["schema"] = to_json_schema(param["schema"])
            bodies = [op.get("requestBody", {})] + list(op.get("responses", {}).values())
            for body in bodies:
                for media in body.get("content", {}).values():
                    if "schema" in media:
                        media["schema"] = to_json_schema(media["schema"])
    return out


def pointer_token(token):
    return str(token).replace("~", "~0").replace("/", "~1")


def json_pointer(parts):
    return "".join("/" + pointer_token(p) for p in parts)


def format_checker():
    """Checks for the OpenAPI formats Passend uses; other formats are not checked."""
    checker = jsonschema.FormatChecker(formats=())
    date_time = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
    date = re.compile(r"^\d{4}-\d{2}-\d{2}$")

    @checker.checks("date-time")
    def _date_time(value):
        return not isinstance(value, str) or bool(date_time.match(value))

    @checker.checks("date")
    def _date(value):
        return not isinstance(value, str) or bool(date.match(value))

    @checker.checks("int32")
    def _int32(value):
        return not isinstance(value, int) or -2**31 <= value < 2**31

    @checker.checks("int64")
    def _int64(value):
        return not isinstance(value, int) or -2**63 <= value < 2**63

    return checker


class SchemaBook:
    """The converted document, and validators for schemas inside it by JSON pointer."""

    def __init__(self, openapi_doc):
        self.doc = convert_document(openapi_doc)
        self.formats = format_checker()
        if referencing is not None:
            resource = referencing.Resource(contents=self.doc,
                                            specification=referencing.jsonschema.DRAFT4)
            self.registry = referencing.Registry().with_resource(DOC_URI, resource)
        else:
            self.registry = None

    def validator(self, pointer):
        schema = {"$ref": DOC_URI + "#" + urllib.parse.quote(pointer, safe="/~")}
        if self.registry is not None:
            return jsonschema.Draft4Validator(schema, registry=self.registry,
                                              format_checker=self.formats)
        resolver = jsonschema.RefResolver(base_uri=DOC_URI, referrer=self.doc,
                                          store={DOC_URI: self.doc})
        return jsonschema.Draft4Validator(schema, resolver=resolver, format_checker=self.formats)

    def resolve(self, pointer):
        node = self.doc
        for token in pointer.split("/")[1:]:
            node = node[token.replace("~1", "/").replace("~0", "~")]
        return node

    def schema_problems(self, pointer):
        """Errors in the declared schema itself (not a valid draft-4 schema)."""
        try:
            jsonschema.Draft4Validator.check_schema(self.resolve(pointer))
        except jsonschema.SchemaError as e:
            return ["declared schema is invalid at %s: %s"
                    % (json_pointer(e.absolute_path) or '""', e.message)]
        for name, schema in self.doc.get("components", {}).get("schemas", {}).items():
            try:
                jsonschema.Draft4Validator.check_schema(schema)
            except jsonschema.SchemaError as e:
                return ["components/schemas/%s is invalid: %s" % (name, e.message)]
        return []


# ---- the server ------------------------------------------------------------------------


class Server:
    """`passend serve` on a free loopback port; its stderr is drained on a thread."""

    def __init__(self, binary, db):
        self.proc = subprocess.Popen(
            [binary, "serve", "--db", db, "--port", "0", "--bind", "127.0.0.1", "--threads", "8"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, errors="replace")
        self.lines = []
        self.port = None
        self.started = threading.Event()
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()

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
        self.started.set()  # the process ended: stop waiting

    def wait_until_healthy(self):
        deadline = time.monotonic() + START_TIMEOUT
        if not self.started.wait(START_TIMEOUT) or self.port is None:
            raise RuntimeError("passend serve did not start (exit %s):\n%s"
                               % (self.proc.poll(), "\n".join(self.lines[-20:])))
        url = "http://127.0.0.1:%d/healthz" % self.port
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                with urllib.request.urlopen(url, timeout=5) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.2)
        raise RuntimeError("passend serve did not answer /healthz (exit %s):\n%s"
                           % (self.proc.poll(), "\n".join(self.lines[-20:])))

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.reader.join(timeout=5)


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8"))


class Session:
    """One demo user's login (or anonymous: cookie None)."""

    def __init__(self, base, role="anonymous", cookie=None, csrf=None, me=None):
        self.base = base
        self.role = role
        self.cookie = cookie
        self.csrf = csrf
        self.me = me or {}

    def request(self, method, path, body=None):
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if self.cookie:
            headers["Cookie"] = self.cookie
            if method not in ("GET", "HEAD", "OPTIONS") and self.csrf:
                headers["X-CSRF-Token"] = self.csrf
        req = urllib.request.Request(self.base + path, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=HTTP_TIMEOUT) as r:
                return Response(r.status, r.headers, r.read())
        except urllib.error.HTTPError as e:
            return Response(e.code, e.headers, e.read())


def login(base, role, email, password):
    anon = Session(base)
    r = anon.request("POST", "/api/v1/auth/login", {"email": email, "password": password})
    if r.status != 200:
        raise RuntimeError("login as %s failed: %d %s" % (email, r.status, r.body[:300]))
    cookie = None
    for header in r.headers.get_all("Set-Cookie") or []:
        first = header.split(";", 1)[0].strip()
        if first.startswith("passend_session="):
            cookie = first
    if cookie is None:
        raise RuntimeError("login as %s set no passend_session cookie" % email)
    me = r.json()
    return Session(base, role, cookie, me.get("csrf_token"), me)


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                       errors="replace")
    if p.returncode != 0:
        raise RuntimeError("%s failed (%d):\n%s%s" % (" ".join(cmd), p.returncode, p.stdout,
                                                      p.stderr))
    return p.stdout


def demo_logins(output):
    """(role, email, password) from the table `passend user demo` prints."""
    found = []
    for line in output.splitlines():
        m = re.match(r"^\s+(\S+)\s+(\S+@\S+)\s+(\S+)", line)
        if m:
            found.append(m.groups())
    return found


# ---- the checks ------------------------------------------------------------------------


class Checker:
    def __init__(self, book):
        self.book = book
        self.passed = 0
        self.failed = 0
        self.skipped = []

    def fail(self, label, lines):
        self.failed += 1
        print("FAIL %s" % label)
        for line in lines:
            print("     %s" % line)

    def problems(self, response, schema_pointer, media_type="application/json"):
        """What is wrong with one response, against the schema at schema_pointer."""
        problems = self.book.schema_problems(schema_pointer)
        ctype = response.headers.get("Content-Type", "")
        if not ctype.split(";")[0].strip().lower() == media_type:
            problems.append("Content-Type is %r, declared %s" % (ctype, media_type))
        try:
            body = response.json()
        except ValueError as e:
            problems.append("body is not JSON: %s" % e)
            body = None
        if body is not None and not problems:
            errors = sorted(self.book.validator(schema_pointer).iter_errors(body),
                            key=lambda e: (list(map(str, e.absolute_path)), e.message))
            for e in errors[:MAX_ERRORS_SHOWN]:
                where = json_pointer(e.absolute_path) or '""'
                schema_at = json_pointer(e.absolute_schema_path)
                problems.append("at %s: %s (schema %s)" % (where, short(e.message), schema_at))
            if len(errors) > MAX_ERRORS_SHOWN:
                problems.append("... and %d more" % (len(errors) - MAX_ERRORS_SHOWN))
        return problems

    def record(self, label, problems):
        if problems:
            self.fail(label, problems)
        else:
            self.passed += 1
            print("ok   %s" % label)

    def check(self, label, response, schema_pointer, extra=(), media_type="application/json"):
        self.record(label, list(extra) + self.problems(response, schema_pointer, media_type))


def short(text, limit=300):
    return text if len(text) <= limit else text[:limit] + "..."


def success_of(op):
    """(status, schema pointer suffix) of the documented 2xx JSON answer, or (None, None)."""
    for status in sorted(op.get("responses", {})):
        if status.startswith("2"):
            content = op["responses"][status].get("content", {})
            if "schema" in content.get("application/json", {}):
                return status, "/responses/%s/content/application~1json/schema" % status
            return status, None
    return None, None


def op_pointer(path, method):
    return "/paths/%s/%s" % (pointer_token(path), method)


def collect_ids(store, list_path, body, session_role):
    if isinstance(body, dict) and isinstance(body.get("items"), list):
        for item in body["items"]:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                store.setdefault(list_path, {}).setdefault(session_role, [])
                if item["id"] not in store[list_path][session_role]:
                    store[list_path][session_role].append(item["id"])


def candidates_for(values, session, collection):
    """Ids to try for a {param} under `collection`, the session's own first."""
    if re.search(r"/versions(/\{\w+\}/diff)?$", collection):
        return ["1"]  # every client's dossier has version 1 (docs/api.md)
    out = list(values.get(collection, {}).get(session.role, []))
    if collection == "/api/v1/clients":
        out = list(session.me.get("client_ids") or []) + out
    if collection == "/api/v1/providers" and session.me.get("provider_id"):
        out = [session.me["provider_id"]] + out
    for role_ids in values.get(collection, {}).values():
        out += role_ids
    seen, unique = set(), []
    for v in out:
        if v not in seen:
            seen.add(v)
            unique.append(v)
    return unique[:IDS_PER_PARAM]


def query_candidates(name, session, regions):
    if name == "region":
        own = [session.me["region"]] if session.me.get("region") else []
        return own + [r for r in regions if r not in own][:2]
    return None


def expand(template, session, ids):
    """Concrete paths for a template with {params}, or None when a param cannot be filled."""
    segments = template.split("/")
    choices = []
    for i, seg in enumerate(segments):
        if not re.fullmatch(r"\{\w+\}", seg):
            continue
        collection = "/".join(segments[:i])
        values = candidates_for(ids, session, collection)
        if not values:
            return None
        choices.append((i, values))
    paths = [segments]
    for i, values in choices:
        paths = [p[:i] + [urllib.parse.quote(v, safe="")] + p[i + 1:] for p in paths for v in values]
    return ["/".join(p) for p in paths]


def walk_to_last_page(checker, session, url, first, schema_pointer, label):
    """Follows next_cursor (limit=500) to the last page, validating every page: the last
    one has next_cursor null. One check; skipped when the first page was the last."""
    if not isinstance(first, dict) or first.get("next_cursor") is None:
        return
    problems, cursor, pages = [], None, 0
    while pages < MAX_PAGES:
        query = {"limit": "500"}
        if cursor is not None:
            query["cursor"] = cursor
        page_url = url + ("&" if "?" in url else "?") + urllib.parse.urlencode(query)
        resp = session.request("GET", page_url)
        pages += 1
        if resp.status != 200:
            problems.append("GET %s answered %d: %s" % (page_url, resp.status, resp.body[:200]))
            break
        problems += ["page %d: %s" % (pages, p) for p in checker.problems(resp, schema_pointer)]
        body = resp.json()
        cursor = body.get("next_cursor") if isinstance(body, dict) else None
        if cursor is None or problems:
            break
    else:
        problems.append("no last page after %d pages of 500" % MAX_PAGES)
    checker.record("%s [%d pages]" % (label, pages), problems)


def main(argv):
    if len(argv) not in (2, 3) or (len(argv) == 3 and argv[2] != "--postgres"):
        print("usage: openapi_conformance.py PATH/TO/passend [--postgres]", file=sys.stderr)
        return 2
    binary = os.path.abspath(argv[1])
    postgres = len(argv) == 3
    with tempfile.TemporaryDirectory(prefix="passend-openapi-") as tmp:
        db = os.path.join(tmp, "zl.db")
        run([binary, "generate", "--region", "zuid-limburg", "--seed", "42", "--db", db])
        logins = demo_logins(run([binary, "user", "demo", "--db", db]))
        if not logins:
            raise RuntimeError("passend user demo printed no accounts")
        if postgres:
            # The same helpers as the other PostgreSQL suites (the test server's URI, psql).
            sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
            import index_follows_data as pg  # noqa: E402
            server_uri = pg.test_server_uri()
            database = "passend_openapi_%d" % os.getpid()
            pg.psql(server_uri, "DROP DATABASE IF EXISTS %s WITH (FORCE)" % database)
            pg.psql(server_uri, "CREATE DATABASE %s" % database)
            target = pg.with_database(server_uri, database)
        try:
            if postgres:
                run([binary, "migrate-db", "--from", db, "--to", target])
                db = target
            server = Server(binary, db)
            try:
                server.wait_until_healthy()
                return conformance(server, logins)
            finally:
                server.stop()
        finally:
            if postgres:
                pg.psql(server_uri, "DROP DATABASE IF EXISTS %s WITH (FORCE)" % database)


def conformance(server, logins):
    base = "http://127.0.0.1:%d" % server.port
    anon = Session(base)
    r = anon.request("GET", "/api/v1/openapi.json")
    if r.status != 200:
        raise RuntimeError("GET /api/v1/openapi.json answered %d" % r.status)
    doc = r.json()
    if not str(doc.get("openapi", "")).startswith("3.0"):
        raise RuntimeError("expected OpenAPI 3.0.x, got %r" % doc.get("openapi"))
    book = SchemaBook(doc)
    checker = Checker(book)

    sessions = {}
    for role, email, password in logins:
        sessions[role] = login(base, role, email, password)
    roles = [sessions[r] for r in ROLE_ORDER if r in sessions]
    roles += [s for r, s in sorted(sessions.items()) if r not in ROLE_ORDER]

    ops = []
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method == "get":
                ops.append((path, op))
    # Lists first (they give the ids), then by depth.
    ops.sort(key=lambda po: (po[0].count("{"), po[0]))

    ids = {}  # list path -> role -> ids seen in its list answers
    regions = []  # care-office codes, for a required ?region=
    r = anon.request("GET", "/api/v1/zorgkantoren")
    if r.status == 200:
        regions = [x.get("code") for x in r.json().get("items", []) if isinstance(x, dict)]
    for path, op in ops:
        status, suffix = success_of(op)
        if suffix is None:
            checker.skipped.append("%s: no JSON success schema declared" % path)
            continue
        schema_pointer = op_pointer(path, "get") + suffix
        public = op.get("x-permission") == "public"
        who = [anon] if public else roles
        required_query = [p["name"] for p in op.get("parameters", [])
                          if p.get("in") == "query" and p.get("required")]
        path_names = re.findall(r"\{(\w+)\}", path)

        attempts, hit, fillable = [], None, False
        for session in who:
            concrete = expand(path, session, ids) if path_names else [path]
            if concrete is None:
                continue
            queries = [""]
            for name in required_query:
                values = query_candidates(name, session, regions)
                if not values:
                    concrete = None
                    break
                queries = [q + ("&" if q else "?") + urllib.parse.urlencode({name: v})
                           for q in queries for v in values]
            if concrete is None:
                continue
            fillable = True
            for url in (c + q for c in concrete for q in queries):
                resp = session.request("GET", url)
                attempts.append((session.role, url, resp.status))
                if resp.status == int(status):
                    hit = (session, url, resp)
                    break
            if hit:
                break
        if not fillable:
            checker.skipped.append("%s: cannot fill %s" % (path, path_names + required_query))
            continue
        server_errors = ["as %s: GET %s answered %d" % a for a in attempts if a[2] >= 500]
        if hit is None:
            checker.fail("GET %s" % path, server_errors + [
                "no %s answer; tried: %s" % (status, ", ".join(
                    "as %s: %s -> %d" % a for a in attempts[:12]))])
            continue
        session, url, resp = hit
        label = "GET %s (%s%s)" % (path, url, "" if public else ", as " + session.role)
        checker.check(label, resp, schema_pointer, server_errors)
        try:
            body = resp.json()
        except ValueError:
            body = None
        if not path_names:
            # Ids from every role's list: a role sees only its own clients.
            for s in ([anon] if public else roles):
                b = body if s is session else None
                if b is None and isinstance(body, dict) and "items" in body:
                    other = s.request("GET", path)
                    b = other.json() if other.status == 200 else None
                collect_ids(ids, path, b, s.role)
        if any(p.get("name") == "cursor" for p in op.get("parameters", [])):
            walk_to_last_page(checker, session, url, body, schema_pointer,
                              "GET %s (every page%s)" % (
                                  path, "" if public else ", as " + session.role))
        if path == "/api/v1/clients/{id}/matches":
            extra = url + ("&" if "?" in url else "?") + "arrangements=true"
            r2 = session.request("GET", extra)
            label2 = "GET %s (%s, as %s)" % (path, extra, session.role)
            if r2.status != 200:
                checker.fail(label2, ["answered %d: %s" % (r2.status, r2.body[:300])])
            else:
                problems = checker.problems(r2, schema_pointer)
                if not problems and "arrangements" not in r2.json():
                    problems.append("no 'arrangements' in the answer to arrangements=true")
                checker.record(label2, problems)

    zoeken = doc["paths"].get("/api/v1/zoeken", {}).get("post")
    if zoeken is None:
        checker.skipped.append("/api/v1/zoeken: no POST operation in the document")
    else:
        status, suffix = success_of(zoeken)
        pointer = op_pointer("/api/v1/zoeken", "post") + (suffix or "")
        for i, body in enumerate(ZOEKEN_BODIES):
            url = "/api/v1/zoeken" + ("?arrangements=true" if i == 1 else "")
            label = "POST %s (body %d)" % (url, i + 1)
            resp = anon.request("POST", url, body)
            if suffix is None:
                checker.fail(label, ["no JSON success schema declared"])
            elif resp.status != int(status):
                checker.fail(label, ["answered %d: %s" % (resp.status, resp.body[:300])])
            else:
                checker.check(label, resp, pointer)

    # Two error answers against their declared problem schema (a $ref to
    # components/schemas/Problem), so the reference resolution is exercised too.
    for template, url, status in PROBLEM_CHECKS:
        op = doc["paths"].get(template, {}).get("get")
        media = op and op.get("responses", {}).get(status, {}).get("content", {})
        if not media or "application/problem+json" not in media:
            checker.skipped.append("%s: no problem+json schema declared for %s" % (template,
                                                                                   status))
            continue
        pointer = (op_pointer(template, "get") + "/responses/%s/content/" % status
                   + pointer_token("application/problem+json") + "/schema")
        resp = anon.request("GET", url)
        label = "GET %s (%s, error %s)" % (template, url, status)
        if resp.status != int(status):
            checker.fail(label, ["answered %d, expected %s" % (resp.status, status)])
        else:
            checker.check(label, resp, pointer, media_type="application/problem+json")

    # The self-service registration: the answers of the first search saved with a new
    # account (needs are a professional's, so left out); the request body is checked
    # against the declared request schema too.
    registratie = doc["paths"].get("/api/v1/registraties", {}).get("post")
    if registratie is None:
        checker.skipped.append("/api/v1/registraties: no POST operation in the document")
    else:
        body = {"account": {"role": "representative", "email": "conformance@example.nl",
                            "password": "een lang wachtwoord 9", "name": "Anja Smeets"},
                "client": {"name": "Meneer Smeets", "birth_year": 1938, "relation": "dochter"},
                "situation": {k: v for k, v in ZOEKEN_BODIES[0].items() if k != "needs"}}
        op = op_pointer("/api/v1/registraties", "post")
        request_errors = ["request body %s: %s" % (list(e.absolute_path), e.message)
                          for e in checker.book.validator(
                              op + "/requestBody/content/application~1json/schema"
                          ).iter_errors(body)]
        status, suffix = success_of(registratie)
        resp = Session(base, "registratie").request("POST", "/api/v1/registraties", body)
        label = "POST /api/v1/registraties"
        if suffix is None:
            checker.fail(label, ["no JSON success schema declared"])
        elif resp.status != int(status):
            checker.fail(label, ["answered %d: %s" % (resp.status, resp.body[:300])])
        else:
            checker.check(label, resp, op + suffix, extra=request_errors)

    for s in checker.skipped:
        print("skip %s" % s)
    total = checker.passed + checker.failed
    if total < MIN_CHECKS:
        print("FAIL only %d responses checked (at least %d expected)" % (total, MIN_CHECKS))
        checker.failed += 1
    print("%d passed, %d failed" % (checker.passed, checker.failed))
    return 0 if checker.failed == 0 else 1


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except (RuntimeError, OSError, subprocess.SubprocessError) as e:
        print("openapi_conformance: %s" % e, file=sys.stderr)
        print("0 passed, 1 failed")
        sys.exit(2)
