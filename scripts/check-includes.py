#!/usr/bin/env python3
"""Checks the include graph of src/ against the allowed module graph.

Every production file (tests, test fakes and test fixtures are exempt) may include:
  - any header of its own module;
  - a *public* header of a module its module may depend on (MODULES below).
Anything else is a wrong-way or an inward include and fails `make test`. The graph here is
the one docs/architecture.md draws; change both together.

  python3 scripts/check-includes.py [SRC_DIR]   check the tree (default: src next to scripts/)
  python3 scripts/check-includes.py --self-test  prove that wrong includes are caught
"""
import os
import re
import sys
import tempfile

# module -> (modules it may include, its public headers relative to src/; None: all public)
MODULES = {
    "domain": ([], None),
    "refdata": (["domain"], ["refdata/refdata.h", "refdata/csv.h"]),
    # The storage interfaces live with their modules; store/ hands them out (database.h).
    "store": (["domain", "catalog", "intake", "access", "monitor"],
              ["store/database.h", "store/page.h", "store/open_database.h",
               "store/copy_database.h"]),
    "catalog": (["domain", "store", "access"], ["catalog/catalog_service.h", "catalog/catalog_store.h"]),
    "intake": (["domain", "store", "access"],
               ["intake/intake_service.h", "intake/client_store.h", "intake/dossier_diff.h"]),
    # The access layer: its service (identity, policy, consents, audit), its storage
    # interface with the records in it, and the value types others pass around.
    "access": (["domain", "store", "catalog", "intake"],
               ["access/access_service.h", "access/access_store.h", "access/account.h",
                "access/audit_entry.h", "access/consent.h", "access/principal.h",
                "access/timestamp.h", "access/audit.h", "access/permissions.h",
                "access/policy.h", "access/demo_accounts.h", "access/local_time.h"]),
    "generate": (["domain", "refdata"], ["generate/generator.h", "generate/quality_report.h"]),
    "interop": (["domain", "refdata", "access", "intake"],
                ["interop/native_json.h", "interop/avg_json.h", "interop/json_reader.h",
                 "interop/catalog_csv.h", "interop/import_report.h", "interop/hsds.h",
                 "interop/fhir_directory.h", "interop/fhir_questionnaire.h",
                 "interop/fhir_dossier.h"]),
    "match": (["domain", "refdata", "interop", "intake", "catalog", "store"],
              ["match/match_service.h", "match/store_change_feed.h", "match/match.h",
               "match/json/match_json.h"]),
    # Monitoring over time (the trend of the mismatch map); later the quarterly figures.
    "monitor": (["domain", "store", "access", "match"],
                ["monitor/monitor_service.h", "monitor/map_history_store.h"]),
    "api": (["domain", "refdata", "store", "catalog", "intake", "access", "interop", "match",
             "monitor"],
            ["api/routes.h", "api/route.h", "api/server.h", "api/access_guard.h",
             "api/access_routes.h", "api/static_site.h"]),
    "cli": (["domain", "refdata", "store", "catalog", "intake", "access", "interop", "match",
             "generate", "api", "monitor"], ["cli/command.h", "cli/exit_codes.h", "cli/dutch_text.h"]),
    # app/ wires the concrete classes: the backend through store's factory, the services.
    "app": (["cli", "store", "refdata", "access", "catalog", "intake", "domain"], []),
}
# Backends: only store/ and app/ name them.
BACKEND_PREFIXES = ("store/sqlite/", "store/postgres/")
BACKEND_USERS = {"store", "app"}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def is_test(name):
    return (name.endswith("_test.cc") or "_for_test" in name or name.startswith("fake_")
            or name.startswith("test_"))


def violations(src):
    found = []
    for d, _, files in os.walk(src):
        for f in sorted(files):
            if not f.endswith((".h", ".cc")) or is_test(f):
                continue
            path = os.path.join(d, f)
            rel = os.path.relpath(path, src)
            module = rel.split(os.sep)[0]
            if module not in MODULES:
                found.append(f"{rel}: module '{module}' is not in the graph (scripts/check-includes.py)")
                continue
            deps, _ = MODULES[module]
            with open(path, encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    inc = m.group(1)
                    target = inc.split("/")[0]
                    if target == module:
                        continue
                    where = f"{rel}:{n}: #include \"{inc}\""
                    if target not in MODULES:
                        found.append(f"{where}: unknown module '{target}'")
                    elif inc.startswith(BACKEND_PREFIXES) and module not in BACKEND_USERS:
                        found.append(f"{where}: only store/ and app/ name a storage backend")
                    elif target not in deps:
                        found.append(f"{where}: {module}/ may not depend on {target}/ "
                                     f"(allowed: {', '.join(deps) or 'nothing'})")
                    elif MODULES[target][1] is not None and inc not in MODULES[target][1]:
                        found.append(f"{where}: not a public header of {target}/ "
                                     f"(public: {', '.join(MODULES[target][1])})")
    return found


def self_test():
    cases = {
        "domain/a.h": ('#include "refdata/refdata.h"\n', "domain/ may not depend on refdata/"),
        "catalog/b.cc": ('#include "api/route.h"\n', "catalog/ may not depend on api/"),
        "api/c.cc": ('#include "store/sqlite/sqlite_database.h"\n', "only store/ and app/"),
        "api/d.cc": ('#include "access/session.h"\n', "not a public header of access/"),
        "intake/e.cc": ('#include "intake/client_store.h"\n#include "store/database.h"\n', None),
        "intake/f_test.cc": ('#include "api/route.h"\n', None),  # tests are exempt
    }
    ok = True
    for rel, (text, expected) in cases.items():
        with tempfile.TemporaryDirectory() as tmp:
            os.makedirs(os.path.join(tmp, os.path.dirname(rel)))
            with open(os.path.join(tmp, rel), "w", encoding="utf-8") as fh:
                fh.write(text)
            got = violations(tmp)
            if expected is None and got:
                print(f"self-test: {rel} should pass, got {got}")
                ok = False
            if expected is not None and not any(expected in v for v in got):
                print(f"self-test: {rel} should fail with '{expected}', got {got}")
                ok = False
    print("check-includes self-test:", "ok" if ok else "FAILED")
    return 0 if ok else 1


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "src")
    found = violations(src)
    for v in found:
        print(v)
    if found:
        print(f"check-includes: {len(found)} include(s) against the module graph "
              "(scripts/check-includes.py, docs/architecture.md)")
        return 1
    print("check-includes: every include follows the module graph")
    return 0


if __name__ == "__main__":
    sys.exit(main())
