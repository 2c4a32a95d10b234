/*
 * cmd_count.c: hlm count — the dwellings taken into account (R411-6) per
 * organism of the counting kinds, as of the date (spec/cli.md).
 */
#include <string.h>

#include "cli/cli.h"

int cmd_count(cli_ctx *ctx, int argc, char **argv) {
  const cli_cmd *cmd = cli_find("count");
  const char *only_org = NULL, *only_group = NULL;
  const cli_arg spec[] = {{"organism", &only_org, NULL},
                          {"group", &only_group, NULL},
                          {NULL, NULL, NULL}};
  hlm_store *s = NULL;
  hlm_facts f;
  hlm_count *c = NULL;
  hlm_error e;
  size_t i;
  int rc, millesime = 0, r411;
  char date[11];

  if ((rc = cli_args(ctx, cmd, argc, argv, spec)) != CLI_GO)
    return rc;
  if ((rc = cli_load_facts(ctx, &s, &f)) != 0)
    return rc;
  hlm_error_clear(&e);
  if (hlm_count_all(&f, ctx->as_of, HLM_COUNT_BY_DATE, &c, &e) < 0) {
    hlm_facts_clear(&f);
    hlm_store_close(s);
    return cli_fail(&e);
  }
  if ((only_org && !cli_known_org(cmd, &f, only_org, CLI_ORGANISM)) ||
      (only_group && !cli_known_group(cmd, &f, only_group))) {
    rc = EXIT_INPUT;
    goto done;
  }
  r411 = ctx->as_of >= hlm_date_make(2021, 1, 1);
  hlm_date_format(ctx->as_of, date);

  /* which organisms: the counting kinds (and the one asked for) */
#define WANTED(k)                                                              \
  ((only_org ? strcmp(f.orgs[k].id, only_org) == 0                             \
             : hlm_kind_is_counting(f.orgs[k].kind)) &&                        \
   (!only_group || strcmp(f.orgs[k].group_id, only_group) == 0))
  for (i = 0; i < f.n_orgs; i++)
    if (WANTED(i) && c[i].millesime > millesime)
      millesime = c[i].millesime;

  if (ctx->fmt == FMT_JSON) {
    json_t *arr = json_array();
    for (i = 0; i < f.n_orgs; i++) {
      const hlm_count *x = &c[i];
      int k = x->known, b = x->known && r411;
      if (!WANTED(i))
        continue;
      json_array_append_new(
          arr,
          cli_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
                    "id", f.orgs[i].id, "name", f.orgs[i].name, "kind",
                    hlm_kind_name(f.orgs[i].kind), "managed",
                    cli_json_int_or_null(k, x->managed), "conventionne",
                    cli_json_int_or_null(b, x->conventionne), "pre_1977_only",
                    cli_json_int_or_null(b, x->pre_1977_only), "foyer_beds",
                    cli_json_int_or_null(b, x->foyer_beds),
                    "foyer_equivalent",
                    cli_json_int_or_null(b, x->foyer_equivalent),
                    "foyer_autonomous",
                    cli_json_int_or_null(b, x->foyer_autonomous), "counted",
                    cli_json_int_or_null(k, x->counted), "trace",
                    cli_json_trace(&x->trace)));
    }
    rc = cli_json_out(cli_pack(
        "{s:s, s:s, s:o, s:o}", "as_of", date, "rule",
        r411 ? "R411-6" : "managed", "millesime",
        millesime ? json_integer(millesime) : json_null(), "organisms", arr));
    goto done;
  }
  {
    static const char *heads[] = {
        "SIREN",          "organisme", "nature",      ">gérés",
        ">conventionnés", ">av. 1977", ">lits foyers", ">équiv.",
        ">autonomes",     ">pris en compte"};
    cli_table t;
    int64_t total = 0;
    size_t unknown = 0, listed = 0;
    cli_table_init(&t, 10, heads);
    for (i = 0; i < f.n_orgs; i++) {
      const hlm_count *x = &c[i];
      char v[7][32];
      if (!WANTED(i))
        continue;
      listed++;
      if (!x->known) {
        unknown++;
        cli_table_row(&t, f.orgs[i].id, f.orgs[i].name,
                      hlm_kind_name(f.orgs[i].kind), "inconnu", "", "", "",
                      "", "", "inconnu");
        continue;
      }
      total += x->counted;
      cli_fmt_int(x->managed, v[0], 32);
      cli_fmt_int(x->conventionne, v[1], 32);
      cli_fmt_int(x->pre_1977_only, v[2], 32);
      cli_fmt_int(x->foyer_beds, v[3], 32);
      cli_fmt_int(x->foyer_equivalent, v[4], 32);
      cli_fmt_int(x->foyer_autonomous, v[5], 32);
      cli_fmt_int(x->counted, v[6], 32);
      cli_table_row(&t, f.orgs[i].id, f.orgs[i].name,
                    hlm_kind_name(f.orgs[i].kind), v[0], r411 ? v[1] : "—",
                    r411 ? v[2] : "—", r411 ? v[3] : "—", r411 ? v[4] : "—",
                    r411 ? v[5] : "—", v[6]);
    }
    if (ctx->fmt == FMT_CSV) {
      cli_table_csv(&t, stdout);
    } else {
      char tot[32];
      printf("Logements pris en compte au %s (%s), millésime RPLS %d\n\n",
             date,
             r411 ? "R411-6" : "décompte simple : R411-6 en vigueur au "
                               "1er janvier 2021",
             millesime);
      cli_table_print(&t, stdout);
      cli_fmt_int(total, tot, sizeof tot);
      printf("\n%zu organisme%s, %s logements pris en compte", listed,
             listed > 1 ? "s" : "", tot);
      if (unknown)
        printf(", %zu au décompte inconnu (aucun parc RPLS à la date)",
               unknown);
      printf(".\n");
    }
    cli_table_free(&t);
    rc = EXIT_OK_;
  }
done:
  hlm_counts_free(c, f.n_orgs);
  hlm_facts_clear(&f);
  hlm_store_close(s);
  return rc;
}
