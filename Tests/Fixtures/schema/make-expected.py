#!/usr/bin/env python3
"""Capture what one Workshop version showed for every order of a fixture database.

Run with the binary built from the SAME commit that wrote the database (never with newer code):

    make-expected.py --workshop BUILD/debug/workshop --db schema-vN.db --schema N --commit SHA \
        --detail show|invoice [--status S ...] [--list-option all] [--arg=--user --arg=NAME] > schema-vN.expected.json

It works on a temporary copy of the database (signing in may touch the staff table from v5 on), so
the fixture itself is never opened for writing. It only reads: `ro list` (JSON) to find every order
with its plate, status and list total, then for each order the detail command (`ro show RO…` for
v1/v2, which carries the totals; `invoice RO…` from v3 on). Money in Workshop's JSON is
{"fen": …, "yuan": "…"}; it is written here as the integer fen, under the field name that version
printed:
  * top-level money fields of the detail command keep their names (invoice: labor, parts, other,
    warranty, discount, tax, total, paid, balance);
  * the money fields of `ro show`'s "totals" object are lifted to the top (labor, parts, other, net,
    tax, total);
  * "lines": number, kind, status and amount (fen) of each line the detail command listed
    (ro show: every line, approved and declined; invoice: the approved lines only);
  * "payments" (invoice): amount (fen, a refund is negative) and method;
  * "list_total": the "total" that `ro list` printed for the order.
The number of orders found by `ro list` is checked against `SELECT count(*) FROM orders` (SQLite,
read-only) so that no order is missed, and PRAGMA user_version against --schema.
Environment: WORKSHOP_* variables are not passed on, except WORKSHOP_PIN (v5: --user needs it).
"""
import argparse
import json
import sqlite3
import subprocess
import sys


def run(args, command):
    cmd = [args.workshop, "--db", args.db, "--json"] + args.arg + ["-c", command]
    done = subprocess.run(cmd, capture_output=True, text=True, env=args.env)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stdout}{done.stderr}")
    docs = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    if len(docs) != 1:
        sys.exit(f"expected one JSON document from {command!r}, got {len(docs)}")
    return docs[0]


def is_money(value):
    return isinstance(value, dict) and set(value) == {"fen", "yuan"}


def order_key(number):
    return int(number.lstrip("RO"))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--workshop", required=True)
    p.add_argument("--db", required=True)
    p.add_argument("--schema", type=int, required=True)
    p.add_argument("--commit", required=True)
    p.add_argument("--detail", choices=["show", "invoice"], required=True)
    p.add_argument("--status", action="append", default=[],
                   help="also run `ro list status=S` (statuses the default list leaves out)")
    p.add_argument("--list-option", action="append", default=[],
                   help="also run `ro list OPTION` (e.g. all)")
    p.add_argument("--arg", action="append", default=[], help="an extra command-line argument for workshop")
    args = p.parse_args()
    import os, shutil, tempfile
    scratch = tempfile.mkdtemp(prefix="workshop-expected-")
    copy = os.path.join(scratch, os.path.basename(args.db))
    for suffix in ("", "-wal"):
        if os.path.exists(args.db + suffix):
            shutil.copyfile(args.db + suffix, copy + suffix)
    fixture, args.db = args.db, copy
    args.env = {k: v for k, v in os.environ.items() if not k.startswith("WORKSHOP_")}
    if "WORKSHOP_PIN" in os.environ:
        args.env["WORKSHOP_PIN"] = os.environ["WORKSHOP_PIN"]

    listed = {}
    commands = ["ro list"] + [f"ro list status={s}" for s in args.status] + [f"ro list {o}" for o in args.list_option]
    for command in commands:
        for row in run(args, command)["orders"]:
            listed.setdefault(row["order"], row)

    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    count = db.execute("SELECT count(*) FROM orders").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    db.close()
    if count != len(listed):
        sys.exit(f"ro list found {len(listed)} orders, the database has {count}: add --status/--list-option")
    if version != args.schema:
        sys.exit(f"PRAGMA user_version is {version}, not {args.schema}")

    orders = []
    for number in sorted(listed, key=order_key):
        row = listed[number]
        detail = run(args, f"ro show {number}" if args.detail == "show" else f"invoice {number}")
        entry = {"order": number, "plate": row["plate"], "status": row["status"]}
        if detail.get("status") != row["status"]:
            sys.exit(f"{number}: ro list says {row['status']}, {args.detail} says {detail.get('status')}")
        for key, value in detail.items():
            if is_money(value):
                entry[key] = value["fen"]
            elif key == "totals" and isinstance(value, dict):
                for k, v in value.items():
                    if is_money(v):
                        if k in entry:
                            sys.exit(f"{number}: field {k} twice")
                        entry[k] = v["fen"]
        lines = []
        for line in detail.get("lines", []):
            item = {"number": line["number"], "kind": line["kind"], "status": line.get("status"),
                    "amount": line["amount"]["fen"]}
            lines.append(item)
        entry["lines"] = lines
        if "payments" in detail:
            entry["payments"] = [{"amount": pay["amount"]["fen"], "method": pay["method"]} for pay in detail["payments"]]
        entry["list_total"] = row["total"]["fen"]
        orders.append(entry)

    if args.detail == "show":
        fields = ("money in integer fen. labor, parts, other, net, tax, total: `ro show RO --json` .totals; "
                  "lines[].amount and status: `ro show RO --json` .lines (every line, approved and declined); "
                  "plate, status, list_total: `ro list --json` (.total)")
    else:
        fields = ("money in integer fen. labor, parts, other, warranty, discount, tax, total, paid, balance: "
                  "`invoice RO --json` (top level); lines[]: `invoice RO --json` .lines (approved lines only); "
                  "payments[]: `invoice RO --json` .payments (refunds negative); "
                  "plate, status, list_total: `ro list --json` (.total, before discount and warranty)")
    out = {"schema": args.schema, "commit": args.commit, "fields": fields,
           "list_commands": commands, "orders": orders}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
