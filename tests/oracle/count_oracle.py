#!/usr/bin/env python3
"""Independent oracle for `hlm count` and the count-threshold rules of `hlm check`.

Written from docs of the contract only (shared spec: rules-count-thresholds.md, cli.md,
formats.md, rpls.md), without reading hlm's src/law.  Standard library only.

It reads a directory of input files laid out like `hlm demo --out DIR`:
  organisms.csv, groups.csv, foyers.csv,
  rpls-YYYY.csv          open-data file (column siren/owner), millésime YYYY
  rpls-YYYY-SIREN.csv    open-data file of one landlord without owner column (--owner SIREN)
  rpls-YYYY-SIREN.txt    landlord submission file (header + 64-position lines)
  rpls-YYYY-TAG.csv      another open-data file of year YYYY (TAG not a SIREN)
Files of one year are imported national first, then the others by name; each replaces,
for its year, the stock of every owner present in it (formats.md).
imports them into a fresh store with the built hlm (unless --db names a loaded store),
computes the expected `hlm count --format json` figures and the findings
(rule, code, severity, subject, version) of rules L423-1, L423-2 and DATA-REF
for each date, runs hlm, and compares.

Usage:
  count_oracle.py --hlm BIN [--dates D1,D2...] [--db STORE] [--filters] [--reverse-import]
                  [reverse:]DIR[@D1,D2...] ...
Prints one line per mismatch, then `N passed, N failed`; exit 1 on any mismatch.
"""
import argparse
import collections
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

COUNTING = {"OPH", "ESH", "COOP", "SCIC", "FONDATION", "SEM_AGREE"}
HLM5 = {"OPH", "ESH", "COOP", "SCIC", "FONDATION"}
ELAN = "2021-01-01"
ELAN_PUBLISHED = "2018-11-25"
THRESHOLD_GROUP = 12000
BREAKDOWN = ("conventionne", "pre_1977_only", "foyer_beds", "foyer_equivalent",
             "foyer_autonomous")
COUNT_FIELDS = ("managed",) + BREAKDOWN + ("counted",)
RULES = {"L423-1", "L423-2", "DATA-REF"}


# ---------------------------------------------------------------- reading
def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        text = f.read().replace("\r\n", "\n")
    rows = list(csv.reader(text.split("\n"), delimiter=";"))
    rows = [r for r in rows if r and any(c != "" for c in r)]
    head = rows[0]
    return [dict(zip(head, r)) for r in rows[1:]]


def to_int(s):
    s = (s or "").strip()
    if re.fullmatch(r"-?\d+", s):
        return int(s)
    return None


class Data:
    def __init__(self):
        self.orgs = {}      # id -> row
        self.groups = {}    # id -> row
        self.foyers = []    # rows with int fields
        # stock[(owner, year)] = list of (manager_or_None, construct, patrimoine, origine, conv)
        self.stock = {}
        self.imports = []   # (kind, path, extra args) in import order

    def by_rpls_number(self, num):
        for oid, o in self.orgs.items():
            if (o.get("rpls_number") or "") == num:
                return oid
        return None


