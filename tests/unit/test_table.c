/*
 * test_table.c: src/io/table.c and imports.c, the generic importer of the
 * project's files (formats.md), on organisms, groups and foyers, with a
 * temporary SQLite store: good rows land; any bad row means nothing is
 * written and every error is reported with its line, column and field.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "hlm/hlm.h"

typedef struct fixture {
  char dir[64];
  char db[128];
  char file[128];
  hlm_store *s;
} fixture;

static int setup(void **state) {
  fixture *fx = calloc(1, sizeof *fx);
  hlm_error e;
  if (!fx)
    return -1;
  strcpy(fx->dir, "/tmp/hlm_table_XXXXXX");
  if (!mkdtemp(fx->dir))
    return -1;
  snprintf(fx->db, sizeof fx->db, "%s/t.db", fx->dir);
  snprintf(fx->file, sizeof fx->file, "%s/in.csv", fx->dir);
  if (hlm_store_open(&fx->s, fx->db, &e) < 0)
    return -1;
  *state = fx;
  return 0;
}

static int teardown(void **state) {
  fixture *fx = *state;
  char p[160];
  hlm_store_close(fx->s);
  unlink(fx->file);
  unlink(fx->db);
  snprintf(p, sizeof p, "%s-wal", fx->db);
  unlink(p);
  snprintf(p, sizeof p, "%s-shm", fx->db);
  unlink(p);
  rmdir(fx->dir);
  free(fx);
  return 0;
}

/* Writes text to fx->file and imports it as kind; returns the status and
 * fills d (caller frees). */
static int import(fixture *fx, const char *kind, const char *text,
                  hlm_diags *d, hlm_import_report *rep) {
  FILE *fp = fopen(fx->file, "w");
  hlm_import_opts o;
  hlm_error e;
  const hlm_import_kind *k = hlm_import_kind_find(kind);
  assert_non_null(fp);
  assert_non_null(k);
  fputs(text, fp);
  fclose(fp);
  hlm_import_opts_init(&o);
  hlm_diags_init(d, o.max_errors);
  hlm_error_clear(&e);
  return k->run(fx->s, fx->file, &o, rep, d, &e);
}

static void load(fixture *fx, hlm_facts *f) {
  hlm_error e;
  hlm_date t;
  assert_int_equal(hlm_date_parse("2024-01-01", 10, &t), HLM_OK);
  assert_int_equal(hlm_store_load_facts(fx->s, t, f, &e), HLM_OK);
}

static const char ORGS[] =
    "id;name;kind;departement;group_id;rpls_number;accession_main_activity;"
    "loans_granted_10y;insufficient_mission_contribution\n"
    "552081317;Office « Sud »;OPH;13;G1;4471;0;12;1\n"
    "732829320;ESH Nord;ESH;59;;;;;\n";

static void test_organisms_land(void **state) {
  fixture *fx = *state;
  hlm_diags d;
  hlm_import_report rep;
  hlm_facts f;
  const hlm_organism *o;
  assert_int_equal(import(fx, "organisms", ORGS, &d, &rep), HLM_OK);
  assert_int_equal(d.total, 0);
  assert_int_equal(rep.rows, 2);
  hlm_diags_free(&d);
  load(fx, &f);
  assert_int_equal(f.n_orgs, 2);
  o = hlm_facts_org(&f, "552081317");
  assert_non_null(o);
  assert_string_equal(o->name, "Office « Sud »");
  assert_int_equal(o->kind, HLM_KIND_OPH);
  assert_string_equal(o->departement, "13");
  assert_string_equal(o->group_id, "G1");
  assert_string_equal(o->rpls_number, "4471");
  assert_int_equal(o->accession_main_activity, 0);
  assert_int_equal(o->loans_granted_10y, 12);
  assert_int_equal(o->insufficient_mission_contribution, 1);
  /* empty optional fields are unknown, never zero (formats.md) */
  o = hlm_facts_org(&f, "732829320");
  assert_int_equal(o->accession_main_activity, -1);
  assert_int_equal(o->loans_granted_10y, -1);
  assert_int_equal(o->insufficient_mission_contribution, -1);
  assert_string_equal(o->group_id, "");
  hlm_facts_clear(&f);
}

static void test_bad_row_writes_nothing(void **state) {
  fixture *fx = *state;
  hlm_diags d;
  hlm_import_report rep;
  hlm_facts f;
  /* first a good file, then a file whose second row is bad: the store
   * keeps exactly the first state */
  assert_int_equal(import(fx, "organisms", ORGS, &d, &rep), HLM_OK);
  hlm_diags_free(&d);
  assert_int_equal(
      import(fx, "organisms",
             "id;name;kind;departement\n"
             "443061841;Coop;COOP;69\n"
             "552081318;Mauvais;OPH;13\n"
             "123456782;Sans nature;XYZ;13\n"
             "987654324;Sans département;ESH;\n",
             &d, &rep),
      HLM_EINPUT);
  /* every error, with its place: line 3 SIREN key (column 1), line 4 kind
   * (column 23: after "123456782;Sans nature;"), line 5 département */
  assert_int_equal(d.total, 3);
  assert_int_equal(d.items[0].line, 3);
  assert_int_equal(d.items[0].column, 1);
  assert_string_equal(d.items[0].field, "id");
  assert_non_null(strstr(d.items[0].message, "Luhn"));
  assert_int_equal(d.items[1].line, 4);
  assert_string_equal(d.items[1].field, "kind");
  assert_int_equal(d.items[1].column, 23);
  assert_int_equal(d.items[2].line, 5);
  assert_string_equal(d.items[2].field, "departement");
  hlm_diags_free(&d);
  load(fx, &f);
  assert_int_equal(f.n_orgs, 2);
  assert_null(hlm_facts_org(&f, "443061841")); /* the good row did not land */
  hlm_facts_clear(&f);
}

