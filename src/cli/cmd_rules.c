/*
 * cmd_rules.c: hlm rules — the registry, as a table, JSON, CSV or a
 * Markdown catalogue (docs/rules.md is generated with --format md).
 */
#include <string.h>

#include "cli/cli.h"

int cmd_rules(cli_ctx *ctx, int argc, char **argv) {
  const cli_cmd *cmd = cli_find("rules");
  size_t n, i;
  const hlm_rule *r;
  const cli_arg spec[] = {{NULL, NULL, NULL}};
  int rc;
  if ((rc = cli_args(ctx, cmd, argc, argv, spec)) != CLI_GO)
    return rc;
  r = hlm_rules(&n);
  if (ctx->fmt == FMT_JSON) {
    json_t *a = json_array();
    for (i = 0; i < n; i++) {
      if (ctx->as_of_given && !hlm_rule_in_force(&r[i], ctx->as_of))
        continue;
      json_array_append_new(
          a, cli_pack("{s:s, s:s, s:s, s:s, s:o, s:s}", "id", r[i].id,
                       "article", r[i].article, "version", r[i].version,
                       "valid_from", r[i].valid_from, "valid_to",
                       r[i].valid_to[0] ? json_string(r[i].valid_to)
                                        : json_null(),
                       "title", r[i].title_fr));
    }
    return cli_json_out(cli_pack("{s:o}", "rules", a));
  }
  if (ctx->fmt == FMT_MD) {
    printf("# Catalogue des règles\n\nGénéré par `hlm rules --format md`.\n\n"
           "| id | article | version du texte | du | au | intitulé |\n"
           "|---|---|---|---|---|---|\n");
    for (i = 0; i < n; i++)
      printf("| %s | %s | %s | %s | %s | %s |\n", r[i].id, r[i].article,
             r[i].version, r[i].valid_from,
             r[i].valid_to[0] ? r[i].valid_to : "en vigueur", r[i].title_fr);
    return EXIT_OK_;
  }
  {
    static const char *heads[] = {"règle", "article", "version", "du", "au",
                                  "intitulé"};
    cli_table t;
    cli_table_init(&t, 6, heads);
    for (i = 0; i < n; i++) {
      if (ctx->as_of_given && !hlm_rule_in_force(&r[i], ctx->as_of))
        continue;
      cli_table_row(&t, r[i].id, r[i].article, r[i].version, r[i].valid_from,
                    r[i].valid_to[0] ? r[i].valid_to : "—", r[i].title_fr);
    }
    if (ctx->fmt == FMT_CSV)
      cli_table_csv(&t, stdout);
    else
      cli_table_print(&t, stdout);
    cli_table_free(&t);
  }
  return EXIT_OK_;
}
