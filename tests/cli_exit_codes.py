#!/usr/bin/env python3
"""The command line as docs/operations.md describes it: Dutch help, documented exit codes.

    python3 tests/cli_exit_codes.py build/passend docs/operations.md src/cli/exit_codes.cc

1. `passend --help` and the help of every subcommand (found by walking the "Subcommando's"
   lists) exit 0 and hold none of CLI11's English words.
2. Every exit code docs/operations.md lists is the one the table in src/cli/exit_codes.cc
   gives, and the table gives no code the docs leave out.
3. Every code a command line can cause is caused once by a real command and checked, with
   its message in Dutch on stderr: 0, 2 (several wrong command lines and bad input),
   3, 4, 6, 10. The others (1 internal, 5 conflict, 7 permission denied, 8 unauthenticated,
   9 too large) come from the API's paths or from bugs; for them the table check (2) stands.
4. Every command that reads or writes personal data (issue 23.11: match --client, export,
   import of dossiers, client list/show/history/export) refuses to run without --reason
   (exit 2), and with it writes access-log entries naming who ran it (--as an account, or
   "systeem:<os user>") and why, read back from the database.
"""

import json
import os
import pwd
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

ENGLISH = ["Usage", "Options", "OPTIONS", "Subcommands", "SUBCOMMAND", "SUBCOMMANDS",
           "Positionals", "REQUIRED", "TEXT", "INT", "UINT", "FLOAT", "Print this help",
           "Display program version", "is required", "Could not convert", "not expected",
           "Run with", "for more information", "Requires at least", "Expected"]

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FOUT:", what)


def run(binary, args, stdin=None):
    p = subprocess.run([binary] + args, capture_output=True, text=True, input=stdin)
    return p.returncode, p.stdout, p.stderr


def english_in(text):
    return [w for w in ENGLISH if re.search(r"\b" + re.escape(w) + r"\b", text)]


def walk_help(binary, path):
    code, out, err = run(binary, path + ["--help"])
    name = " ".join(["passend"] + path)
    check(code == 0, f"{name} --help exits {code}")
    check(out.strip() != "", f"{name} --help prints nothing")
    check("Gebruik:" in out, f"{name} --help has no 'Gebruik:'")
    check(not english_in(out + err), f"{name} --help holds English: {english_in(out + err)}")
    seen = 1
    section = re.search(r"Subcommando's:\n((?:  \S.*\n?)+)", out)
    if section:
        for line in section.group(1).splitlines():
            seen += walk_help(binary, path + [line.split()[0]])
    return seen


def documented_codes(ops_md):
    text = open(ops_md, encoding="utf-8").read()
    m = re.search(r"Exit codes \(`src/cli/exit_codes.cc`\):(.*?)\n\n", text, re.S)
    check(m is not None, "docs/operations.md has no exit code list")
    return {int(n) for n in re.findall(r"(?:^|[\s,])(\d+)\s[a-z]", m.group(1))} if m else set()


def table_codes(exit_codes_cc):
    return {int(n) for n in re.findall(r"return (\d+);", open(exit_codes_cc).read())}


def log_entries(db, **where):
    """Access-log rows of `db` matching every column=value in `where`, as dicts."""
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    clause = " AND ".join(f"{k} = ?" for k in where) or "1"
    rows = [dict(r) for r in con.execute(f"SELECT * FROM audit_log WHERE {clause} ORDER BY seq",
                                         list(where.values()))]
    con.close()
    return rows