static void test_header_errors(void **state) {
  fixture *fx = *state;
  hlm_diags d;
  hlm_import_report rep;
  assert_int_equal(import(fx, "organisms", "id;nom;kind\n", &d, &rep),
                   HLM_EINPUT);
  /* unknown column "nom" (typo protection), missing required "name" */
  assert_int_equal(d.total, 2);
  assert_non_null(strstr(d.items[0].message, "nom"));
  assert_string_equal(d.items[1].field, "name");
  hlm_diags_free(&d);
  assert_int_equal(import(fx, "organisms", "", &d, &rep), HLM_EINPUT);
  assert_int_equal(d.total, 1);
  hlm_diags_free(&d);
  /* a duplicate id inside one file */
  assert_int_equal(import(fx, "organisms",
                          "id;name;kind;departement\n"
                          "443061841;A;COOP;69\n443061841;B;COOP;69\n",
                          &d, &rep),
                   HLM_EINPUT);
  assert_int_equal(d.total, 1);
  assert_int_equal(d.items[0].line, 3);
  assert_non_null(strstr(d.items[0].message, "doublon"));
  hlm_diags_free(&d);
}

static void test_groups(void **state) {
  fixture *fx = *state;
  hlm_diags d;
  hlm_import_report rep;
  hlm_facts f;
  assert_int_equal(import(fx, "groups",
                          "id;name;kind;head_id;departement\r\n"
                          "G1;Groupe 1;SOC_COORDINATION;552081317;13\r\n"
                          "G2;Groupe 2;CONTROL;732829320;2A\r\n",
                          &d, &rep),
                   HLM_OK);
  hlm_diags_free(&d);
  load(fx, &f);
  assert_int_equal(f.n_groups, 2);
  assert_int_equal(hlm_facts_group(&f, "G1")->kind,
                   HLM_GROUP_SOC_COORDINATION);
  assert_string_equal(hlm_facts_group(&f, "G2")->departement, "2A");
  assert_string_equal(hlm_facts_group(&f, "G2")->head_id, "732829320");
  hlm_facts_clear(&f);
  assert_int_equal(import(fx, "groups",
                          "id;name;kind;head_id;departement\n"
                          "G3;Groupe 3;HOLDING;552081317;20\n",
                          &d, &rep),
                   HLM_EINPUT);
  assert_int_equal(d.total, 2); /* kind not in the list; 20 is no code */
  hlm_diags_free(&d);
  load(fx, &f);
  assert_int_equal(f.n_groups, 2);
  hlm_facts_clear(&f);
}

static void test_foyers_replace_sets(void **state) {
  fixture *fx = *state;
  hlm_diags d;
  hlm_import_report rep;
  hlm_facts f;
  static const char head[] =
      "owner;manager;structure_id;beds;autonomous;dwellings;conv;construct;"
      "year\n";
  char buf[512];
  snprintf(buf, sizeof buf,
           "%s552081317;;F1;30;0;;1;1990;2023\n"
           "552081317;732829320;F2;12;1;10;2;1970;2023\n"
           "552081317;;F1;31;0;;1;1990;2024\n",
           head);
  assert_int_equal(import(fx, "foyers", buf, &d, &rep), HLM_OK);
  hlm_diags_free(&d);
  load(fx, &f);
  assert_int_equal(f.n_foyers, 3);
  assert_int_equal(f.foyers[1].autonomous, 1);
  assert_int_equal(f.foyers[1].dwellings, 10);
  assert_string_equal(f.foyers[1].manager, "732829320");
  assert_int_equal(f.foyers[0].dwellings, -1);
  hlm_facts_clear(&f);
  /* a new file for (owner, 2023) replaces that set only */
  snprintf(buf, sizeof buf, "%s552081317;;F9;9;0;;1;2000;2023\n", head);
  assert_int_equal(import(fx, "foyers", buf, &d, &rep), HLM_OK);
  hlm_diags_free(&d);
  load(fx, &f);
  assert_int_equal(f.n_foyers, 2);
  assert_string_equal(f.foyers[0].structure_id, "F9");
  assert_int_equal(f.foyers[1].year, 2024);
  hlm_facts_clear(&f);
  /* autonomous without dwellings; construct after the year */
  snprintf(buf, sizeof buf,
           "%s552081317;;F1;9;1;;1;2000;2023\n"
           "552081317;;F2;9;0;;1;2025;2024\n",
           head);
  assert_int_equal(import(fx, "foyers", buf, &d, &rep), HLM_EINPUT);
  assert_int_equal(d.total, 2);
  assert_string_equal(d.items[0].field, "dwellings");
  assert_string_equal(d.items[1].field, "construct");
  hlm_diags_free(&d);
  load(fx, &f);
  assert_int_equal(f.n_foyers, 2);
  hlm_facts_clear(&f);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_organisms_land, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bad_row_writes_nothing, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_header_errors, setup, teardown),
      cmocka_unit_test_setup_teardown(test_groups, setup, teardown),
      cmocka_unit_test_setup_teardown(test_foyers_replace_sets, setup,
                                      teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
