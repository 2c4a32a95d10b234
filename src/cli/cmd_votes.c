/*
 * cmd_votes.c: hlm votes — the votes of the general meeting of an SA
 * d'HLM (L422-2-1, R422-1-1), for one company or for every ESH of the
 * store (spec/rules-capital-money.md, "SA d'HLM capital and votes").
 *
 * JSON for one company: {"company", "as_of", "total_votes", "categories":
 * [{"category", "shares", "votes"}], "holders": [{"holder", "category",
 * "shares", "votes"}], "ties": [[holder, …]], "trace"} plus "name",
 * "a_votes", "b_votes", "guarantee", "category_ties".  For every ESH:
 * {"as_of", "companies": [the same objects]}.  Unknown votes (categories 2
 * and 3 without statutory split) are null.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "hlm/capital_law.h"

static json_t *votes_or_null(int64_t v) {
  return v < 0 ? json_null() : json_integer(v);
}

static json_t *votes_json(const hlm_facts *f, const hlm_votes *v) {
  json_t *cats = json_array(), *holders = json_array(), *ties = json_array();
  json_t *cties = json_array();
  const hlm_organism *o = hlm_facts_org(f, v->company);
  char date[11];
  size_t i, k;
  int c;
  hlm_date_format(v->as_of, date);
  for (c = 1; c <= 4; c++)
    json_array_append_new(cats, cli_pack("{s:i, s:I, s:o}", "category", c,
                                          "shares",
                                          (json_int_t)v->cat_shares[c],
                                          "votes",
                                          votes_or_null(v->cat_votes[c])));
  for (i = 0; i < v->n_lines; i++) {
    const hlm_vote_line *l = &v->lines[i];
    json_array_append_new(
        holders, cli_pack("{s:s, s:i, s:I, s:o}", "holder", l->holder,
                           "category", l->category, "shares",
                           (json_int_t)l->shares, "votes",
                           votes_or_null(l->votes)));
  }
  for (i = 0; i < v->n_ties; i++) {
    json_t *g = json_array();
    for (k = 0; k < v->ties[i].n; k++)
      json_array_append_new(g,
                            json_string(v->lines[v->ties[i].idx[k]].holder));
    json_array_append_new(ties, g);
  }
  if (v->category_tie)
    json_array_append_new(cties, cli_pack("[i, i]", 1, 4));
  return cli_pack("{s:s, s:s, s:s, s:I, s:I, s:I, s:I, s:o, s:o, s:o, s:o, "
                   "s:b, s:o}",
                   "company", v->company, "name", o ? o->name : "", "as_of",
                   date, "shares", (json_int_t)v->shares, "total_votes",
                   (json_int_t)v->total_votes, "a_votes",
                   (json_int_t)v->a_votes, "b_votes", (json_int_t)v->b_votes,
                   "categories", cats, "holders", holders, "ties", ties,
                   "category_ties", cties, "guarantee", v->guarantee, "trace",
                   cli_json_trace(&v->trace));
}

static void votes_text(char *buf, size_t n, int64_t v) {
  if (v < 0)
    snprintf(buf, n, "inconnu");
  else
    cli_fmt_int(v, buf, n);
}

static void print_table(const hlm_facts *f, const hlm_votes *v) {
  static const char *cheads[] = {"catégorie", ">détenteurs", ">actions",
                                 ">voix"};
  static const char *hheads[] = {"détenteur", "catégorie", ">actions",
                                 ">voix"};
  static const char *catname[5] = {"", "1 (référence)", "2 (collectivités)",
                                   "3 (locataires)", "4 (autres)"};
  const hlm_organism *o = hlm_facts_org(f, v->company);
  cli_table t;
  char date[11], a[32], b[32], c[32], d[32];
  size_t i, k;
  int cat;
  hlm_date_format(v->as_of, date);
  cli_fmt_int(v->total_votes, a, sizeof a);
  cli_fmt_int(v->shares, b, sizeof b);
  printf("Voix en assemblée générale — %s (%s), au %s\n", o ? o->name : "",
         v->company, date);
  printf("Total : %s voix (%s actions × 10, R422-1-1 I)", a, b);
  cli_fmt_int(v->a_votes, a, sizeof a);
  cli_fmt_int(v->b_votes, b, sizeof b);
  printf(" ; catégories 1 et 4 : %s ; catégories 2 et 3 : %s\n\n", a, b);
  cli_table_init(&t, 4, cheads);
  for (cat = 1; cat <= 4; cat++) {
    snprintf(a, sizeof a, "%zu", v->cat_holders[cat]);
    cli_fmt_int(v->cat_shares[cat], b, sizeof b);
    votes_text(c, sizeof c, v->cat_votes[cat]);
    cli_table_row(&t, catname[cat], a, b, c);
  }
  cli_table_print(&t, stdout);
  cli_table_free(&t);
  printf("\n");
  cli_table_init(&t, 4, hheads);
  for (i = 0; i < v->n_lines; i++) {
    snprintf(a, sizeof a, "%d", v->lines[i].category);
    cli_fmt_int(v->lines[i].shares, b, sizeof b);
    votes_text(c, sizeof c, v->lines[i].votes);
    cli_table_row(&t, v->lines[i].holder, a, b, c);
  }
  cli_table_print(&t, stdout);
  cli_table_free(&t);
  if (v->guarantee)
    printf("\nGarantie de l'actionnaire de référence appliquée : la moitié "
           "des voix plus une, prise sur la catégorie 4 (R422-1-1 II).\n");
  if (v->category_tie)
    printf("\nÉgalité des restes entre les catégories 1 et 4 : la voix va à "
           "la catégorie 1 ; la loi veut un tirage au sort par huissier.\n");
  for (i = 0; i < v->n_ties; i++) {
    printf("\nÉgalité des restes (catégorie %d) : ", v->ties[i].category);
    for (k = 0; k < v->ties[i].n; k++)
      printf("%s%s", k ? ", " : "", v->lines[v->ties[i].idx[k]].holder);
    printf(" — tirage au sort par huissier requis ; hlm a servi l'ordre des "
           "identifiants.\n");
  }
  if (v->cat_votes[2] < 0) {
    printf("\nRépartition statutaire des catégories 2 et 3 inconnue "
           "(statutes.csv) : leurs voix ne sont pas calculées.\n");
  }
  cli_fmt_int(v->uncategorised, d, sizeof d);
  if (v->uncategorised)
    printf("\n%s actions sans catégorie : hors du calcul (donnée "
           "manquante).\n",
           d);
}

static void csv_rows(cli_table *t, const hlm_votes *v) {
  size_t i;
  for (i = 0; i < v->n_lines; i++) {
    char a[8], b[32], c[32];
    snprintf(a, sizeof a, "%d", v->lines[i].category);
    snprintf(b, sizeof b, "%lld", (long long)v->lines[i].shares);
    if (v->lines[i].votes < 0)
      c[0] = '\0';
    else
      snprintf(c, sizeof c, "%lld", (long long)v->lines[i].votes);
    cli_table_row(t, v->company, v->lines[i].holder, a, b, c);
  }
}

int cmd_votes(cli_ctx *ctx, int argc, char **argv) {
  const cli_cmd *cmd = cli_find("votes");
  const char *company = NULL;
  int all = 0, rc;
  const cli_arg spec[] = {
      {"all", NULL, &all}, {NULL, &company, NULL}, {NULL, NULL, NULL}};
  hlm_store *s = NULL;
  hlm_facts f;
  hlm_error e;
  size_t i, listed = 0, skipped = 0;
  hlm_holdings_index *ix = NULL;
  cli_table csv;
  static const char *csv_heads[] = {"société", "détenteur", "catégorie",
                                    "actions", "voix"};

  if ((rc = cli_args(ctx, cmd, argc, argv, spec)) != CLI_GO)
    return rc;
  if (all && company)
    return cli_usage(cmd, "donnez une société ou --all, pas les deux");
  if ((rc = cli_load_facts(ctx, &s, &f)) != 0)
    return rc;
  hlm_error_clear(&e);
  cli_table_init(&csv, 5, csv_heads);

  if (company) {
    hlm_votes v;
    rc = hlm_votes_compute(&f, company, ctx->as_of, &v, &e);
    if (rc < 0) {
      rc = cli_fail(&e);
    } else if (ctx->fmt == FMT_JSON) {
      rc = cli_json_out(votes_json(&f, &v));
    } else if (ctx->fmt == FMT_CSV) {
      csv_rows(&csv, &v);
      cli_table_csv(&csv, stdout);
      rc = EXIT_OK_;
    } else {
      print_table(&f, &v);
      if (hlm_holdings_count(&f, NULL, company, ctx->as_of))
        printf("\nConstats : hlm check --rule L422-2-1 --organism %s\n",
               company);
      rc = EXIT_OK_;
    }
    hlm_votes_clear(&v);
    goto done;
  }

  /* every ESH with a cap table at the date */
  {
    hlm_date from;
    hlm_date_parse(HLM_VOTES_FROM, strlen(HLM_VOTES_FROM), &from);
    if (ctx->as_of < from) {
      fprintf(stderr,
              "hlm votes : R422-1-1 (répartition des voix) n'est en vigueur "
              "qu'à partir du %s\n",
              HLM_VOTES_FROM);
      rc = EXIT_INPUT;
      goto done;
    }
  }
  if (hlm_holdings_index_new(&f, &ix) < 0) {
    fprintf(stderr, "hlm votes : mémoire insuffisante\n");
    rc = EXIT_INTERNAL;
    goto done;
  }
  if (ctx->fmt == FMT_JSON) {
    /* streamed, one company at a time: the document for every ESH of the
     * country stays small in memory */
    char date[11];
    hlm_date_format(ctx->as_of, date);
    printf("{\n \"as_of\": \"%s\",\n \"companies\": [", date);
  }
  for (i = 0; i < f.n_orgs; i++) {
    hlm_votes v;
    if (f.orgs[i].kind != HLM_KIND_ESH)
      continue;
    if (!hlm_holdings_count(&f, ix, f.orgs[i].id, ctx->as_of)) {
      skipped++;
      continue;
    }
    rc = hlm_votes_compute_ix(&f, ix, f.orgs[i].id, ctx->as_of, &v, &e);
    if (rc < 0) {
      hlm_votes_clear(&v);
      rc = cli_fail(&e);
      goto done;
    }
    listed++;
    if (ctx->fmt == FMT_JSON) {
      json_t *doc = votes_json(&f, &v);
      char *t = doc ? json_dumps(doc, JSON_INDENT(1) | JSON_PRESERVE_ORDER)
                    : NULL;
      json_decref(doc);
      if (!t || !cli_json_ok()) {
        free(t);
        hlm_votes_clear(&v);
        if (cli_json_ok())
          fprintf(stderr, "hlm votes : mémoire insuffisante\n");
        rc = EXIT_INTERNAL;
        goto done;
      }
      fputs(listed > 1 ? ",\n" : "\n", stdout);
      fputs(t, stdout);
      free(t);
    } else if (ctx->fmt == FMT_CSV) {
      csv_rows(&csv, &v);
    } else {
      if (listed > 1)
        printf("\n");
      print_table(&f, &v);
    }
    hlm_votes_clear(&v);
  }
  if (ctx->fmt == FMT_JSON) {
    printf("%s]\n}\n", listed ? "\n " : "");
    rc = EXIT_OK_;
  } else if (ctx->fmt == FMT_CSV) {
    cli_table_csv(&csv, stdout);
    rc = EXIT_OK_;
  } else {
    printf("%s%zu SA d'HLM%s", listed ? "\n" : "", listed,
           skipped ? "" : ".\n");
    if (skipped)
      printf(" ; %zu sans actionnariat connu à la date (holdings.csv).\n",
             skipped);
    rc = EXIT_OK_;
  }
done:
  hlm_holdings_index_free(ix);
  cli_table_free(&csv);
  hlm_facts_clear(&f);
  hlm_store_close(s);
  return rc;
}
