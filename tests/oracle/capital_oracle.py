#!/usr/bin/env python3
"""Independent oracle for hlm's capital and money rules.

Written from docs of the specification only (rules-capital-money.md, formats.md, the Livret A table of
law/NOTES.md section 4), without reading hlm's sources.  Standard library only; exact arithmetic with
fractions.Fraction.

It reads the CSV input files of a data directory, computes for an as-of date what
  hlm votes --all, hlm share-price, hlm transfers, hlm loans, hlm levy, hlm costs
and the capital/money findings of hlm check must answer, runs hlm on a store loaded from the same
files, and compares: figures exactly (votes, cents, dates, statuses), findings as sets of
(rule, code, severity, subject).

Usage:
  capital_oracle.py --hlm BIN --data DIR [--data DIR ...] --date D [--date D ...]
                    [--levy] [--workdir TMP] [--verbose]
  capital_oracle.py --hlm BIN --demo N:SEED [...] --date D ...
Prints one line per mismatch, then "N passed, N failed"; exits 1 on any mismatch.
"""
import argparse
import csv
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from fractions import Fraction as F

# ---------------------------------------------------------------------------------------------
# Livret A (law/NOTES.md section 4.1): effective date -> rate in bp
LIVRET_A = [
    ("1981-10-16", 850), ("1983-08-01", 750), ("1984-08-16", 650), ("1985-07-01", 600),
    ("1986-05-16", 450), ("1996-03-01", 350), ("1998-06-16", 300), ("1999-08-01", 225),
    ("2000-07-01", 300), ("2003-08-01", 225), ("2005-08-01", 200), ("2006-02-01", 225),
    ("2006-08-01", 275), ("2007-08-01", 300), ("2008-02-01", 350), ("2008-08-01", 400),
    ("2009-02-01", 250), ("2009-05-01", 175), ("2009-08-01", 125), ("2010-08-01", 175),
    ("2011-02-01", 200), ("2011-08-01", 225), ("2013-02-01", 175), ("2013-08-01", 125),
    ("2014-08-01", 100), ("2015-08-01", 75), ("2020-02-01", 50), ("2022-02-01", 100),
    ("2022-08-01", 200), ("2023-02-01", 300), ("2025-02-01", 240), ("2025-08-01", 170),
    ("2026-02-01", 150),
]


def livret_on(d):
    r = None
    for day, bp in LIVRET_A:
        if day <= d:
            r = bp
    return r


def livret_31dec(y):
    return livret_on("%04d-12-31" % y)


MARGIN = 150
HLM_CO = ("ESH", "COOP", "SCIC")


def date(s):
    return dt.date.fromisoformat(s)


def add_months(s, n):
    d = date(s)
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    last = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28, 31, 30, 31, 30, 31, 31,
            30, 31, 30, 31][m - 1]
    return dt.date(y, m, min(d.day, last)).isoformat()


def add_days(s, n):
    return (date(s) + dt.timedelta(days=n)).isoformat()


def floor_f(x):
    return x.numerator // x.denominator


def round_half_up(x):
    return floor_f(x + F(1, 2))


def exact(x):
    """hlm's writing of an exact value: integer, finite decimal string, or "a/b"."""
    x = F(x)
    if x.denominator == 1:
        return x.numerator
    d = x.denominator
    k = 0
    while d % 2 == 0:
        d //= 2
        k += 1
    j = 0
    while d % 5 == 0:
        d //= 5
        j += 1
    if d != 1:
        return "%d/%d" % (x.numerator, x.denominator)
    n = max(k, j)
    v = x * 10 ** n
    s = str(abs(v.numerator))
    s = s.rjust(n + 1, "0")
    s = s[:-n] + "." + s[-n:]
    return ("-" if x < 0 else "") + s


def same_exact(a, b):
    """Compare an oracle Fraction with a JSON value (int, decimal string, "a/b")."""
    if b is None:
        return a is None
    if a is None:
        return False
    try:
        if isinstance(b, str):
            bv = F(b)
        else:
            bv = F(b)
    except (ValueError, ZeroDivisionError):
        return False
    return F(a) == bv


