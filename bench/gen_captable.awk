# gen_captable.awk: a synthetic cap table of N SA d'HLM (ESH) for the votes
# benchmark, deterministic for a seed.  Writes organisms.csv, holdings.csv
# and statutes.csv into DIR.
#   awk -v n=230 -v seed=1 -v dir=out -f bench/gen_captable.awk
# Each ESH: a reference shareholder of 1 to 3 members (a pact when more
# than one) holding 55-80 % of the capital, 1 to 6 local authorities
# (category 2), three tenants with one share each (category 3), 0 to 40
# other holders (category 4, a quarter of them natural persons, holding
# together at most 4 % of the capital); statutes giving categories 2 and 3
# their legal minimum and the rest of B to category 2.

function luhn(p,    s, i, d, k) {     # the 9-digit SIREN with prefix p (8)
  for (k = 0; k <= 9; k++) {
    s = 0
    for (i = 1; i <= 9; i++) {
      d = (i <= 8 ? substr(p, i, 1) : k) + 0
      if ((9 - i) % 2 == 1) { d *= 2; if (d > 9) d -= 9 }
      s += d
    }
    if (s % 10 == 0) return p k
  }
}
function siren(    p) { return luhn(sprintf("%08d", 10000000 + (next_id++))) }
function ri(lo, hi) { return lo + int(rand() * (hi - lo + 1)) }
function dep(i,    d) { d = 1 + i % 94; return d >= 20 ? d + 1 : d } # no "20"

BEGIN {
  if (n == "") n = 230
  if (seed == "") seed = 1
  if (dir == "") dir = "."
  srand(seed)
  next_id = 1
  org = dir "/organisms.csv"; hold = dir "/holdings.csv"; st = dir "/statutes.csv"
  print "id;name;kind;departement;share_nominal_cents" > org
  print "company;holder;shares;category;holder_type;acquired;price_cents;pact_id" > hold
  print "company;cat2_votes;cat3_votes" > st
  # a pool of parent organisms and local authorities shared by the companies
  for (i = 0; i < 120; i++) {
    parent[i] = siren()
    printf "%s;Actionnaire %d;%s;%02d;\n", parent[i], i,
      (i % 3 == 0 ? "ACTION_LOGEMENT" : "ESH"), dep(i) >> org
  }
  for (i = 0; i < 300; i++) {
    local[i] = siren()
    printf "%s;Collectivité %d;LOCAL_AUTHORITY;;\n", local[i], i >> org
  }
  for (i = 0; i < 400; i++) {
    other[i] = siren()
    printf "%s;Investisseur %d;SEM;%02d;\n", other[i], i, dep(i) >> org
  }
  for (c = 0; c < n; c++) {
    co = siren()
    printf "%s;SA d'HLM %d;ESH;%02d;%d\n", co, c, dep(c), ri(1, 20) * 100 >> org
    S = ri(2000, 2000000)
    ref = int(S * ri(55, 80) / 100)
    persons_max = int(S * 4 / 100)
    nref = ri(1, 3); left = ref
    for (k = 0; k < nref; k++) {
      sh = (k == nref - 1) ? left : ri(1, left - (nref - k - 1))
      left -= sh
      printf "%s;%s;%d;1;;2010-01-01;%d;%s\n", co, parent[(c * 7 + k) % 120], sh,
        sh * 100, (nref > 1 ? "PACTE-" c : "") >> hold
    }
    rest = S - ref
    n2 = ri(1, 6); c2 = int(rest * ri(20, 60) / 100); if (c2 < n2) c2 = n2
    n4 = ri(0, 40); c4 = rest - c2 - 3
    if (n4 == 0) { c2 += c4; c4 = 0 }
    left = c2
    for (k = 0; k < n2; k++) {
      sh = (k == n2 - 1) ? left : ri(1, left - (n2 - k - 1))
      left -= sh
      printf "%s;%s;%d;2;;;;\n", co, local[(c * 11 + k) % 300], sh >> hold
    }
    for (k = 0; k < 3; k++)
      printf "%s;P:L%d-%d;1;3;PERSON;;;\n", co, c, k >> hold
    left = c4; pleft = persons_max - 3
    for (k = 0; k < n4; k++) {
      sh = (k == n4 - 1) ? left : ri(0, int(left / (n4 - k)) * 2)
      if (sh > left - (n4 - k - 1)) sh = left - (n4 - k - 1)
      if (sh < 1) sh = 1
      left -= sh
      if (k % 4 == 3 && sh <= pleft) {
        pleft -= sh
        printf "%s;P:%d-%d;%d;4;PERSON;;;\n", co, c, k, sh >> hold
      } else
        printf "%s;%s;%d;4;;;;\n", co, other[(c * 13 + k) % 400], sh >> hold
    }
    T = 10 * S; A = int(2 * T / 3) - 1; B = T - A
    printf "%s;%d;%d\n", co, B - S, S >> st
  }
}
