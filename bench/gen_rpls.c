/*
 * gen_rpls.c: a small deterministic generator of a synthetic national RPLS
 * open-data file and its organisms.csv, for the benchmark (bench/run.sh)
 * and the tests, until `hlm demo --out` exists.
 *
 * Usage: gen_rpls OUTDIR DWELLINGS [SEED] [YEAR]
 * Writes OUTDIR/organisms.csv and OUTDIR/rpls.csv with the columns, in this
 * order, that `hlm demo --out` writes:
 *   siren;manager;DEPCOM;CODEPOSTAL;DROIT_CODE;TYPECONST_CODE;NBPIECE;
 *   SURFHAB;CONSTRUCT;LOCAT;PATRIMOINE;ORIGINE;FINAN_CODE;CONV;QPV_CODE;
 *   DPEENERGIE;DPESERRE
 * Organisms are 600 landlords with valid SIRENs; the lines of one owner
 * come together, in runs of one département, about 5 % of them managed by
 * one of three partner organisms (as in real files, where management for
 * another owner is rare and concentrated).  Values are drawn from the official code lists so
 * that every line is valid.  Nothing here is real data.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_ORGS 600

static uint64_t rng_state;

static uint32_t rnd(void) {
  /* xorshift64* */
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return (uint32_t)((rng_state * 0x2545F4914F6CDD1DULL) >> 32);
}

static uint32_t below(uint32_t n) { return rnd() % n; }

/* Appends the Luhn key to 8 digits. */
static void make_siren(uint32_t base, char out[10]) {
  int sum = 0, i, k;
  snprintf(out, 10, "%08u", base % 100000000u);
  for (i = 0; i < 8; i++) {
    int d = out[i] - '0';
    /* positions from the right, the key being position 0 */
    if ((8 - i) % 2 == 1) {
      d *= 2;
      if (d > 9)
        d -= 9;
    }
    sum += d;
  }
  k = (10 - sum % 10) % 10;
  out[8] = (char)('0' + k);
  out[9] = '\0';
}

static const char *const depts[] = {
    "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
    "13", "14", "15", "16", "17", "18", "19", "2A", "2B", "21", "22", "23",
    "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35",
    "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46", "47",
    "48", "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59",
    "60", "61", "62", "63", "64", "65", "66", "67", "68", "69", "70", "71",
    "72", "73", "74", "75", "76", "77", "78", "79", "80", "81", "82", "83",
    "84", "85", "86", "87", "88", "89", "90", "91", "92", "93", "94", "95"};
#define N_DEPTS (sizeof depts / sizeof depts[0])

static const int finans[] = {10, 11, 12, 13, 13, 13, 14, 15, 16, 17, 49,
                             50, 51, 52, 53, 54, 55, 99};
#define N_FINANS (sizeof finans / sizeof finans[0])

static const char *const kinds[] = {"OPH", "ESH", "ESH", "COOP", "SEM_AGREE",
                                    "SEM"};

int main(int argc, char **argv) {
  char path[4096], sirens[N_ORGS][10];
  long long n, i;
  int year, o;
  FILE *f;
  if (argc < 3) {
    fprintf(stderr, "usage : gen_rpls RÉPERTOIRE LOGEMENTS [GRAINE] "
                    "[ANNÉE]\n");
    return 2;
  }
  n = strtoll(argv[2], NULL, 10);
  rng_state = argc > 3 ? strtoull(argv[3], NULL, 10) * 2654435761u + 1 : 42;
  year = argc > 4 ? (int)strtol(argv[4], NULL, 10) : 2024;

  for (o = 0; o < N_ORGS; o++)
    make_siren(10000000u + (uint32_t)o * 7919u, sirens[o]);
  snprintf(path, sizeof path, "%s/organisms.csv", argv[1]);
  f = fopen(path, "w");
  if (!f) {
    perror(path);
    return 1;
  }
  fprintf(f, "id;name;kind;departement;group_id;rpls_number\n");
  for (o = 0; o < N_ORGS; o++)
    fprintf(f, "%s;Organisme %d;%s;%s;;R%08d\n", sirens[o], o,
            kinds[o % 6], depts[o % N_DEPTS], o);
  fclose(f);

  snprintf(path, sizeof path, "%s/rpls.csv", argv[1]);
  f = fopen(path, "w");
  if (!f) {
    perror(path);
    return 1;
  }
  setvbuf(f, NULL, _IOFBF, 1 << 20);
  fprintf(f, "siren;manager;DEPCOM;CODEPOSTAL;DROIT_CODE;TYPECONST_CODE;"
             "NBPIECE;SURFHAB;CONSTRUCT;LOCAT;PATRIMOINE;ORIGINE;FINAN_CODE;"
             "CONV;QPV_CODE;DPEENERGIE;DPESERRE\n");
  /* owners get a share of the lines that falls with their rank */
  {
    long long done = 0;
    double total_w = 0;
    for (o = 0; o < N_ORGS; o++)
      total_w += 1.0 / (1 + o % 97);
    for (o = 0; o < N_ORGS && done < n; o++) {
      long long share = (long long)((double)n * (1.0 / (1 + o % 97)) / total_w);
      const char *dep = depts[o % N_DEPTS];
      if (o == N_ORGS - 1 || done + share > n)
        share = n - done;
      for (i = 0; i < share; i++) {
        int cons = 1900 + (int)below((unsigned)(year - 1900));
        int patr = cons + (int)below((unsigned)(year - cons));
        int loc = cons + (int)below((unsigned)(patr - cons + 1));
        int com = 1 + (int)below(600);
        int fin = finans[below(N_FINANS)];
        /* about 5 % managed by one of three partner organisms */
        const char *mgr =
            below(20) == 0 ? sirens[(o + 1 + (int)below(3)) % N_ORGS] : "";
        if (below(50) == 0) /* move on to another département */
          dep = depts[below(N_DEPTS)];
        fprintf(f, "%s;%s;%s%03d;%c%c%03d;%u;%c;%u;%u;%d;%d;%d;%u;%d;%u;%u;"
                   "%c;%c\n",
                sirens[o], mgr, dep, com, dep[0],
                dep[1] == 'A' || dep[1] == 'B' ? '0' : dep[1], com % 100 * 10,
                1 + (below(10) == 0 ? below(5) : 0),
                below(4) == 0 ? 'I' : 'C', 1 + below(6), 20 + below(120),
                cons, loc, patr, 1 + below(4), fin, 1 + (below(10) == 0),
                1 + (below(5) != 0), (char)('A' + below(7)),
                (char)('A' + below(7)));
      }
      done += share;
    }
  }
  if (fclose(f) != 0) {
    perror(path);
    return 1;
  }
  return 0;
}