def check_operator_log(binary, d, db, client_id):
    """Issue 23.11: who and why for every command on personal data."""
    os_user = pwd.getpwuid(os.geteuid()).pw_name
    system = "systeem:" + os_user
    con = sqlite3.connect(db)
    admin_id = con.execute("SELECT id FROM users WHERE email = 'a@example.nl'").fetchone()[0]
    clients = con.execute("SELECT COUNT(*) FROM clients").fetchone()[0]
    con.close()
    export_path = os.path.join(d, "alles.json")
    key_args = []
    # Without --reason each refuses with exit 2 and writes nothing.
    before = len(log_entries(db))
    for args in (["match", "--db", db, "--client", client_id],
                 ["export", "--db", db, "--out", export_path],
                 ["client", "list", "--db", db],
                 ["client", "show", "--db", db, "--client", client_id],
                 ["client", "history", "--db", db, "--client", client_id],
                 ["client", "export", "--db", db, "--client", client_id],
                 ["client", "export", "--format", "fhir", "--db", db, "--client", client_id],
                 ["client", "import", "--format", "fhir", "--db", db, export_path]):
        code, out, err = run(binary, args + key_args)
        name = "passend " + " ".join(args[:2])
        check(code == 2, f"{name} without --reason: exit {code}: {err.strip()}")
        check(err.startswith("fout: Geef met --reason op waarom u"),
              f"{name} without --reason: {err.strip()}")
        check(not os.path.exists(export_path), f"{name} without --reason wrote a file")
    check(len(log_entries(db)) == before, "a refused command wrote to the access log")

    # The reads done above (main) are in the log, with who, why, source and credential.
    for action, resource, reason, user in (("read", "dossier", "intake 23.11", admin_id),
                                           ("read", "match", "plek zoeken 23.11", system),
                                           ("read", "dossier", "versies 23.11", system),
                                           ("list", "dossier", "zoeken voor de test", system)):
        rows = log_entries(db, resource=resource, action=action, reason=reason)
        check(len(rows) == 1, f"{resource}.{action} '{reason}': {len(rows)} entries")
        for r in rows:
            check(r["user_id"] == user, f"{resource}.{action}: user {r['user_id']}, want {user}")
            check(r["source"] == "opdrachtregel" and r["credential"] == "os:" + os_user,
                  f"{resource}.{action}: source {r['source']}, credential {r['credential']}")
            if reason != "zoeken voor de test":
                check(r["client_id"] == client_id, f"{resource}.{action}: {r['client_id']}")

    # export: one entry per dossier written; client export: one; import: one per dossier.
    code, _, err = run(binary, ["export", "--db", db, "--out", export_path, "--reason",
                                "back-up 23.11", "--as", admin_id])
    check(code == 0, f"export --reason: exit {code}: {err}")
    exported = log_entries(db, resource="dossier", action="export", reason="back-up 23.11")
    with open(export_path, encoding="utf-8") as f:
        in_file = {c["id"] for c in json.load(f).get("clients", [])}
    check(len(in_file) == clients > 0, f"export holds {len(in_file)} of {clients} clients")
    check({r["client_id"] for r in exported} == in_file and len(exported) == len(in_file),
          f"export logged {len(exported)} entries for {len(in_file)} dossiers")
    check(all(r["user_id"] == admin_id for r in exported), "export: not logged as --as")
    code, _, err = run(binary, ["client", "export", "--db", db, "--client", client_id,
                                "--out", os.path.join(d, "een.json"), "--reason", "AVG-123"])
    check(code == 0, f"client export: exit {code}: {err}")
    check(len(log_entries(db, resource="client", action="export", reason="AVG-123",
                          client_id=client_id, user_id=system)) == 1, "client export not logged")
    other = os.path.join(d, "ander.db")
    code, _, err = run(binary, ["import", "--db", other, export_path])
    check(code == 2 and "Geef met --reason" in err, f"import of dossiers without --reason: {code}")
    code, _, err = run(binary, ["import", "--db", other, export_path, "--reason", "overzetten"])
    check(code == 0, f"import --reason: exit {code}: {err}")
    imported = log_entries(other, resource="dossier", action="import", reason="overzetten")
    check({r["client_id"] for r in imported} == in_file and len(imported) == len(in_file),
          f"import logged {len(imported)} entries for {len(in_file)} dossiers")
    code, out, err = run(binary, ["audit", "verify", "--db", db])
    check(code == 0, f"audit verify after the CLI's entries: {code} {err}")


