#!/usr/bin/env python3
"""Writes the adversarial data set of the count oracle into DIR (deterministic).

Boundary cases of rules-count-thresholds.md, each commented where it is built:
12 000 / 11 999 counted (foyer beds summed then floored), 1 500 / 1 499 managed,
500 / 499 built over ten years, 600 / 601 entered over six years, CONSTRUCT and
PATRIMOINE 1976 / 1977, owner vs manager (a non-counting owner, a non-counting
manager), position 53 of a submission file, several yearly snapshots (2020, 2021
with CRLF, 2024), an owner only in the oldest snapshot, a manager named only in
an older snapshot, a single-landlord open-data file replacing an owner's stock,
groups alone or not in their département, unknown counts, references to nothing.

Usage: make_adversarial.py DIR
"""
import os
import sys


def luhn_ok(s):
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def siren(n):
    base = "%08d" % n
    for c in "0123456789":
        if luhn_ok(base + c):
            return base + c


def siret(s):
    for n in range(10, 100):
        cand = s + "000" + "%02d" % n
        if luhn_ok(cand):
            return cand


_n = [30000000]


def new_id():
    _n[0] += 1
    return siren(_n[0])


ORG_HEAD = ["id", "name", "kind", "departement", "group_id", "rpls_number",
            "accession_main_activity", "loans_granted_10y", "insufficient_mission_contribution"]
orgs = []
groups = []
foyers = []          # (owner, manager, sid, beds, autonomous, dwellings, conv, construct, year)
rpls = {2018: [], 2020: [], 2021: [], 2024: []}   # (owner, manager, depcom, construct, patrimoine, origine, conv)


def org(name, kind, dep, group="", rpls_number="", acc="0", loans="0", insuff="0"):
    i = new_id()
    orgs.append([i, name, kind, dep, group, rpls_number, acc, loans, insuff])
    return i


def line(year, owner, n=1, manager="", dep="01", construct=2000, patr=None, orig=1, conv=1):
    for _ in range(n):
        rpls[year].append((owner, manager, dep + "001", construct,
                           construct if patr is None else patr, orig, conv))


_f = [0]


def foyer(year, owner, beds=0, manager="", autonomous=0, dwellings="", conv=1, construct=2000):
    _f[0] += 1
    foyers.append((owner, manager, "F%05d" % _f[0], beds, autonomous, dwellings, conv,
                   construct, year))


