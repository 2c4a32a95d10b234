# gen_financials.awk: a tiny deterministic generator of a national-size
# data set for the L423-14 levy (until `hlm demo` writes financials):
# N organisms (OPH, ESH, COOP, SEM_AGREE) with their financials.csv rows for
# the exercises Y-6 .. Y-1 of levy year Y.
#
#   awk -f bench/gen_financials.awk -v n=600 -v year=2012 -v seed=1 \
#       -v out=bench/out/levy
#
# Writes out/organisms.csv and out/financials.csv.  Integer arithmetic only
# (Park-Miller generator, products < 2^53, exact in awk).  The shape is
# meant to look like the 2011 national picture: about 4.5 million
# dwellings, most organisms with a modest potential per dwelling, a tail of
# rich ones, a few growing fast (their cap binds).
function rnd(m) {            # uniform integer in [0, m)
  state = (16807 * state) % 2147483647
  return state % m
}
function siren(i,    base, s, k, d, sum, dbl) {
  base = sprintf("%08d", 10000000 + i * 7)
  for (k = 0; k <= 9; k++) {
    s = base k; sum = 0
    for (d = 9; d >= 1; d--) {
      dbl = substr(s, d, 1) + 0
      if ((9 - d) % 2 == 1) { dbl *= 2; if (dbl > 9) dbl -= 9 }
      sum += dbl
    }
    if (sum % 10 == 0) return s
  }
}
BEGIN {
  if (n == "") n = 600
  if (year == "") year = 2012
  if (seed == "") seed = 1
  if (out == "") out = "bench/out/levy"
  state = seed * 7919 + 1
  orgs = out "/organisms.csv"
  fin = out "/financials.csv"
  print "id;name;kind;departement" > orgs
  print "organism;exercise;financial_potential_cents;dwellings;" \
        "dwellings_acquired_social;rents_cents;financial_income_cents" > fin
  split("OPH ESH ESH COOP SEM_AGREE", kinds, " ")
  for (i = 1; i <= n; i++) {
    id = siren(i)
    kind = kinds[1 + rnd(5)]
    dep = 1 + rnd(95)
    if (dep == 20) dep = 21 # no département 20 (2A, 2B)
    printf "%s;Organisme %d;%s;%02d\n", id, i, kind, dep > orgs
    # dwellings: 300 .. 40 000, skewed towards small organisms
    dw = 300 + rnd(2000)
    if (rnd(3) == 0) dw += rnd(12000)
    if (rnd(10) == 0) dw += rnd(28000)
    # potential per dwelling (cents): mostly 0 .. 3 000 €, a tail to 7 500 €
    pp = rnd(300000)
    if (rnd(4) == 0) pp += rnd(300000)
    if (rnd(20) == 0) pp += rnd(150000)
    # yearly growth in dwellings: 0 .. 3 %, a few 10 .. 25 %
    gr = rnd(300)
    if (rnd(25) == 0) gr = 1000 + rnd(1500)
    rent = 350000 + rnd(200000)    # rents per dwelling and year (cents)
    for (e = year - 6; e <= year - 1; e++) {
      acq = 0
      if (e > year - 6) {
        add = int(dw * gr / 10000)
        if (rnd(4) == 0) acq = int(add / 3)
        dw += add
      }
      pot = dw * (pp + rnd(20000))
      printf "%s;%d;%d;%d;%d;%d;%d\n", id, e, pot, dw, acq, dw * rent, \
        dw * rnd(3000) > fin
    }
  }
}