def main():
    binary, ops_md, exit_codes_cc = sys.argv[1:4]
    helps = walk_help(binary, [])
    check(helps >= 10, f"only {helps} help pages found")

    docs = documented_codes(ops_md)
    table = table_codes(exit_codes_cc) | {0}
    check(docs == set(range(0, 11)), f"documented codes {sorted(docs)}")
    check(docs == table, f"docs list {sorted(docs)}, the table gives {sorted(table)}")

    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "r.db")
        pw = os.path.join(d, "pw")
        with open(pw, "w") as f:
            f.write("een lang wachtwoord\n")
        user = ["user", "add", "--db", db, "--email", "a@example.nl", "--name", "A",
                "--organisation", "org-1", "--organisation-name", "Org", "--password-file", pw]
        garbage = os.path.join(d, "geen-database.db")
        with open(garbage, "wb") as f:
            f.write(b"dit is geen database\n" * 400)
        cases = [
            (0, ["generate", "--region", "rotterdam", "--seed", "1", "--db", db], None),
            (0, ["--version"], None),
            (2, [], "Kies een subcommando"),
            (2, ["generat"], "Onbekend subcommando: generat"),
            (2, ["export"], "De optie --db is verplicht"),
            (2, ["generate", "--db", db, "--seed", "veel"], "De waarde 'veel' past niet bij --seed"),
            (2, ["export", "--db", db, "extra"], "Onbekend op deze plek: extra"),
            (2, ["client", "erase", "--db", db, "--client", "x"], "De optie --reason is verplicht"),
            (2, ["generate", "--region", "atlantis", "--db", db + "2"], "Onbekende regio"),
            (0, user, None),
            (3, ["import", "--db", db, os.path.join(d, "geen.json")], "kan niet worden gelezen"),
            (3, ["client", "export", "--db", db, "--client", "cli-bestaat-niet", "--reason", "t"],
             "bestaat niet"),
            (2, ["client", "show", "--db", db], "De optie --client is verplicht"),
            (2, ["client", "list", "--db", db, "--birth-year", "oud"],
             "De waarde 'oud' past niet bij --birth-year"),
            (2, ["client", "list", "--db", db, "--municipality", "GM9999", "--reason", "t"],
             "Onbekende gemeentecode"),
            (2, ["client", "list", "--db", db, "--limit", "0"], "--limit"),
            # Issue 23.2: the map's threshold is configurable, never below 5 clients.
            (2, ["mismatch", "--db", db, "--min-clients", "4"], "--min-clients is minstens 5"),
            (3, ["client", "history", "--db", db, "--client", "cli-bestaat-niet", "--reason", "t"],
             "bestaat niet"),
            (3, ["client", "show", "--db", os.path.join(d, "geen.db"), "--client", "x",
                 "--reason", "t"], "bestaat niet"),
            (2, ["client", "show", "--db", db, "--client", "x", "--reason", "t", "--as",
                 "niemand@example.nl"], "geen account 'niemand@example.nl'"),
            (4, user, "Er is al een gebruiker"),
            (6, ["generate", "--region", "rotterdam", "--db", db], "bevat al gegevens"),
            (10, ["export", "--db", d], "kan niet worden geopend"),
            (10, ["export", "--db", garbage], "geen Passend-database"),
        ]
        for want, args, message in cases:
            code, out, err = run(binary, args)
            name = "passend " + " ".join(args)
            check(code == want, f"{name}: exit {code}, want {want}: {err.strip()}")
            if message is not None:
                check(message in err, f"{name}: '{message}' not in stderr: {err.strip()}")
                check(not english_in(err), f"{name}: English in {err.strip()}")
                check(err.startswith("fout: "), f"{name}: stderr does not start with 'fout: '")
        # passend client list / show / history read the generated clients.
        code, out, err = run(binary, ["client", "list", "--db", db, "--limit", "1",
                                      "--reason", "zoeken voor de test"])
        check(code == 0 and len(out.splitlines()) == 1, f"client list --limit 1: {code} {out}")
        check("cliënten gevonden" in err, f"client list: no count on stderr: {err}")
        client_id, name = out.split()[0], out.split()[1]
        code, out, err = run(binary, ["client", "show", "--db", db, "--client", client_id,
                                      "--reason", "intake 23.11", "--as", "a@example.nl"])
        check(code == 0 and name in out and "Wensen:" in out, f"client show: {code} {out} {err}")
        # The care profile in words, as a client first reads it (issue 24.3): "6VV: beschermd ...".
        check(re.search(r"zorgprofiel \w+: [a-z]", out) is not None,
              f"client show: profile without words: {out[:300]}")
        code, out, err = run(binary, ["match", "--db", db, "--client", client_id,
                                      "--reason", "plek zoeken 23.11"])
        check(code == 0 and re.search(r"zorgprofiel \w+: [a-z]", out) is not None,
              f"match: profile without words: {code} {out[:300]} {err}")
        code, out, err = run(binary, ["client", "history", "--db", db, "--client", client_id,
                                      "--reason", "versies 23.11"])
        check(code == 0 and out.startswith("Versie 1"), f"client history: {code} {out} {err}")
        # The trend of the mismatch map (issue 19.9): nothing kept yet, two moments kept.
        code, out, err = run(binary, ["mismatch", "--db", db, "--trend"])
        check(code == 0 and "Nog geen bewaarde momenten" in out, f"mismatch --trend: {code} {out}")
        code, out, err = run(binary, ["mismatch", "--db", db, "--bewaar", "--trend"])
        check(code == 2 and "niet allebei" in err, f"mismatch --bewaar --trend: {code} {err}")
        for n in range(2):
            if n:
                time.sleep(1.1)  # one moment per second and region
            code, out, err = run(binary, ["mismatch", "--db", db, "--bewaar"])
            check(code == 0 and "Bewaard:" in err, f"mismatch --bewaar: {code} {err}")
        code, out, err = run(binary, ["mismatch", "--db", db, "--trend"])
        check(code == 0 and "(2 momenten)" in out and "Met een mismatch" in out,
              f"mismatch --trend after two: {code} {out}")
        code, out, err = run(binary, ["mismatch", "--db", db, "--trend", "--json"])
        trend = json.loads(out) if code == 0 else {}
        check(len(trend.get("moments", [])) == 2 and trend.get("per_wish"),
              f"mismatch --trend --json: {code} {out[:300]}")
        check(all(len(w["clients"]) == 2 for w in trend.get("per_wish", [])),
              "mismatch --trend --json: a wish without a count per moment")
        code, out, err = run(binary, ["mismatch", "--db", db, "--trend", "--csv"])
        check(code == 0 and out.startswith("\ufeffniveau;sleutel;omschrijving;"),
              f"mismatch --trend --csv: {code} {out[:200]}")
        check_operator_log(binary, d, db, client_id)
        seen = {want for want, _, _ in cases}
        check(seen == {0, 2, 3, 4, 6, 10}, f"codes caused: {sorted(seen)}")

    print(f"{helps} help pages, {len(cases)} commands; {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