# ---------------------------------------------------------------------------------------------
def read_csv(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    if not rows:
        return []
    head = rows[0]
    return [dict(zip(head, r + [""] * (len(head) - len(r)))) for r in rows[1:] if r]


class Data:
    def __init__(self, d):
        self.dir = d
        self.orgs = {r["id"]: r for r in read_csv(os.path.join(d, "organisms.csv"))}
        self.groups = {r["id"]: r for r in read_csv(os.path.join(d, "groups.csv"))}
        self.holdings = read_csv(os.path.join(d, "holdings.csv"))
        self.statutes = {r["company"]: r for r in read_csv(os.path.join(d, "statutes.csv"))}
        self.transfers = read_csv(os.path.join(d, "transfers.csv"))
        self.dividends = read_csv(os.path.join(d, "dividends.csv"))
        self.capital_ops = read_csv(os.path.join(d, "capital_ops.csv"))
        self.loans = read_csv(os.path.join(d, "loans.csv"))
        self.financials = read_csv(os.path.join(d, "financials.csv"))
        self.cooperation = read_csv(os.path.join(d, "cooperation.csv"))
        self.services = read_csv(os.path.join(d, "services.csv"))
        self.usage = read_csv(os.path.join(d, "usage.csv"))
        self.invoices = read_csv(os.path.join(d, "invoices.csv"))

    def kind(self, o):
        r = self.orgs.get(o)
        return r["kind"] if r else None

    def nominal(self, c):
        r = self.orgs.get(c)
        if r and r.get("share_nominal_cents", ""):
            return int(r["share_nominal_cents"])
        return None

    def rows_of(self, company, as_of):
        return [h for h in self.holdings if h["company"] == company
                and (not h.get("acquired") or h["acquired"] <= as_of)]

    def per_holder(self, company, as_of):
        """{(holder, category): shares}"""
        out = {}
        for h in self.rows_of(company, as_of):
            k = (h["holder"], h.get("category", ""))
            out[k] = out.get(k, 0) + int(h["shares"])
        return out

    def shares_by_holder(self, company, as_of):
        out = {}
        for h in self.rows_of(company, as_of):
            out[h["holder"]] = out.get(h["holder"], 0) + int(h["shares"])
        return out


def finding(rule, code, severity, stype, sid):
    return (rule, code, severity, stype, sid)


# ---------------------------------------------------------------------------------------------
# R422-1-1 votes
def largest_remainder(total, weights):
    """weights: list of (key, weight) with key sortable as byte strings. Returns ({key: n}, ties)."""
    wsum = sum(w for _, w in weights)
    if wsum == 0 or total == 0:
        return {k: 0 for k, _ in weights}, []
    q = {k: F(total * w, wsum) for k, w in weights}
    res = {k: floor_f(v) for k, v in q.items()}
    left = total - sum(res.values())
    rem = {k: q[k] - res[k] for k in q}
    order = sorted(q, key=lambda k: (-rem[k], k.encode()))
    ties = []
    if left > 0:
        cut = rem[order[left - 1]]
        group = [k for k in order if rem[k] == cut]
        served = [k for k in order[:left] if rem[k] == cut]
        if len(served) < len(group):
            ties.append(sorted(group, key=lambda k: k.encode()))
        for k in order[:left]:
            res[k] += 1
    return res, ties


def votes_company(D, c, as_of):
    ph = D.per_holder(c, as_of)
    cat_sh = {1: 0, 2: 0, 3: 0, 4: 0}
    holders = {1: [], 2: [], 3: [], 4: []}
    uncategorized = 0
    for (h, cat), s in ph.items():
        if cat in ("1", "2", "3", "4"):
            cat_sh[int(cat)] += s
            holders[int(cat)].append((h, s))
        else:
            uncategorized += s
    S = sum(cat_sh.values())
    S_all = S + uncategorized
    T = 10 * S
    A = (2 * T) // 3 - 1
    B = T - A
    findings = set()
    if uncategorized:
        # shares without a category: out of the votes, a missing fact (reading C4)
        findings.add(finding("L422-2-1", "MISSING_FACT", "warning", "organism", c))
    cat_votes = {}
    cat_ties = False
    s1, s4 = cat_sh[1], cat_sh[4]
    if s1 == 0 and s4 == 0:
        v1, v4 = 0, 0
    elif s4 == 0:
        v1, v4 = A, 0
    elif s1 == 0:
        v1, v4 = 0, A
    else:
        q1, q4 = F(A * s1, s1 + s4), F(A * s4, s1 + s4)
        v1, v4 = floor_f(q1), floor_f(q4)
        if v1 + v4 < A:
            r1, r4 = q1 - v1, q4 - v4
            if r1 > r4:
                v1 += 1
            elif r4 > r1:
                v4 += 1
            else:
                v1 += 1
                cat_ties = True
        if v1 < T // 2 + 1:
            v1 = T // 2 + 1
            v4 = A - v1
            cat_ties = False  # the guarantee fixes category 1: the lot decides nothing (reading C3)
    cat_votes[1], cat_votes[4] = v1, v4
    st = D.statutes.get(c)
    if st is None or st.get("cat2_votes", "") == "" or st.get("cat3_votes", "") == "":
        findings.add(finding("L422-2-1", "MISSING_FACT", "warning", "organism", c))
        cat_votes[2] = cat_votes[3] = None
    else:
        c2, c3 = int(st["cat2_votes"]), int(st["cat3_votes"])
        cat_votes[2], cat_votes[3] = c2, c3
        ten = -(-T // 10)
        if c2 < ten or c3 < ten:
            findings.add(finding("L422-2-1", "CAT_VOTES_BELOW_10PCT", "violation", "organism", c))
        if c2 + c3 != B:
            findings.add(finding("L422-2-1", "STATUTORY_SPLIT_MISMATCH", "violation", "organism", c))
    hv = {}
    ties = []
    for cat in (1, 2, 3, 4):
        if cat_votes[cat] is None:
            for h, s in holders[cat]:
                hv[(h, cat)] = None
            continue
        res, t = largest_remainder(cat_votes[cat], holders[cat])
        ties += t
        for h, s in holders[cat]:
            hv[(h, cat)] = res[h]
    if ties or cat_ties:
        findings.add(finding("L422-2-1", "LOT_REQUIRED", "info", "organism", c))
    # composition findings
    # unknown categories might all be category 1: only a sure minority is a finding (reading C4)
    if 2 * (s1 + uncategorized) <= S_all:
        findings.add(finding("L422-2-1", "REFERENCE_NOT_MAJORITY", "violation", "organism", c))
    rows = D.rows_of(c, as_of)
    if any(r.get("category") == "1" and r.get("holder_type") in ("PERSON", "EMPLOYEE_FUND") for r in rows):
        findings.add(finding("L422-2-1", "REFERENCE_INELIGIBLE", "violation", "organism", c))
    persons = sum(int(r["shares"]) for r in rows if r.get("holder_type") == "PERSON")
    if 20 * persons > S_all:
        findings.add(finding("L422-2-1", "PERSONS_OVER_5PCT", "violation", "organism", c))
    pacts = {}
    for r in rows:
        if r.get("pact_id"):
            pacts.setdefault(r["pact_id"], set()).add(r["holder"])
    if any(len(m) < 2 or len(m) > 3 for m in pacts.values()):
        findings.add(finding("L422-2-1", "PACT_SIZE", "violation", "organism", c))
    out = {"company": c, "total_votes": T,
           "categories": {cat: (cat_sh[cat], cat_votes[cat]) for cat in (1, 2, 3, 4)},
           "holders": {(h, cat): (s, hv[(h, cat)]) for cat in (1, 2, 3, 4) for h, s in holders[cat]},
           "ties": sorted(ties), "category_tie": cat_ties}
    return out, findings


def esh_companies(D, as_of):
    """ESH with at least one holding row at the date (no cap table: the capital rules say nothing, C17)."""
    cs = set()
    for h in D.holdings:
        if D.kind(h["company"]) == "ESH" and (not h.get("acquired") or h["acquired"] <= as_of):
            cs.add(h["company"])
    return sorted(cs)


# ---------------------------------------------------------------------------------------------
# L423-4 share price
def share_cap(D, company, sold, base=None, acquired=None):
    """Returns dict or None (text not encoded)."""
    if sold < "2008-01-01":
        return None
    sy = int(sold[:4])
    if sold < "2014-03-27":
        version = "2008-01-01"
        use_acq = False
    else:
        version = "2014-03-27"
        use_acq = base is not None and acquired is not None
    if use_acq:
        b = F(base)
        years = list(range(int(acquired[:4]), sy))
        kind = "acquisition"
    else:
        nom = D.nominal(company)
        if nom is None:
            return {"version": version, "base": "nominal", "base_cents": None, "missing": True}
        b = F(nom)
        years = list(range(sy - 20, sy))
        kind = "nominal"
    if years and years[0] < 1981:
        # the Livret A table starts on 1981-10-16: no rate on 31 December before (reading C26)
        return {"version": version, "base": kind, "base_cents": b, "missing": True}
    ys = []
    tot = b
    for y in years:
        r = livret_31dec(y)
        i = b * (r + MARGIN) / 10000
        ys.append((y, r, i))
        tot += i
    yset = set(years)
    div = sum(int(x["per_share_cents"]) for x in D.dividends
              if x["company"] == company and int(x["paid"][:4]) in yset and x["paid"] <= sold)
    cap = max(0, floor_f(tot - div))
    return {"version": version, "base": kind, "base_cents": b, "years": ys, "dividends_cents": div,
            "cap_cents": cap}


def holder_acquisition(D, company, holder, as_of):
    rows = [h for h in D.rows_of(company, as_of) if h["holder"] == holder]
    if not rows:
        return None, None
    if any(not r.get("price_cents") or not r.get("acquired") for r in rows):
        return None, None
    sh = sum(int(r["shares"]) for r in rows)
    if sh == 0:
        return None, None
    return F(sum(int(r["price_cents"]) for r in rows), sh), max(r["acquired"] for r in rows)


def transfer_findings(D, as_of):
    out = set()
    for t in D.transfers:
        c = t["company"]
        if D.kind(c) not in HLM_CO or not t.get("signed") or t["signed"] > as_of:
            continue
        sold = t["signed"]
        if sold < "2008-01-01":
            out.add(finding("L423-4", "TEXT_NOT_ENCODED", "info", "transfer", t["id"]))
            continue
        if t.get("price_cents") and int(t["shares"]) > 0:
            base, acq = holder_acquisition(D, c, t["seller"], sold)
            cap = share_cap(D, c, sold, base, acq)
            if cap is not None and cap.get("missing"):
                out.add(finding("L423-4", "MISSING_FACT", "warning", "transfer", t["id"]))
            elif cap is not None and cap.get("cap_cents") is not None:
                if F(int(t["price_cents"]), int(t["shares"])) > cap["cap_cents"]:
                    out.add(finding("L423-4", "PRICE_ABOVE_CAP", "violation", "transfer", t["id"]))
        if sold >= "2014-03-27":
            buyer_cats = {h.get("category") for h in D.rows_of(c, sold) if h["holder"] == t["buyer"]}
            if buyer_cats & {"2", "3"}:
                continue
            lim = add_days(sold, 30)
            dep = t.get("deed_deposited") or ""
            if dep and dep > as_of:
                dep = ""
            if as_of > lim and (not dep or dep > lim):
                out.add(finding("L423-4", "DEED_NOT_DEPOSITED", "violation", "transfer", t["id"]))
    return out


def capital_ops_findings(D, as_of):
    out = set()
    kinds = ("ESH", "COOP", "SCIC", "SAC", "SOC_COORDINATION")
    for op in D.capital_ops:
        c = op["company"]
        if D.kind(c) not in kinds or op["date"] > as_of:
            continue
        k = op["kind"]
        if k == "INCREASE_INCORPORATION" and op.get("derogation") != "1":
            out.add(finding("L423-5", "INCORPORATION_FORBIDDEN", "violation", "organism", c))
        elif k == "AMORTIZATION":
            out.add(finding("L423-5", "AMORTIZATION_FORBIDDEN", "violation", "organism", c))
        elif k == "REDUCTION_BUYBACK" and op.get("price_per_share_cents"):
            if op["date"] < "2008-01-01":
                out.add(finding("L423-5", "TEXT_NOT_ENCODED", "info", "organism", c))
                continue
            cap = share_cap(D, c, op["date"])
            if cap is not None and cap.get("cap_cents") is not None and \
                    int(op["price_per_share_cents"]) > cap["cap_cents"]:
                out.add(finding("L423-5", "BUYBACK_ABOVE_CAP", "violation", "organism", c))
    return out


# ---------------------------------------------------------------------------------------------
# sociétés de coordination, SA de coordination
SC_ALLOWED = ("OPH", "ESH", "COOP", "SCIC", "FONDATION", "SEM_AGREE", "MOI")
LOCAL = ("SEM", "SPL", "SEMOP")
L411_2 = ("OPH", "ESH", "COOP", "SCIC", "FONDATION")


def coordination_findings(D, as_of):
    out = set()
    if as_of >= "2019-09-01":
        scs = sorted({h["company"] for h in D.holdings if D.kind(h["company"]) == "SOC_COORDINATION"})
        held = {}
        for c in scs:
            sh = D.shares_by_holder(c, as_of)
            S = sum(sh.values())
            for h, s in sh.items():
                k = D.kind(h)
                if s > 0 and k is not None:
                    held.setdefault(h, set()).add(c)
                if k is None and h[:1].isdigit():
                    # an organism absent from organisms.csv: its kind is unknown (reading C18)
                    out.add(finding("R423-86", "MISSING_FACT", "warning", "organism", c))
                    continue
                if k not in SC_ALLOWED and k not in LOCAL:
                    out.add(finding("R423-86", "HOLDER_NOT_ALLOWED", "violation", "organism", c))
            loc = sum(s for h, s in sh.items() if D.kind(h) in LOCAL)
            if 2 * loc > S:
                out.add(finding("R423-86", "LOCAL_COMPANIES_OVER_50PCT", "violation", "organism", c))
        for h, cs in held.items():
            if len(cs) >= 2:
                out.add(finding("L423-1-2", "SEVERAL_COORDINATION", "violation", "organism", h))
        for dv in D.dividends:
            c = dv["company"]
            if D.kind(c) != "SOC_COORDINATION" or dv["paid"] > as_of or dv["paid"] < "2019-09-01":
                continue
            sh = D.shares_by_holder(c, dv["paid"])
            if not any(s > 0 and D.kind(h) in LOCAL for h, s in sh.items()):
                continue
            nom = D.nominal(c)
            if nom is None:
                out.add(finding("R423-86", "MISSING_FACT", "warning", "organism", c))
                continue
            cap = floor_f(F(nom * (livret_31dec(int(dv["paid"][:4]) - 1) + MARGIN), 10000))
            if int(dv["per_share_cents"]) > cap:
                out.add(finding("R423-86", "DIVIDEND_ABOVE_CAP", "violation", "organism", c))
    if as_of <= "2018-11-24":
        sacs = sorted({h["company"] for h in D.holdings if D.kind(h["company"]) == "SAC"})
        for c in sacs:
            sh = D.shares_by_holder(c, as_of)
            if any(D.kind(h) not in L411_2 for h in sh):
                out.add(finding("L423-1-2", "HOLDER_NOT_ALLOWED", "violation", "organism", c))
            if len([h for h, s in sh.items() if s > 0]) < 2:
                out.add(finding("L423-1-2", "TOO_FEW_SHAREHOLDERS", "violation", "organism", c))
    return out


def transfer_status(D, t, as_of):
    c = t["company"]

    def ev(name):
        v = t.get(name) or ""
        return v if v and v <= as_of else ""
    when = t.get("signed") or as_of
    if when > as_of:
        when = as_of
    sh = D.shares_by_holder(c, when)
    S = sum(sh.values())
    loc_before = sum(s for h, s in sh.items() if D.kind(h) in LOCAL)
    n = int(t["shares"])
    loc_after = loc_before
    if D.kind(t["seller"]) in LOCAL:
        loc_after -= n
    if D.kind(t["buyer"]) in LOCAL:
        loc_after += n
    # "si elle a pour effet de faire détenir ... plus de 50 %": only a transfer that raises the local
    # companies' part, to above one half, has that effect (a part already above stays as it is)
    if 2 * loc_after > S and loc_after > loc_before:
        return "FORBIDDEN_50PCT", None, None
    if sh.get(t["buyer"], 0) > 0:
        return "FREE", None, None
    rec = ev("request_received")
    bd = ev("board_decision_date")
    if not rec:
        # a board decision without a recorded request still counts (reading C16)
        if not bd or not t.get("board_decision"):
            return "NO_REQUEST", None, None
        silence = bd
    else:
        silence = add_months(rec, 3)
    dec = t.get("board_decision") if bd and bd <= silence else ""
    if dec == "APPROVED":
        return "APPROVED_EXPRESS", None, None
    if dec == "REFUSED":
        refusal, rdate = "EXPRESS", bd
    elif as_of > silence:
        refusal, rdate = "SILENCE", silence
    else:
        return "PENDING", None, silence
    dl = add_months(rdate, 3)
    ext = t.get("court_extension_until") or ""
    if ext and ext > dl:
        dl = ext
    # "si, à l'expiration de ce délai, l'achat n'est pas réalisé": a purchase after the delay is too late
    if ev("purchased") and ev("purchased") <= dl:
        return "PURCHASED", refusal, None
    if as_of > dl:
        return "APPROVED_DEEMED", refusal, None
    return "PURCHASE_PENDING", refusal, dl


# ---------------------------------------------------------------------------------------------
# loans
def group_of(D, o):
    r = D.orgs.get(o)
    return r.get("group_id") if r and r.get("group_id") else None


def loan_eval(D, L, as_of):
    rule = "L423-15" if L["kind"] == "ADVANCE" else "L423-16"
    f = set()
    lid = L["id"]
    signed = L["signed"]
    lender, borrower = L["lender"], L["borrower"]
    eligible = False
    if D.kind(borrower) is None:
        # borrower unknown: eligibility not judged (reading M15)
        f.add(finding(rule, "MISSING_FACT", "warning", "loan", lid))
        eligible = True
    elif D.kind(borrower) in HLM_CO:
        sh = D.shares_by_holder(borrower, signed)
        S = sum(sh.values())
        if L["kind"] == "ADVANCE":
            eligible = S > 0 and 20 * sh.get(lender, 0) >= S
        else:
            ctl = (D.orgs.get(borrower) or {}).get("controlled_by") == lender
            if not ctl and S > 0:
                if D.kind(borrower) == "ESH":
                    v, _ = votes_company(D, borrower, signed)
                    vs = [hv[1] for (h, cat), hv in v["holders"].items() if h == lender]
                    if all(x is not None for x in vs):
                        ctl = 2 * sum(vs) > v["total_votes"]
                else:
                    ctl = 2 * sh.get(lender, 0) > S
            eligible = ctl
    if not eligible and signed >= "2019-05-01":
        g = group_of(D, lender)
        if g is not None and g == group_of(D, borrower):
            eligible = True
    if not eligible:
        f.add(finding(rule, "LOAN_NOT_ELIGIBLE", "violation", "loan", lid))
    if int(L["rate_bp"]) > livret_on(signed) + MARGIN:
        f.add(finding(rule, "RATE_ABOVE_CAP", "violation", "loan", lid))
    if L.get("guarantor_informed") == "0":
        f.add(finding(rule, "GUARANTOR_NOT_INFORMED", "warning", "loan", lid))
    decl = L.get("declared") or ""
    if decl > as_of:
        decl = ""
    disb = L.get("disbursed") or ""
    if disb > as_of:
        disb = ""
    if not decl:
        f.add(finding(rule, "DECLARATION_MISSING", "violation", "loan", lid))
        if disb:  # no acceptance at all: disbursed before it
            f.add(finding(rule, "DISBURSED_BEFORE_ACCEPTANCE", "violation", "loan", lid))
        return "UNDECLARED", None, f
    if decl < "2019-05-01":
        acc = add_months(decl, 2)
        by = ("BOTH",)
    else:
        acc = add_days(decl, 15)
        by = ("HOUSING", "ECONOMY", "BOTH")
    opp = L.get("opposition") or ""
    opposed = bool(opp) and opp <= as_of and opp < acc and L.get("opposed_by") in by
    if opposed:
        if disb:
            f.add(finding(rule, "DISBURSED_DESPITE_OPPOSITION", "violation", "loan", lid))
        return "OPPOSED", None, f
    if disb and disb < acc:
        f.add(finding(rule, "DISBURSED_BEFORE_ACCEPTANCE", "violation", "loan", lid))
    return ("ACCEPTED" if as_of >= acc else "PENDING"), acc, f


# ---------------------------------------------------------------------------------------------
# L423-14 levy
LOW = (400, 800, 1200, 1600)
HIGH = (800, 1200, 1600, 2000)
BANDS = (90000, 150000, 200000, 300000, None)


def levy_base(D, Y):
    """{org: None (missing) or dict with avg, dwellings, cap}"""
    fin = {}
    for r in D.financials:
        fin.setdefault(r["organism"], {})[int(r["exercise"])] = r
    out = {}
    for o in sorted(fin):
        ex = fin[o]

        def val(e, k):
            r = ex.get(e)
            if r is None or r.get(k, "") == "":
                raise KeyError
            return int(r[k])
        try:
            per = []
            for e in range(Y - 5, Y):
                n = val(e, "dwellings")
                if n == 0:
                    raise KeyError
                per.append(F(val(e, "financial_potential_cents"), n))
            avg = sum(per) / 5
            g = []
            for e in range(Y - 5, Y):
                n0 = val(e - 1, "dwellings")
                if n0 == 0:
                    raise KeyError
                g.append(F(val(e, "dwellings") - val(e, "dwellings_acquired_social") - n0, n0))
            ag = sum(g) / 5
            rate = F(800) - max(F(0), ag * 10000)
            if rate < 0:
                rate = F(0)
            cap = (val(Y - 1, "rents_cents") + val(Y - 1, "financial_income_cents")) * rate / 10000
            out[o] = {"avg": avg, "dwellings": val(Y - 1, "dwellings"), "cap_rate": rate, "cap": cap}
        except KeyError:
            out[o] = None
    return out


def contribution(avg, rates):
    c = F(0)
    for i in range(4):
        lo, hi = BANDS[i], BANDS[i + 1]
        if avg > lo:
            top = avg if hi is None else min(avg, F(hi))
            c += (top - lo) * rates[i] / 10000
    return c


def levy_compute(base, rates):
    res = {}
    tot = 0
    for o, b in base.items():
        if b is None:
            res[o] = None
            continue
        cpd = contribution(b["avg"], rates)
        before = b["dwellings"] * cpd
        lv = max(0, round_half_up(min(before, b["cap"])))  # a levy is never negative (reading M5)
        res[o] = {"cpd": cpd, "before": before, "levy": lv}
        tot += lv
    return res, tot


def calibrate(base, target=17500000000):
    def rates(t):
        return [F(LOW[i]) + t * (HIGH[i] - LOW[i]) for i in range(4)]
    _, t1 = levy_compute(base, rates(F(1)))
    if t1 <= target:
        return F(1), t1
    _, t0 = levy_compute(base, rates(F(0)))
    if t0 > target:
        return F(0), t0
    lo, hi = F(0), F(1)
    for _ in range(64):
        mid = (lo + hi) / 2
        _, tm = levy_compute(base, rates(mid))
        if tm <= target:
            lo = mid
        else:
            hi = mid
    _, tl = levy_compute(base, rates(lo))
    return lo, tl


# ---------------------------------------------------------------------------------------------
# L423-6 costs
HLM_ORG = ("OPH", "ESH", "COOP", "SCIC", "FONDATION")


def member_allowed(D, m, as_of):
    k = D.kind(m)
    if k in HLM_ORG or k in ("SEM_AGREE", "ACTION_LOGEMENT", "AGREE_L365_1"):
        return True
    parent = (D.orgs.get(m) or {}).get("subsidiary_of") or ""
    if parent:
        pk = D.kind(parent)
        if pk in HLM_ORG:
            return True
        # both texts admit the subsidiaries: "les filiales de ces organismes" (collectors, 2012),
        # "la société mentionnée à l'article L. 313-20 ou ses filiales" (from 2017)
        if pk == "ACTION_LOGEMENT":
            return True
    return False


def costs(D, s, period):
    servs = [r for r in D.services if r["structure"] == s and r["period"] == period]
    out = []
    totals = {}
    nousage = False
    for sv in sorted(servs, key=lambda r: r["service"].encode()):
        us = {}
        for u in D.usage:
            if u["structure"] == s and u["service"] == sv["service"] and u["period"] == period:
                us[u["member"]] = us.get(u["member"], 0) + int(u["units"])
        cost = int(sv["cost_cents"])
        U = sum(us.values())
        alloc = {}
        if U == 0:
            nousage = True
        else:
            q = {m: F(cost * n, U) for m, n in us.items()}
            alloc = {m: floor_f(v) for m, v in q.items()}
            left = cost - sum(alloc.values())
            order = sorted(q, key=lambda m: (-(q[m] - alloc[m]), -us[m], m.encode()))
            for m in order[:left]:
                alloc[m] += 1
            for m, a in alloc.items():
                totals[m] = totals.get(m, 0) + a
        out.append({"service": sv["service"], "cost_cents": cost,
                    "allocations": {m: (us[m], alloc[m]) for m in alloc}})
    return out, totals, nousage


def cooperation_findings(D, as_of):
    out = set()
    structs = sorted({r["structure"] for r in D.cooperation} | {r["structure"] for r in D.services})
    for s in structs:
        for r in D.cooperation:
            if r["structure"] != s or (r.get("joined") and r["joined"] > as_of):
                continue
            if D.kind(r["member"]) is None:
                out.add(finding("L423-6", "MISSING_FACT", "warning", "organism", r["member"]))
            elif not member_allowed(D, r["member"], as_of):
                out.add(finding("L423-6", "COOPERATION_MEMBER_NOT_ALLOWED", "violation", "organism", r["member"]))
            cs = r.get("convention_signed") or ""
            if not cs or cs > as_of:
                out.add(finding("L423-6", "CONVENTION_MISSING", "violation", "organism", r["member"]))
        # a period is judged once it has begun (its first day at the latest on the date)
        periods = sorted({r["period"] for r in D.services if r["structure"] == s
                          and (r["period"] + "-01-01")[:10] <= as_of})
        for p in periods:
            _, totals, nousage = costs(D, s, p)
            if nousage:
                out.add(finding("L423-6", "NO_USAGE", "warning", "organism", s))
            inv = {}
            for r in D.invoices:
                if r["structure"] == s and r["period"] == p:
                    inv[r["member"]] = inv.get(r["member"], 0) + int(r["amount_cents"])
            for m in set(totals) | set(inv):
                if totals.get(m, 0) != inv.get(m):
                    if totals.get(m, 0) == 0 and m not in inv:
                        continue
                    out.add(finding("L423-6", "BILLING_NOT_AT_COST", "violation", "organism", m))
    return out


CAPMONEY_RULES = ("L422-2-1", "L423-4", "L423-5", "R423-86", "L423-1-2", "L423-15", "L423-16", "L423-6")


def check_findings(D, as_of):
    f = set()
    if as_of >= "2004-07-04":
        for c in esh_companies(D, as_of):
            _, fs = votes_company(D, c, as_of)
            f |= fs
    f |= transfer_findings(D, as_of)
    f |= capital_ops_findings(D, as_of)
    f |= coordination_findings(D, as_of)
    for L in D.loans:
        if L["signed"] <= as_of and L["signed"] >= "2011-05-19":
            f |= loan_eval(D, L, as_of)[2]
    f |= cooperation_findings(D, as_of)
    return f


# ---------------------------------------------------------------------------------------------
class Runner:
    def __init__(self, hlm, verbose=False, max_show=40):
        self.hlm = hlm
        self.passed = 0
        self.failed = 0
        self.verbose = verbose
        self.shown = 0
        self.max_show = max_show

    def ok(self, cond, what):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            if self.shown < self.max_show:
                print("MISMATCH " + what)
            self.shown += 1
        return cond

    def run(self, db, args, expect_error=False):
        p = subprocess.run([self.hlm, "--db", db] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if expect_error:
            self.ok(p.returncode == 3, "%s: expected exit 3 (missing fact), got %d" % (" ".join(args), p.returncode))
            return None
        if p.returncode not in (0, 1):
            self.ok(False, "%s: exit %d: %s" % (" ".join(args), p.returncode, p.stderr.decode()[:300]))
            return None
        try:
            return json.loads(p.stdout.decode())
        except ValueError:
            self.ok(False, "%s: not JSON" % " ".join(args))
            return None


def compare_votes(R, D, db, as_of, tag):
    j = R.run(db, ["votes", "--all", "--as-of", as_of, "--format", "json"])
    if j is None:
        return
    got = {c["company"]: c for c in j.get("companies", [])}
    want = esh_companies(D, as_of)
    R.ok(set(got) == set(want), "%s votes companies: hlm %d oracle %d, only hlm %s only oracle %s" % (
        tag, len(got), len(want), sorted(set(got) - set(want))[:5], sorted(set(want) - set(got))[:5]))
    for c in want:
        if c not in got:
            continue
        o, _ = votes_company(D, c, as_of)
        g = got[c]
        R.ok(g.get("total_votes") == o["total_votes"], "%s votes %s total_votes %s != %s" % (
            tag, c, g.get("total_votes"), o["total_votes"]))
        gc = {x["category"]: (x["shares"], x["votes"]) for x in g.get("categories", [])}
        oc = {k: v for k, v in o["categories"].items()}
        R.ok(gc == oc, "%s votes %s categories hlm %s oracle %s" % (tag, c, gc, oc))
        gh = {(x["holder"], x["category"]): (x["shares"], x["votes"]) for x in g.get("holders", [])}
        R.ok(gh == o["holders"], "%s votes %s holders differ: %s" % (
            tag, c, sorted((k, gh.get(k), o["holders"].get(k)) for k in set(gh) | set(o["holders"])
                           if gh.get(k) != o["holders"].get(k))[:4]))
        gt = sorted(sorted(t) for t in g.get("ties", []))
        R.ok(gt == sorted(o["ties"]), "%s votes %s ties hlm %s oracle %s" % (tag, c, gt, o["ties"]))
        gct = bool(g.get("category_ties"))
        R.ok(gct == o["category_tie"], "%s votes %s category tie hlm %s oracle %s" % (
            tag, c, g.get("category_ties"), o["category_tie"]))


def compare_share_price(R, D, db, as_of, tag):
    cos = sorted({h["company"] for h in D.holdings if D.kind(h["company"]) in HLM_CO})[:12]
    cases = []
    for i, c in enumerate(cos):
        cases.append((c, as_of, None))
        hs = sorted({h["holder"] for h in D.holdings if h["company"] == c})
        if hs:
            cases.append((c, as_of, hs[i % len(hs)]))
    for t in D.transfers[:10]:
        if D.kind(t["company"]) in HLM_CO and t.get("signed"):
            cases.append((t["company"], t["signed"], t["seller"]))
    # explicit bases: acquisitions in years with two Livret A changes, in the sale year, the text limits
    if cos:
        c = cos[0]
        for acq in ("2006-03-01", "2008-12-31", "2009-06-15", "2011-01-01", "2013-07-31", "2022-02-01",
                    as_of):
            cases.append((c, as_of, ("base", 12345, acq)))
        cases.append((c, "2026-03-01", ("base", 9999, "2025-01-15")))  # 2025: two changes, 170 bp on 31/12
        cases.append((c, "2023-01-01", ("base", 9999, "2022-12-31")))  # 2022: two changes, 200 bp on 31/12
        for sold in ("2007-12-31", "2008-01-01", "2014-03-26", "2014-03-27"):
            cases.append((c, sold, ("base", 10001, "2010-05-05")))
            cases.append((c, sold, None))
    for c, sold, h in cases:
        args = ["share-price", "--company", c, "--sold", sold, "--format", "json", "--as-of", as_of]
        base = acq = None
        if isinstance(h, tuple):
            base, acq = F(h[1]), h[2]
            args += ["--base-cents", str(h[1]), "--acquired", h[2]]
            if acq > sold:
                continue
        elif h:
            args += ["--holder", h]
            base, acq = holder_acquisition(D, c, h, sold)
        o = share_cap(D, c, sold, base, acq)
        what = "%s share-price %s %s %s" % (tag, c, sold, h)
        if o is not None and o.get("missing"):
            R.run(db, args, expect_error=True)  # the nominal is a required fact here
            continue
        j = R.run(db, args)
        if j is None:
            continue
        if o is None:
            R.ok(j.get("cap_cents") is None, what + " expected TEXT_NOT_ENCODED, cap %s" % j.get("cap_cents"))
            continue
        if o.get("missing"):
            R.ok(j.get("cap_cents") is None, what + " nominal unknown, hlm cap %s" % j.get("cap_cents"))
            continue
        R.ok(j.get("version") == o["version"], what + " version %s != %s" % (j.get("version"), o["version"]))
        R.ok(j.get("base") == o["base"], what + " base %s != %s" % (j.get("base"), o["base"]))
        R.ok(same_exact(o["base_cents"], j.get("base_cents")), what + " base_cents %s != %s" % (
            j.get("base_cents"), exact(o["base_cents"])))
        gy = [(y["year"], y["livret_a_bp"]) for y in j.get("years", [])]
        R.ok(gy == [(y, r) for y, r, _ in o["years"]], what + " years/rates differ %s vs %s" % (
            gy[:3], [(y, r) for y, r, _ in o["years"]][:3]))
        R.ok(all(same_exact(i, y.get("interest_cents")) for (_, _, i), y in zip(o["years"], j.get("years", []))),
             what + " interest differs")
        R.ok(j.get("dividends_cents") == o["dividends_cents"], what + " dividends %s != %s" % (
            j.get("dividends_cents"), o["dividends_cents"]))
        R.ok(j.get("cap_cents") == o["cap_cents"], what + " cap %s != %s" % (j.get("cap_cents"), o["cap_cents"]))


def compare_transfers(R, D, db, as_of, tag):
    j = R.run(db, ["transfers", "--as-of", as_of, "--format", "json"])
    if j is None:
        return
    got = {t["id"]: t for t in j.get("transfers", [])}
    # events after the date are ignored: a transfer signed later, not requested by the date, is not there
    want = [t for t in D.transfers if D.kind(t["company"]) == "SOC_COORDINATION"
            and (not t.get("signed") or t["signed"] <= as_of
                 or (t.get("request_received") and t["request_received"] <= as_of))]
    R.ok(set(got) == {t["id"] for t in want}, "%s transfers ids: only hlm %s only oracle %s" % (
        tag, sorted(set(got) - {t["id"] for t in want})[:5], sorted({t["id"] for t in want} - set(got))[:5]))
    for t in want:
        if t["id"] not in got:
            continue
        st, ref, dl = transfer_status(D, t, as_of)
        g = got[t["id"]]
        R.ok((g.get("status"), g.get("refusal"), g.get("deadline")) == (st, ref, dl),
             "%s transfer %s hlm %s oracle %s" % (tag, t["id"], (g.get("status"), g.get("refusal"),
                                                               g.get("deadline")), (st, ref, dl)))


def compare_loans(R, D, db, as_of, tag):
    j = R.run(db, ["loans", "--as-of", as_of, "--format", "json"])
    if j is None:
        return
    got = {x["id"]: x for x in j.get("loans", [])}
    want = [L for L in D.loans if L["signed"] <= as_of]
    R.ok(set(got) == {L["id"] for L in want}, "%s loans ids: only hlm %s only oracle %s" % (
        tag, sorted(set(got) - {L["id"] for L in want})[:5], sorted({L["id"] for L in want} - set(got))[:5]))
    for L in want:
        if L["id"] not in got:
            continue
        st, acc, _ = loan_eval(D, L, as_of)
        g = got[L["id"]]
        R.ok((g.get("kind"), g.get("status"), g.get("acceptance_date")) == (L["kind"], st, acc),
             "%s loan %s hlm %s oracle %s" % (tag, L["id"], (g.get("kind"), g.get("status"),
                                                           g.get("acceptance_date")), (L["kind"], st, acc)))


def compare_levy(R, D, db, tag, year=2012, rates=None):
    args = ["levy", "--year", str(year), "--format", "json"]
    base = levy_base(D, year)
    if rates is None:
        args.append("--calibrate")
        t, total = calibrate(base)
        rr = [F(LOW[i]) + t * (HIGH[i] - LOW[i]) for i in range(4)]
    else:
        args += ["--rates", ",".join(str(r) for r in rates)]
        rr = [F(r) for r in rates]
    j = R.run(db, args)
    if j is None:
        return
    what = "%s levy %s %s" % (tag, year, "calibrate" if rates is None else rates)
    if rates is None:
        # t is not unique (any t of the last step below the target gives the same total): check hlm's
        # total is the best reachable one, then recompute every organism with hlm's own t
        R.ok(j.get("total_cents") == total, what + " calibrated total %s != best reachable %s" % (
            j.get("total_cents"), total))
        try:
            th = F(j.get("t"))
            R.ok(0 <= th <= 1, what + " t out of [0, 1]")
            rr = [F(LOW[i]) + th * (HIGH[i] - LOW[i]) for i in range(4)]
            R.ok(all(same_exact(a, b) for a, b in zip(rr, j.get("rates_bp", []))),
                 what + " rates %s do not follow t %s" % (j.get("rates_bp"), j.get("t")))
        except (TypeError, ValueError):
            R.ok(False, what + " no exact t in the output")
    res, total = levy_compute(base, rr)
    R.ok(j.get("total_cents") == total, what + " total %s != %s" % (j.get("total_cents"), total))
    if rates is not None:
        R.ok(all(same_exact(a, b) for a, b in zip(rr, j.get("rates_bp", []))), what + " rates %s" % j.get("rates_bp"))
    got = {o["id"]: o for o in j.get("organisms", [])}
    R.ok(set(got) == set(base), what + " organisms: only hlm %s only oracle %s" % (
        sorted(set(got) - set(base))[:5], sorted(set(base) - set(got))[:5]))
    bad = []
    for o, b in base.items():
        g = got.get(o)
        if g is None:
            continue
        if b is None:
            if g.get("levy_cents") is not None:
                bad.append((o, "levy not null"))
            continue
        r = res[o]
        for k, v in (("avg_potential_per_dwelling_cents", b["avg"]), ("contribution_per_dwelling_cents", r["cpd"]),
                     ("dwellings", b["dwellings"]), ("levy_before_cap_cents", r["before"]),
                     ("cap_rate_bp", b["cap_rate"]), ("cap_cents", b["cap"]), ("levy_cents", r["levy"])):
            if not same_exact(v, g.get(k)):
                bad.append((o, k, g.get(k), exact(v)))
    R.ok(not bad, what + " organisms differ (%d): %s" % (len(bad), bad[:4]))
    if j.get("findings") is not None:
        gf = {(x["rule"], x["code"], x["severity"], x["subject"]["type"], x["subject"]["id"]) for x in j["findings"]}
        of = {finding("L423-14", "MISSING_FACT", "warning", "organism", o) for o, b in base.items() if b is None}
        R.ok(gf == of, what + " findings only hlm %s only oracle %s" % (sorted(gf - of)[:4], sorted(of - gf)[:4]))


def compare_levy_other(R, D, db, tag):
    """A year outside 2011-2012 (TEXT_NOT_IN_FORCE, nothing due) and --organism (national calibration)."""
    orgs = sorted({r["organism"] for r in D.financials})
    j = R.run(db, ["levy", "--year", "2013", "--rates", "400,800,1200,1600", "--format", "json"])
    if j is not None:
        gf = {(x["rule"], x["code"], x["severity"], x["subject"]["type"], x["subject"]["id"])
              for x in j.get("findings", [])}
        of = {finding("L423-14", "TEXT_NOT_IN_FORCE", "info", "organism", o) for o in orgs}
        R.ok(gf == of and j.get("total_cents") == 0 and
             all(o.get("levy_cents") is None for o in j.get("organisms", [])),
             "%s levy 2013: expected TEXT_NOT_IN_FORCE for every organism, nothing due" % tag)
    base = levy_base(D, 2012)
    t, _ = calibrate(base)
    for o in orgs[:3]:
        j = R.run(db, ["levy", "--year", "2012", "--organism", o, "--calibrate", "--format", "json"])
        if j is None:
            continue
        try:
            th = F(j.get("t"))
        except (TypeError, ValueError):
            R.ok(False, "%s levy --organism %s: no t" % (tag, o))
            continue
        rr = [F(LOW[i]) + th * (HIGH[i] - LOW[i]) for i in range(4)]
        res, national = levy_compute(base, rr)
        got = {x["id"]: x for x in j.get("organisms", [])}
        want = res[o]["levy"] if res.get(o) else None
        R.ok(set(got) == {o} and got[o].get("levy_cents") == want and j.get("national_total_cents") == national,
             "%s levy --organism %s: hlm %s national %s, oracle %s national %s" % (
                 tag, o, got.get(o, {}).get("levy_cents"), j.get("national_total_cents"), want, national))


def compare_costs(R, D, db, as_of, tag):
    pairs = sorted({(r["structure"], r["period"]) for r in D.services})
    for s, p in pairs:
        j = R.run(db, ["costs", s, "--period", p, "--as-of", as_of, "--format", "json"])
        if j is None:
            continue
        o, totals, _ = costs(D, s, p)
        gs = {x["service"]: x for x in j.get("services", [])}
        what = "%s costs %s %s" % (tag, s, p)
        R.ok(set(gs) == {x["service"] for x in o}, what + " services %s" % sorted(gs))
        for x in o:
            g = gs.get(x["service"])
            if g is None:
                continue
            ga = {a["member"]: (a["units"], a["amount_cents"]) for a in g.get("allocations", [])}
            R.ok(g.get("cost_cents") == x["cost_cents"] and ga == x["allocations"],
                 what + " %s hlm %s oracle %s" % (x["service"], sorted(ga.items())[:4],
                                                  sorted(x["allocations"].items())[:4]))
        # members listed (reading M20): joined by the last day of the period, or with units, or invoiced
        end = p + "-12-31" if len(p) == 4 else add_days(add_months(p + "-01", 1), -1)
        listed = {r["member"] for r in D.cooperation if r["structure"] == s and (not r.get("joined")
                                                                              or r["joined"] <= end)}
        listed |= {u["member"] for u in D.usage if u["structure"] == s and u["period"] == p}
        listed |= {i["member"] for i in D.invoices if i["structure"] == s and i["period"] == p}
        om = {m: totals.get(m, 0) for m in listed}
        gm = {m["member"]: m["total_cents"] for m in j.get("members", [])}
        R.ok(gm == om, what + " members hlm %s oracle %s" % (
            sorted(set(gm.items()) - set(om.items()))[:4], sorted(set(om.items()) - set(gm.items()))[:4]))


def compare_check(R, D, db, as_of, tag):
    p = subprocess.run([R.hlm, "--db", db, "check", "--as-of", as_of, "--format", "json"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        j = json.loads(p.stdout.decode())
    except ValueError:
        R.ok(False, "%s check: not JSON (exit %d)" % (tag, p.returncode))
        return
    gf = set()
    for x in j.get("findings", []):
        if x["rule"] in CAPMONEY_RULES:
            if x["rule"] == "L423-1-2" and x["code"] not in ("SEVERAL_COORDINATION", "HOLDER_NOT_ALLOWED",
                                                             "TOO_FEW_SHAREHOLDERS"):
                continue
            gf.add((x["rule"], x["code"], x["severity"], x["subject"]["type"], x["subject"]["id"]))
    of = check_findings(D, as_of)
    R.ok(gf == of, "%s check findings: only hlm %s ; only oracle %s" % (tag, sorted(gf - of)[:8], sorted(of - gf)[:8]))


def load_db(hlm, datadir, db):
    """Load a directory of CSV files into a fresh store with hlm's ordinary imports."""
    if os.path.exists(db):
        os.remove(db)
    order = ["organisms", "groups", "holdings", "statutes", "transfers", "dividends", "capital_ops", "loans",
             "financials", "cooperation", "services", "usage", "invoices"]
    for k in order:
        f = os.path.join(datadir, k + ".csv")
        if os.path.exists(f):
            p = subprocess.run([hlm, "--db", db, "import", k, f], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if p.returncode != 0:
                raise SystemExit("import %s failed: %s" % (f, p.stderr.decode()[:500]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hlm", required=True)
    ap.add_argument("--data", action="append", default=[], help="a directory of CSV files (imported)")
    ap.add_argument("--demo", action="append", default=[], help="N:SEED, a demo data set")
    ap.add_argument("--date", action="append", default=[])
    ap.add_argument("--levy", action="store_true", help="also compare hlm levy --calibrate and --rates")
    ap.add_argument("--workdir")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    dates = a.date or ["2025-06-30"]
    work = a.workdir or tempfile.mkdtemp(prefix="capital-oracle-")
    os.makedirs(work, exist_ok=True)
    R = Runner(os.path.abspath(a.hlm), a.verbose)
    sets = []
    for d in a.data:
        db = os.path.join(work, os.path.basename(os.path.normpath(d)) + ".db")
        load_db(R.hlm, d, db)
        sets.append((os.path.basename(os.path.normpath(d)), d, db))
    for spec in a.demo:
        n, seed = spec.split(":")
        out = os.path.join(work, "demo-%s-%s" % (n, seed))
        if os.path.exists(out):
            shutil.rmtree(out)
        subprocess.run([R.hlm, "demo", "--out", out, "--dwellings", n, "--seed", seed],
                       stdout=subprocess.DEVNULL, check=True)
        db = out + ".db"
        if os.path.exists(db):
            os.remove(db)
        subprocess.run([R.hlm, "--db", db, "demo", "--dwellings", n, "--seed", seed],
                       stdout=subprocess.DEVNULL, check=True)
        sets.append(("demo %s seed %s" % (n, seed), out, db))
    for name, d, db in sets:
        D = Data(d)
        for as_of in dates:
            tag = "[%s @%s]" % (name, as_of)
            compare_votes(R, D, db, as_of, tag)
            compare_share_price(R, D, db, as_of, tag)
            compare_transfers(R, D, db, as_of, tag)
            compare_loans(R, D, db, as_of, tag)
            compare_costs(R, D, db, as_of, tag)
            compare_check(R, D, db, as_of, tag)
        if a.levy or D.financials:
            compare_levy(R, D, db, "[%s]" % name, 2012, None)
            compare_levy(R, D, db, "[%s]" % name, 2012, (500, 900, 1300, 1700))
            compare_levy(R, D, db, "[%s]" % name, 2011, (400, 800, 1200, 1600))
            compare_levy_other(R, D, db, "[%s]" % name)
    if not a.workdir:
        shutil.rmtree(work, ignore_errors=True)
    print("%d passed, %d failed" % (R.passed, R.failed))
    return 1 if R.failed else 0


if __name__ == "__main__":
    sys.exit(main())