def load_dir(d):
    data = Data()
    for name in ("organisms", "groups", "foyers"):
        p = os.path.join(d, name + ".csv")
        if os.path.exists(p):
            data.imports.append((name, p, []))
    for r in read_csv(os.path.join(d, "organisms.csv")):
        data.orgs[r["id"]] = r
    if os.path.exists(os.path.join(d, "groups.csv")):
        for r in read_csv(os.path.join(d, "groups.csv")):
            data.groups[r["id"]] = r
    if os.path.exists(os.path.join(d, "foyers.csv")):
        for r in read_csv(os.path.join(d, "foyers.csv")):
            data.foyers.append({
                "owner": r["owner"], "manager": r.get("manager") or r["owner"],
                "structure_id": r["structure_id"], "beds": to_int(r["beds"]) or 0,
                "autonomous": (r.get("autonomous") or "0") == "1",
                "dwellings": to_int(r.get("dwellings")) or 0,
                "conv": to_int(r["conv"]), "construct": to_int(r["construct"]),
                "year": to_int(r["year"])})
    files = sorted(f for f in os.listdir(d) if re.fullmatch(r"rpls-\d{4}(-\w+)?\.(csv|txt)", f))
    # open-data national files first, then single-landlord files (hlm demo's order)
    files.sort(key=lambda f: (f.count("-"), f))
    for f in files:
        p = os.path.join(d, f)
        # rpls-YYYY-SIREN.csv: one landlord's file without owner column (--owner);
        # rpls-YYYY-TAG.csv: another national file of that year, imported after
        m = re.fullmatch(r"rpls-(\d{4})(?:-(\w+))?\.(csv|txt)", f)
        year, owner, ext = int(m.group(1)), m.group(2), m.group(3)
        if owner and not re.fullmatch(r"\d{9}", owner):
            owner = None
        if ext == "txt":
            file_stock = read_submission(data, p)
            data.imports.append(("rpls", p, []))
        else:
            file_stock = read_opendata(p, owner)
            extra = ["--year", str(year)] + (["--owner", owner] if owner else [])
            data.imports.append(("rpls", p, extra))
            file_stock = {(o, year): v for o, v in file_stock.items()}
        for k, v in file_stock.items():   # replaces, for that year, each owner present
            data.stock[k] = v
    return data


def read_opendata(path, owner_opt):
    out = collections.defaultdict(list)
    for r in read_csv(path):
        owner = r.get("siren") or r.get("owner") or owner_opt
        out[owner].append((r.get("manager") or None, to_int(r.get("CONSTRUCT")),
                           to_int(r.get("PATRIMOINE")), to_int(r.get("ORIGINE")),
                           to_int(r.get("CONV"))))
    return out