def gen(d):
    # ---------------------------------------------------------- groups
    G2, G3, G4, G6, G9, G12, HEAD2, HEAD3 = (new_id() for _ in range(8))
    # ---------------------------------------------------------- département 01: 12 000 boundary
    A = org("A 12000 exactement", "OPH", "01")
    line(2018, A, 5, dep="01")                              # SOON from 2018-11-25 only
    line(2020, A, 5, dep="01")
    foyer(2020, A, autonomous=1, dwellings=11990)           # 2020: 11 995 -> warning SOON
    line(2024, A, 10, dep="01")
    foyer(2024, A, autonomous=1, dwellings=11990)           # 2024: 12 000 -> nothing
    B = org("B 11999", "ESH", "01")
    line(2024, B, 1, dep="01")
    foyer(2024, B, beds=17998)
    foyer(2024, B, beds=17998)                              # floor(35996/3) = 11998 (+1) -> REQUIRED
    C = org("C lits sommés", "COOP", "01")
    foyer(2024, C, autonomous=1, dwellings=11999)
    foyer(2024, C, beds=2)
    foyer(2024, C, beds=1)                                  # 2+1 = 3 beds -> 1: 12 000 (per structure: 11 999)
    C2 = org("C2 foyers 1976/1977", "COOP", "01")
    foyer(2024, C2, autonomous=1, dwellings=11999)
    foyer(2024, C2, beds=2, conv=2, construct=1976)         # qualifies by 2°
    foyer(2024, C2, beds=1, conv=2, construct=1977)         # does not: 2 beds -> 0, 11 999
    foyer(2024, C2, autonomous=1, dwellings=50, conv=2, construct=1977)   # not counted
    # ---------------------------------------------------------- département 02: years, owner/manager, groups
    D = org("D 1976/1977", "OPH", "02", group=G2)
    E = org("E gestionnaire", "ESH", "02", group=G2, acc="1")
    S = org("S SEM non agréée", "SEM", "02")
    for y in (2020, 2024):
        line(y, D, 1, dep="02", construct=1976, orig=1, conv=2)           # 2°
        line(y, D, 1, dep="02", construct=1977, orig=1, conv=2)           # no
        line(y, D, 1, dep="02", construct=1990, patr=1976, orig=2, conv=2)  # 2° (acquis-amélioré)
        line(y, D, 1, dep="02", construct=1980, patr=1977, orig=2, conv=2)  # no
        line(y, D, 1, dep="02", construct=1990, patr=1970, orig=3, conv=2)  # no (sans travaux)
        line(y, D, 1, dep="02", construct=1960, orig=1, conv=1)           # 1° only
        line(y, D, 1, manager=E, dep="02", construct=1950, conv=2)        # E: 2° (owner D counts)
        line(y, D, 1, manager=S, dep="02", construct=2000, conv=1)        # S not counting: nobody
        line(y, S, 1, manager=E, dep="02", construct=1950, conv=2)        # owner SEM: not 2°
        line(y, S, 2, manager=E, dep="02", construct=2005, conv=1)        # E: 1°
        line(y, S, 1, dep="02", construct=1950, conv=2)
    F = org("F SEM agréée du groupe G3", "SEM_AGREE", "02", group=G3)
    foyer(2020, F, autonomous=1, dwellings=12000)
    foyer(2024, F, autonomous=1, dwellings=12000)
    H = org("H sans parc", "OPH", "02", group=G4)          # unknown count
    # ---------------------------------------------------------- exemptions
    J = org("J accession 600", "OPH", "03", acc="1")        # alone in 03: both exemptions
    line(2020, J, 5, dep="03")
    line(2024, J, 600, dep="03", construct=2018, patr=2018)  # entered 2018..2023: 600
    line(2024, J, 1, dep="03", construct=2017, patr=2017)    # Y-7: not
    line(2024, J, 1, dep="03", construct=2024, patr=2024)    # Y: not
    K = org("K accession 601", "OPH", "05", acc="1")
    line(2024, K, 601, dep="05", construct=2023, patr=2023)
    line(2020, K, 3, dep="05")
    K2 = org("K2 SEM agréée hors groupe", "SEM_AGREE", "05")
    line(2024, K2, 3, dep="05")
    line(2020, K2, 3, dep="05")
    M = org("M seul avec une SEM", "OPH", "04")
    S2 = org("S2 SEM non agréée", "SEM", "04")
    line(2020, M, 2, dep="04")
    line(2024, M, 2, dep="04")
    line(2024, S2, 2, dep="04")
    N = org("N siège de groupe dans le département", "ESH", "06")
    line(2020, N, 2, dep="06")
    line(2024, N, 2, dep="06")
    O2 = org("O2 accession inconnue", "ESH", "07", acc="")
    line(2020, O2, 2, dep="07")
    line(2024, O2, 2, dep="07")
    # ---------------------------------------------------------- snapshots (département 08)
    P = org("P trois millésimes", "OPH", "08", group=G6)
    T = org("T géré seulement en 2020", "COOP", "08")
    line(2020, P, 3, dep="08")
    line(2020, P, 1, manager=T, dep="08")
    line(2024, P, 4, dep="08")
    P2 = org("P2 seulement dans le second fichier 2024", "COOP", "08")
    second_2024 = [(P, "", "08001", 1960, 1960, 1, 2),     # P's 2024 stock becomes this one line
                   (P2, "", "08001", 2000, 2000, 1, 1), (P2, "", "08001", 2001, 2001, 1, 1)]
    Q = org("Q seulement en 2020", "ESH", "08")
    R = org("R gère pour Q", "COOP", "08")
    line(2020, Q, 3, dep="08")
    line(2020, Q, 1, manager=R, dep="08", construct=1970, conv=2)
    U = org("U remplacé par son fichier", "ESH", "08")
    line(2024, U, 7, dep="08")                               # replaced by rpls-2024-U.csv (2 lines)
    line(2021, U, 3, dep="08")
    # ---------------------------------------------------------- L423-1 (département 09)
    L1 = org("L1 1499 et 499", "OPH", "09", loans="299", insuff="1")
    L2 = org("L2 1500", "OPH", "09", loans="0", insuff="1")
    L3 = org("L3 500 construits", "OPH", "09", loans="0", insuff="1")
    L4 = org("L4 300 prêts", "ESH", "09", loans="300", insuff="0")
    L5 = org("L5 faits inconnus", "ESH", "09", loans="", insuff="")
    L6 = org("L6 en groupe", "COOP", "09", group=G9, loans="0", insuff="1")
    L7 = org("L7 SEM agréée", "SEM_AGREE", "09", loans="0", insuff="1")
    for y in (2020, 2021):
        def built(o, n):
            line(y, o, n // 2, dep="09", construct=y - 10, orig=1)
            line(y, o, n - n // 2, dep="09", construct=y - 1, orig=1)

        built(L1, 499)
        line(y, L1, 500, dep="09", construct=y - 11, orig=1)   # 11 years: not
        line(y, L1, 500, dep="09", construct=y - 1, orig=4)    # VEFA: not built
        built(L2, 10)
        line(y, L2, 1490, dep="09", construct=1990)
        built(L3, 500)
        line(y, L3, 999, dep="09", construct=1990)
        for o in (L4, L5, L6, L7):
            line(y, o, 10, dep="09")
    # ---------------------------------------------------------- submission file (département 10)
    V = org("V dépose un fichier", "OPH", "10", rpls_number="010000001")
    W = org("W gère pour V", "ESH", "10", rpls_number="010000002")
    line(2024, V, 40, manager=W, dep="10", construct=1950, conv=2)   # replaced by V's .txt
    # ---------------------------------------------------------- references to nothing (département 11)
    X = org("X groupe inconnu", "OPH", "11", group=new_id())
    line(2020, X, 2, dep="11")
    line(2024, X, 2, dep="11")
    ghost = new_id()                                        # in no file
    line(2024, X, 2, manager=ghost, dep="11", construct=1960, conv=1)
    line(2024, X, 1, manager=new_id(), dep="11", construct=1960, conv=1)   # a second one
    foyer(2024, X, beds=30, manager=new_id())               # manager in no file
    line(2024, new_id(), 3, manager=X, dep="11", construct=1950, conv=2)   # owner in no file:
    # not of a counting kind, so X's 2° does not take them; X manages them
    # ---------------------------------------------------------- foyers year by year (département 13)
    Y = org("Y foyers 2020 seulement", "OPH", "13")
    line(2020, Y, 2, dep="13")
    line(2021, Y, 2, dep="13")                              # RPLS 2021, foyers still 2020
    foyer(2020, Y, beds=6)
    foyer(2025, Y, beds=3)                                  # foyers 2025, no RPLS 2025
    foyer(2019, Y, beds=3)                                  # foyers 2019, no RPLS 2019
    Z = org("Z SEM non agréée propriétaire de foyers", "SEM", "13")
    foyer(2020, Z, beds=9, manager=Y, conv=1)                # 1°: 3 for Y
    foyer(2020, Z, beds=30, manager=Y, conv=2, construct=1960)   # owner not counting: no
    foyer(2020, Y, autonomous=1, dwellings=7, conv=2, construct=1976)   # 2°: 7
    foyer(2020, Y, autonomous=1, dwellings=5, conv=2, construct=1977)   # no
    Z2 = org("Z2 sans parc, hors groupe", "ESH", "13")      # blocks Y's département exemption
    # ---------------------------------------------------------- 50 000 (1993 text), département 14
    BIG1 = org("BIG1 50000", "OPH", "14")
    BIG2 = org("BIG2 50001 dont un géré", "ESH", "14")
    BIG3 = org("BIG3 SEM agréée 50001", "SEM_AGREE", "14")
    line(2020, BIG1, 50000, dep="14", construct=1990)
    line(2020, BIG2, 50000, dep="14", construct=1990)
    line(2020, BIG1, 1, manager=BIG2, dep="14", construct=1990)   # BIG1 owns 50001, manages 50000
    line(2020, BIG3, 50001, dep="14", construct=1990)
    # ---------------------------------------------------------- managed vs owned (département 15)
    LN = org("LN possède 1499, gère 1500", "OPH", "15", loans="0", insuff="1")
    LO = org("LO possède 1500, gère 1499", "OPH", "15", loans="0", insuff="1")
    for y in (2020, 2021):
        line(y, LN, 1499, dep="15", construct=1990)
        line(y, LO, 1499, dep="15", construct=1990)
        line(y, LO, 1, manager=LN, dep="15", construct=1990)
    K3 = org("K3 accession 600 possédés, 5 gérés", "OPH", "05", acc="1")
    line(2024, K3, 600, dep="05", construct=2020, patr=2020)
    line(2024, K2, 5, manager=K3, dep="05", construct=2020, patr=2020)   # owned by K2: not K3's
    J2 = org("J2 accession 601 dont 1 géré par un autre", "ESH", "05", acc="1")
    line(2024, J2, 600, dep="05", construct=2020, patr=2020)
    line(2024, J2, 1, manager=K3, dep="05", construct=2020, patr=2020)   # still J2's: 601
    line(2024, K2, 2, dep="05", construct=1960, conv=2)     # SEM agréée owner: 2° holds
    JG2 = org("JG2 membre inconnu de G6, seul groupe du 06", "ESH", "06", group=G6)
    foyer(2024, K2, beds=30, manager=S2, conv=1)            # manager not counting: nobody
    foyer(2024, K2, beds=30, autonomous=1, dwellings=10, conv=1)   # 10 dwellings, beds not converted
    JG = org("JG membre de G6 dans le 03", "OPH", "03", group=G6)   # does not block J's exemption
    line(2020, JG, 2, dep="03")
    line(2024, JG, 2, dep="03")
    # ---------------------------------------------------------- more groups in département 02
    G13, G14 = new_id(), new_id()
    orgs.append([new_id(), "Membre non compté de G13", "SOC_COORDINATION", "02", G13, "", "", "", ""])
    org("SEM agréée sans parc de G14", "SEM_AGREE", "02", group=G14)
    groups.extend([
        [G13, "G13 sans membre compté", "SOC_COORDINATION", new_id(), "02"],
        [G14, "G14 SEM agréée inconnue", "SOC_COORDINATION", new_id(), "02"],
    ])
    groups.extend([
        [G2, "G2 trop petit", "SOC_COORDINATION", HEAD2, "02"],
        [G3, "G3 12000", "SOC_COORDINATION", HEAD3, "02"],
        [G4, "G4 membre inconnu", "CONTROL", H, "02"],
        [G6, "G6 seul dans le 06", "CONTROL", P, "06"],
        [G9, "G9 seul dans le 09", "CONTROL", L6, "09"],
        [G12, "G12 tête inconnue", "SOC_COORDINATION", new_id(), "12"],
    ])
    # the heads of G2, G3 exist (sociétés de coordination), G12's does not
    orgs.append([HEAD2, "Coordination G2", "SOC_COORDINATION", "02", G2, "", "", "", ""])
    orgs.append([HEAD3, "Coordination G3", "SOC_COORDINATION", "02", G3, "", "", "", ""])

    os.makedirs(d, exist_ok=True)

    def write(name, head, rows, eol="\n"):
        with open(os.path.join(d, name), "w", encoding="utf-8", newline="") as f:
            f.write(";".join(head) + eol)
            for r in rows:
                f.write(";".join(str(x) for x in r) + eol)

    write("organisms.csv", ORG_HEAD, orgs)
    write("groups.csv", ["id", "name", "kind", "head_id", "departement"], groups)
    write("foyers.csv", ["owner", "manager", "structure_id", "beds", "autonomous", "dwellings",
                         "conv", "construct", "year"], foyers)
    head = ["siren", "manager", "DEPCOM", "CONSTRUCT", "PATRIMOINE", "ORIGINE", "CONV"]
    for y, rows in rpls.items():
        if y == 2021:   # column `owner`, older names, another order, extra columns, CRLF
            write("rpls-2021.csv", ["CONV", "FINAN", "owner", "DEPCOM_CODE", "ORIGINE", "PATRIMOINE",
                                    "CONSTRUCT", "manager", "NBPIECE"],
                  [(r[6], 13, r[0], r[2], r[5], r[4], r[3], r[1], 3) for r in rows], eol="\r\n")
        else:
            write("rpls-%d.csv" % y, head, rows)
    # a second national file for 2024, imported after: replaces P's 2024 stock only
    write("rpls-2024-b2.csv", head, second_2024)
    # U's own 2024 file, without owner column (--owner): replaces its 7 lines by 2
    write("rpls-2024-%s.csv" % U, ["DEPCOM_CODE", "CONSTRUCT", "PATRIMOINE", "ORIGINE", "CONV"],
          [("08001", 1970, 1970, 1, 2), ("08001", 2001, 2001, 1, 1)])
    # V's 2024 submission file (64 positions; 26 CONSTRUCT, 28 PATRIMOINE, 29 ORIGINE,
    # 32 FINAN, 34 CONV, 35-36 convention, 53 manager's ministry number)
    sub = [  # (construct, patr, orig, conv, pos53)
        (1976, 1976, 1, 2, "010000002"),   # W, 2°
        (1977, 1977, 1, 2, "010000002"),   # W, nothing
        (2001, 2001, 1, 1, "010000002"),   # W, 1°
        (1970, 1970, 1, 2, ""),            # V, 2°
        (2010, 2010, 1, 1, "010000001"),   # V itself named
        (2011, 2011, 1, 1, "010999999"),   # a number no organism has: nobody's, UNKNOWN_REFERENCE
    ]
    lines = ["2024;010000001;V dépose un fichier;;Direction;;1 RUE DE LA PAIX;;10000 Aube;%s;%d;adversarial"
             % (siret(V), len(sub))]
    for k, (c, p, o, cv, m) in enumerate(sub, 1):
        pos = [""] * 64
        pos[0] = "%010d" % k
        pos[1] = "LGT%07d" % k
        pos[2] = "1"
        pos[3] = "10387"
        pos[4] = "10000"
        pos[5] = "TROYES"
        pos[21] = "2"
        pos[22] = "C"
        pos[23] = "3"
        pos[24] = "60"
        pos[25] = str(c)
        pos[26] = str(p)
        pos[27] = str(p)
        pos[28] = str(o)
        pos[31] = "99" if c < 1977 else "13"
        pos[33] = str(cv)
        if cv == 1:
            pos[34] = "10/%d/%04d" % (c, k)
            pos[35] = "01/01/%d" % max(c, 1978)
        pos[36] = "9"
        pos[39] = "1"
        pos[52] = m
        lines.append(";".join(pos))
    with open(os.path.join(d, "rpls-2024-%s.txt" % V), "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")           # CRLF


if __name__ == "__main__":
    gen(sys.argv[1])