def read_submission(data, path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = [l.rstrip("\r\n").rstrip("\r") for l in f if l.strip("\r\n")]
    head = lines[0].split(";")
    year = int(head[0])
    sirets = [h for h in head if re.fullmatch(r"\d{14}", h)]
    owner = sirets[0][:9]
    out = collections.defaultdict(list)
    for l in lines[1:]:
        p = l.split(";")
        num = p[52] if len(p) > 52 else ""
        manager = None
        if num:
            manager = data.by_rpls_number(num) or ("rpls:" + num)
        out[(owner, year)].append((manager, to_int(p[25]), to_int(p[27]), to_int(p[28]),
                                   to_int(p[33])))
    return out


# ---------------------------------------------------------------- computing
def ystart(y):
    return "%04d-01-01" % y


class Result:
    pass


def compute(data, as_of):
    res = Result()
    kind = {oid: o["kind"] for oid, o in data.orgs.items()}
    # stock selection: for each owner, latest year with Y-01-01 <= D
    best = {}
    for (owner, y) in data.stock:
        if ystart(y) <= as_of and y > best.get(owner, -1):
            best[owner] = y
    fbest = {}
    for f in data.foyers:
        if f["year"] is not None and ystart(f["year"]) <= as_of and f["year"] > fbest.get(f["owner"], -1):
            fbest[f["owner"]] = f["year"]
    sel_foyers = [f for f in data.foyers if fbest.get(f["owner"]) == f["year"]]
    # the most recent stock year used: RPLS years and foyer years (foyers.csv `year`
    # is a millésime too, formats.md); hlm's reading, the spec does not say which
    years = list(best.values()) + list(fbest.values())
    res.millesime = max(years) if years else None

    named = set()
    managed = collections.Counter()
    conv = collections.Counter()
    pre77 = collections.Counter()
    beds = collections.Counter()
    auto = collections.Counter()
    built10 = collections.Counter()   # L423-1: owned, ORIGINE 1, Y-10 <= CONSTRUCT <= Y-1
    entered6 = collections.Counter()  # L423-2 I 1°: owned, Y-6 <= PATRIMOINE <= Y-1
    for owner, y in best.items():
        named.add(owner)
        for (mgr, cons, patr, orig, cv) in data.stock[(owner, y)]:
            m = mgr or owner
            named.add(m)
            managed[m] += 1
            if orig == 1 and cons is not None and y - 10 <= cons <= y - 1:
                built10[owner] += 1
            if patr is not None and y - 6 <= patr <= y - 1:
                entered6[owner] += 1
            if kind.get(m) not in COUNTING:
                continue
            if cv == 1:
                conv[m] += 1
            elif kind.get(owner) in COUNTING and (
                    (cons is not None and cons <= 1976) or
                    (orig == 2 and patr is not None and patr <= 1976)):
                pre77[m] += 1
    for f in sel_foyers:
        named.add(f["owner"])
        named.add(f["manager"])
        m = f["manager"]
        if kind.get(m) not in COUNTING:
            continue
        q = f["conv"] == 1 or (kind.get(f["owner"]) in COUNTING and f["construct"] is not None
                               and f["construct"] <= 1976)
        if not q:
            continue
        if f["autonomous"]:
            auto[m] += f["dwellings"]
        else:
            beds[m] += f["beds"]

    r411 = as_of >= ELAN
    res.counts = {}
    res.r411 = {}     # R411-6 counted, whatever the date (for the 2019-2020 announcement)
    for oid, o in data.orgs.items():
        if o["kind"] not in COUNTING:
            continue
        if oid not in named:
            res.counts[oid] = None
            res.r411[oid] = None
            continue
        c = {"managed": managed[oid], "conventionne": conv[oid], "pre_1977_only": pre77[oid],
             "foyer_beds": beds[oid], "foyer_equivalent": beds[oid] // 3,
             "foyer_autonomous": auto[oid]}
        c["counted"] = c["conventionne"] + c["pre_1977_only"] + c["foyer_equivalent"] + c["foyer_autonomous"]
        res.r411[oid] = c["counted"]
        if not r411:
            for k in BREAKDOWN:
                c[k] = None
            c["counted"] = c["managed"]
        res.counts[oid] = c
    res.rule = "R411-6" if r411 else "managed"

    # ------------------------------------------------------------ findings
    F = []

    def add(rule, version, sev, code, stype, sid):
        F.append((rule, version, sev, code, stype, sid))

    def managed_of(oid):
        c = res.counts.get(oid)
        return None if c is None else c["managed"]

    in_group = {oid: bool(o.get("group_id")) for oid, o in data.orgs.items()}
    dep = {oid: o.get("departement") or None for oid, o in data.orgs.items()}
    groups_in_dep = collections.Counter(g.get("departement") for g in data.groups.values())

    def dept_exempt(oid):
        d = dep.get(oid)
        if not d:
            return False
        for other, o in data.orgs.items():
            if other == oid or in_group[other]:
                continue
            if o["kind"] in HLM5 or o["kind"] == "SEM_AGREE":
                if dep[other] == d:
                    return False
        return groups_in_dep[d] == 0

    def accession_exempt(oid):
        a = data.orgs[oid].get("accession_main_activity") or ""
        if a != "1":
            return False
        # no RPLS stock of its own at the date: the six-year figure is unknown,
        # and an unknown fact never proves an exemption (I11, I13)
        if oid not in best:
            return False
        return entered6[oid] <= 600

    def elan_required(oid, cnt):
        """None (nothing), or the list of exemption codes, or [] meaning required."""
        return [c for c, ok in (("GROUP_EXEMPT_ACCESSION", accession_exempt(oid)),
                                ("GROUP_EXEMPT_DEPARTEMENT", dept_exempt(oid))) if ok]

    for oid, o in data.orgs.items():
        k = o["kind"]
        if k not in HLM5:
            continue
        if as_of < ELAN:
            # L423-2, 1993 text (in force from 1993-01-30, hlm rules)
            v = "1993-01-30"
            need_missing = False
            if as_of < "1993-01-30":
                pass
            elif managed_of(oid) is None:
                need_missing = True
            elif managed_of(oid) > 50000:
                add("L423-2", v, "info", "OVER_50000", "organism", oid)
            # announcement of the ELAN obligation
            if as_of >= ELAN_PUBLISHED and not in_group[oid]:
                if res.r411[oid] is None:
                    need_missing = True
                elif res.r411[oid] < THRESHOLD_GROUP and not elan_required(oid, res.r411[oid]):
                    # the announcement is of the ELAN text: hlm dates it by that version
                    add("L423-2", "2018-11-25", "warning", "GROUP_REQUIRED_SOON", "organism", oid)
            if need_missing:
                add("L423-2", v, "warning", "MISSING_FACT", "organism", oid)
            # L423-1, 2012 text (dated 1978-06-08 by hlm, I15)
            v1 = "1978-06-08"
            m = managed_of(oid)
            if as_of < v1:
                pass
            elif m is None:
                add("L423-1", v1, "warning", "MISSING_FACT", "organism", oid)
            elif m < 1500 and built10[oid] < 500:
                loans = to_int(o.get("loans_granted_10y"))
                if loans is None:
                    add("L423-1", v1, "warning", "MISSING_FACT", "organism", oid)
                elif loans < 300:
                    add("L423-1", v1, "info", "DISSOLUTION_POSSIBLE", "organism", oid)
        else:
            v = "2018-11-25"
            if not in_group[oid]:
                cnt = res.counts[oid]
                if cnt is None:
                    add("L423-2", v, "warning", "MISSING_FACT", "organism", oid)
                elif cnt["counted"] < THRESHOLD_GROUP:
                    ex = elan_required(oid, cnt["counted"])
                    for code in ex:
                        add("L423-2", v, "info", code, "organism", oid)
                    if not ex:
                        add("L423-2", v, "violation", "GROUP_REQUIRED", "organism", oid)
                # L423-1 ELAN text
                m = managed_of(oid)
                if m is None:
                    add("L423-1", v, "warning", "MISSING_FACT", "organism", oid)
                elif m < 1500 and built10[oid] < 500:
                    ins = o.get("insufficient_mission_contribution") or ""
                    if ins == "":
                        add("L423-1", v, "warning", "MISSING_FACT", "organism", oid)
                    elif ins == "1":
                        add("L423-1", v, "info", "DISSOLUTION_POSSIBLE", "organism", oid)
    if as_of >= ELAN:
        members = collections.defaultdict(list)
        for oid, o in data.orgs.items():
            if o.get("group_id"):
                members[o["group_id"]].append(oid)
        for gid, g in data.groups.items():
            if groups_in_dep[g.get("departement")] == 1:
                continue
            ms = [m for m in members[gid] if data.orgs[m]["kind"] in COUNTING]
            if any(res.counts[m] is None for m in ms):
                add("L423-2", "2018-11-25", "warning", "MISSING_FACT", "group", gid)
                continue
            if sum(res.counts[m]["counted"] for m in ms) < THRESHOLD_GROUP:
                add("L423-2", "2018-11-25", "violation", "GROUP_TOO_SMALL", "group", gid)
    # DATA-REF: references to nothing
    for oid, o in data.orgs.items():
        if o.get("group_id") and o["group_id"] not in data.groups:
            add("DATA-REF", "1900-01-01", "warning", "UNKNOWN_REFERENCE", "organism", oid)
    for gid, g in data.groups.items():
        if g.get("head_id") and g["head_id"] not in data.orgs:
            add("DATA-REF", "1900-01-01", "warning", "UNKNOWN_REFERENCE", "group", gid)
    # a manager named in the stock used at the date but in no file: one finding per owner
    # and unknown manager of its selected RPLS year, one per foyer structure
    for owner, y in best.items():
        ghosts = {mgr for (mgr, *_rest) in data.stock[(owner, y)] if mgr and mgr not in data.orgs}
        for g in ghosts:
            add("DATA-REF", "1900-01-01", "warning", "UNKNOWN_REFERENCE", "organism", owner)
    for f in sel_foyers:
        if f["manager"] not in data.orgs:
            add("DATA-REF", "1900-01-01", "warning", "UNKNOWN_REFERENCE", "organism", f["owner"])
    res.findings = F
    return res


# ---------------------------------------------------------------- comparing
def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def load_store(hlm, db, data, reverse=False):
    """Imports in hlm demo's order, or (reverse) the stock first and organisms.csv last:
    references are not enforced at import, so the order must not matter (formats.md)."""
    imports = data.imports
    if reverse:
        imports = [i for i in imports if i[0] == "rpls"] + \
                  [i for i in imports if i[0] != "rpls"][::-1]
    for kind, path, extra in imports:
        cmd = [hlm, "--db", db, "import", kind, path] + extra
        if kind in ("organisms", "groups", "foyers"):
            cmd.append("--ignore-unknown-columns")
        rc, out, err = run(cmd)
        if rc != 0:
            raise SystemExit("import failed (%d): %s\n%s" % (rc, " ".join(cmd), err))


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("MISMATCH " + what)


def compare(hlm, db, data, as_of, t, label, maxshow=20):
    exp = compute(data, as_of)
    rc, out, err = run([hlm, "--db", db, "count", "--as-of", as_of, "--format", "json"])
    t.check(rc == 0, "%s %s: hlm count exit %d %s" % (label, as_of, rc, err[:200]))
    got = json.loads(out) if rc == 0 else {"organisms": []}
    t.check(got.get("as_of") == as_of, "%s %s: count as_of %r" % (label, as_of, got.get("as_of")))
    t.check(got.get("rule") == exp.rule, "%s %s: count rule %r, expected %r" % (label, as_of, got.get("rule"), exp.rule))
    t.check(got.get("millesime") == exp.millesime,
            "%s %s: millesime %r, expected %r" % (label, as_of, got.get("millesime"), exp.millesime))
    gorgs = {o["id"]: o for o in got.get("organisms", [])}
    shown = 0
    bad = 0
    for oid, c in sorted(exp.counts.items()):
        g = gorgs.get(oid)
        if g is None:
            bad += 1
            if shown < maxshow:
                print("MISMATCH %s %s: organism %s (%s) not listed" % (label, as_of, oid, data.orgs[oid]["kind"]))
                shown += 1
            continue
        want = {k: (None if c is None else c[k]) for k in COUNT_FIELDS}
        have = {k: g.get(k, "absent") for k in COUNT_FIELDS}
        if want != have or g.get("kind") != data.orgs[oid]["kind"]:
            bad += 1
            if shown < maxshow:
                diff = {k: (have[k], want[k]) for k in COUNT_FIELDS if have[k] != want[k]}
                print("MISMATCH %s %s: count %s (%s) hlm/oracle %s" % (label, as_of, oid, data.orgs[oid]["kind"], diff))
                shown += 1
    t.check(bad == 0, "%s %s: %d organisms' counts differ" % (label, as_of, bad))
    extra = [oid for oid in gorgs if oid not in exp.counts]
    t.check(not extra, "%s %s: hlm lists organisms outside the counting kinds: %s" % (label, as_of, extra[:5]))

    rc, out, err = run([hlm, "--db", db, "check", "--as-of", as_of, "--format", "json"])
    t.check(rc in (0, 1), "%s %s: hlm check exit %d %s" % (label, as_of, rc, err[:200]))
    got = json.loads(out) if rc in (0, 1) else {"findings": []}
    t.check(got.get("as_of") == as_of, "%s %s: check as_of %r" % (label, as_of, got.get("as_of")))
    viol = any(f["severity"] == "violation" for f in got.get("findings", []))
    t.check(rc == (1 if viol else 0), "%s %s: hlm check exit %d with%s a violation"
            % (label, as_of, rc, "" if viol else "out"))
    have = collections.Counter()
    for f in got.get("findings", []):
        if f["rule"] in RULES:
            have[(f["rule"], f.get("version"), f["severity"], f["code"], f["subject"]["type"],
                  f["subject"].get("id"))] += 1
    want = collections.Counter(exp.findings)
    missing = want - have
    surplus = have - want
    for k in sorted(missing)[:maxshow]:
        print("MISMATCH %s %s: finding expected, not given by hlm: %s" % (label, as_of, k))
    for k in sorted(surplus)[:maxshow]:
        print("MISMATCH %s %s: finding given by hlm, not expected: %s" % (label, as_of, k))
    t.check(not missing and not surplus,
            "%s %s: findings differ (%d missing, %d surplus, %d agreed)"
            % (label, as_of, sum(missing.values()), sum(surplus.values()), sum((want & have).values())))
    print("compared %s %s: %d organisms, %d findings (%s)" % (
        label, as_of, len(exp.counts), sum(want.values()),
        ", ".join("%s %d" % (c, n) for c, n in sorted(collections.Counter(k[3] for k in exp.findings).items()))))


def compare_filters(hlm, db, data, as_of, t, label):
    """--organism, --group and --rule give the same figures as the whole listing."""
    exp = compute(data, as_of)
    for oid in sorted(exp.counts)[:5]:
        rc, out, err = run([hlm, "--db", db, "count", "--as-of", as_of, "--organism", oid,
                            "--format", "json"])
        got = json.loads(out)["organisms"] if rc == 0 else []
        c = exp.counts[oid]
        ok = (len(got) == 1 and got[0]["id"] == oid and
              all(got[0][k] == (None if c is None else c[k]) for k in COUNT_FIELDS))
        t.check(ok, "%s %s: count --organism %s" % (label, as_of, oid))
    for gid in sorted(data.groups):
        rc, out, err = run([hlm, "--db", db, "count", "--as-of", as_of, "--group", gid,
                            "--format", "json"])
        got = sorted(o["id"] for o in json.loads(out)["organisms"]) if rc == 0 else None
        want = sorted(oid for oid, o in data.orgs.items()
                      if o.get("group_id") == gid and o["kind"] in COUNTING)
        t.check(got == want, "%s %s: count --group %s lists %s, expected %s" % (label, as_of, gid, got, want))
    for rule in ("L423-1", "L423-2"):
        rc, out, err = run([hlm, "--db", db, "check", "--as-of", as_of, "--rule", rule,
                            "--format", "json"])
        got = collections.Counter() if rc not in (0, 1) else collections.Counter(
            (f["rule"], f.get("version"), f["severity"], f["code"], f["subject"]["type"],
             f["subject"].get("id")) for f in json.loads(out)["findings"])
        want = collections.Counter(f for f in exp.findings if f[0] == rule)
        t.check(got == want, "%s %s: check --rule %s differs" % (label, as_of, rule))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hlm", required=True)
    ap.add_argument("--dates", default="2020-06-30,2020-12-31,2021-01-01,2024-06-30,2025-06-30")
    ap.add_argument("--db", help="already loaded store (only with one DIR)")
    ap.add_argument("--filters", action="store_true", help="also --organism, --group, --rule")
    ap.add_argument("--reverse-import", action="store_true",
                    help="import the RPLS files first and organisms.csv last")
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    t = Tally()
    for arg in a.dirs:
        reverse = a.reverse_import
        if arg.startswith("reverse:"):     # reverse:DIR imports that one in reverse order
            arg, reverse = arg[len("reverse:"):], True
        d, _, dates = arg.partition("@")   # DIR@D1,D2 overrides --dates for DIR
        dates = dates or a.dates
        data = load_dir(d)
        with tempfile.TemporaryDirectory() as tmp:
            db = a.db
            if not db:
                db = os.path.join(tmp, "oracle.db")
                load_store(a.hlm, db, data, reverse)
            for as_of in dates.split(","):
                label = os.path.basename(os.path.normpath(d)) + (" (reverse import)" if reverse else "")
                compare(a.hlm, db, data, as_of, t, label)
                if a.filters:
                    compare_filters(a.hlm, db, data, as_of, t, label)
    print("%d passed, %d failed" % (t.passed, t.failed))
    sys.exit(1 if t.failed else 0)


if __name__ == "__main__":
    main()
