/*
 * main.c: the hlm program: global options, the command table, help.
 *
 * hlm [--db PATH] COMMAND [ARGS]; see spec/cli.md.  The default store is
 * ./hlm.db, or $HLM_DB.  The as-of date defaults to today: the clock is
 * read here, once, and nowhere in the library.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"

#ifndef HLM_VERSION
#define HLM_VERSION "0.0.0"
#endif

static const cli_cmd commands[] = {
    {"import", cmd_import, "charger un fichier dans la base (atomique)",
     "Usage : hlm import TYPE FICHIER [--owner SIREN] [--year AAAA]\n"
     "                   [--max-errors N] [--ignore-unknown-columns]\n"
     "\n"
     "Charge FICHIER dans la base. L'import est atomique : au moindre défaut\n"
     "rien n'est écrit, et chaque erreur est signalée sous la forme\n"
     "fichier:ligne:colonne: champ: raison.\n"
     "\n"
     "TYPE : organisms, groups, foyers, rpls (et les fichiers du capital :\n"
     "voir « hlm import --help » plus bas).\n"
     "  rpls : fichier de dépôt RPLS (en-tête + lignes de 64 positions,\n"
     "         arrêté du 5 janvier 2010) ou données détaillées au logement\n"
     "         (colonnes nommées). Remplace, pour le millésime du fichier, le\n"
     "         parc de chaque propriétaire présent.\n"
     "\n"
     "Options :\n"
     "  --owner SIREN        propriétaire d'un fichier de données détaillées\n"
     "                       sans colonne siren\n"
     "  --year AAAA          millésime d'un fichier de données détaillées\n"
     "  --max-errors N       nombre maximal d'erreurs affichées (défaut 100)\n"
     "  --ignore-unknown-columns  ignorer les colonnes non définies\n"
     "\n"
     "Exemple :\n"
     "  hlm import organisms organisms.csv\n"
     "  hlm import rpls rpls2024.csv --year 2024\n"},
    {"rpls", cmd_rpls, "valider un fichier RPLS sans l'enregistrer",
     "Usage : hlm rpls validate FICHIER [--owner SIREN] [--year AAAA]\n"
     "                          [--max-errors N] [--threads N]\n"
     "\n"
     "Contrôle un fichier RPLS (format officiel, listes de codes, SIREN,\n"
     "codes communes, années) sans rien écrire dans la base. Signale chaque\n"
     "erreur avec sa position, puis affiche pour chaque organisme gestionnaire\n"
     "le décompte R411-6 que le fichier implique (logements gérés,\n"
     "conventionnés, antérieurs à 1977).\n"},
    {"count", cmd_count, "logements pris en compte (R411-6) par organisme",
     "Usage : hlm count [--organism SIREN] [--group ID] [--as-of DATE]\n"
     "\n"
     "Décompte, à la date, des logements gérés par chaque organisme et de\n"
     "ceux que retient l'article R411-6 (en vigueur au 1er janvier 2021) :\n"
     "1° logements conventionnés APL ; 2° logements d'organismes HLM ou de\n"
     "SEM agréées construits ou acquis-améliorés avant le 5 janvier 1977 ;\n"
     "logements-foyers à raison d'un logement pour trois lits (partie\n"
     "entière). Avant 2021 : décompte simple des logements gérés.\n"
     "Pour chaque propriétaire, le millésime RPLS retenu est le plus récent\n"
     "dont le 1er janvier précède la date.\n"},
    {"check", cmd_check, "appliquer toutes les règles en vigueur à la date",
     "Usage : hlm check [--organism SIREN] [--group ID] [--rule ID]\n"
     "                  [--as-of DATE]\n"
     "\n"
     "Applique chaque règle en vigueur à la date (voir hlm rules) et affiche\n"
     "les constats : violation, avertissement ou information, avec l'article\n"
     "qui les fonde. Code de sortie 1 si au moins une violation.\n"},
    {"explain", cmd_explain, "trace complète d'un constat ou d'un décompte",
     "Usage : hlm explain ID_CONSTAT\n"
     "        hlm explain --rule ID --organism SIREN [--as-of DATE]\n"
     "\n"
     "Affiche la trace complète d'un constat (son identifiant est donné par\n"
     "hlm check) ou de l'application d'une règle à un organisme : les faits\n"
     "retenus, chaque étape et l'article qui la fonde.\n"},
    {"rules", cmd_rules, "le registre des règles et leurs dates",
     "Usage : hlm rules [--as-of DATE]\n"
     "\n"
     "Liste les règles que hlm applique : identifiant, article, intitulé,\n"
     "premier et dernier jour d'application, date de la version du texte.\n"
     "Avec --as-of, seules les règles en vigueur à cette date.\n"},
    {"demo", cmd_demo, "jeu de données national synthétique",
     "Usage : hlm demo [--dwellings N] [--seed S] [--out DIR]\n"
     "\n"
     "Produit un jeu de données national synthétique et réaliste dans les\n"
     "formats officiels, déterministe pour une graine donnée (mêmes octets\n"
     "sur toute machine) :\n"
     "  organisms.csv  environ 640 organismes de toutes natures (OPH, ESH,\n"
     "                 coopératives, SEM agréées, sociétés de coordination…)\n"
     "  groups.csv     20 sociétés de coordination, 12 groupes de contrôle\n"
     "  foyers.csv     logements-foyers au 1er janvier 2020 et 2025\n"
     "  rpls-2020.csv, rpls-2025.csv  parc RPLS (données détaillées)\n"
     "  rpls-AAAA-SIREN.txt  quelques bailleurs en fichier de dépôt\n"
     "                 (arrêté du 5 janvier 2010)\n"
     "Sans --out, les fichiers sont chargés dans la base par les imports\n"
     "habituels ; avec --out, ils sont écrits dans DIR.\n"
     "\n"
     "Les seuils de la loi sont absolus (12 000, 1 500, 50 000 logements) :\n"
     "c'est à la taille nationale (--dwellings 5400000) que les constats\n"
     "ressemblent à la réalité ; plus petit, les organismes le sont aussi.\n"
     "\n"
     "Options :\n"
     "  --dwellings N   logements RPLS au 1er janvier 2025 (défaut\n"
     "                  1 000 000 ; de 1 000 à 20 000 000 ; le parc\n"
     "                  national : 5 400 000)\n"
     "  --seed S        graine (défaut 1)\n"
     "  --out DIR       écrire les fichiers dans DIR au lieu de charger la\n"
     "                  base\n"
     "\n"
     "Exemples :\n"
     "  hlm --db demo.db demo\n"
     "  hlm demo --dwellings 5400000 --seed 7 --out jeu-national\n"},
};

const cli_cmd *cli_commands(size_t *n) {
  *n = sizeof commands / sizeof commands[0];
  return commands;
}

const cli_cmd *cli_find(const char *name) {
  size_t i, n;
  const cli_cmd *c = cli_commands(&n);
  for (i = 0; i < n; i++)
    if (strcmp(c[i].name, name) == 0)
      return &c[i];
  return NULL;
}

static void usage(FILE *out) {
  size_t i, n;
  const cli_cmd *c = cli_commands(&n);
  fprintf(out,
          "hlm %s — le Code de la construction et de l'habitation appliqué "
          "aux organismes d'HLM\n\n"
          "Usage : hlm [--db CHEMIN] COMMANDE [ARGUMENTS]\n\nCommandes :\n",
          HLM_VERSION);
  for (i = 0; i < n; i++)
    fprintf(out, "  %-12s %s\n", c[i].name, c[i].summary_fr);
  fprintf(out,
          "\nOptions communes : --db CHEMIN, --as-of AAAA-MM-JJ, --format "
          "table|json|csv, --help.\n"
          "« hlm COMMANDE --help » détaille chaque commande.\n");
}

static hlm_date today(void) {
  time_t now = time(NULL);
  struct tm tm;
  localtime_r(&now, &tm);
  return hlm_date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int main(int argc, char **argv) {
  cli_ctx ctx;
  const cli_cmd *cmd;
  int i = 1;
  memset(&ctx, 0, sizeof ctx);
  ctx.prog = "hlm";
  ctx.db = getenv("HLM_DB") && *getenv("HLM_DB") ? getenv("HLM_DB")
                                                   : "hlm.db";
  ctx.as_of = today();
  ctx.tty = isatty(STDOUT_FILENO);
  ctx.progress = isatty(STDERR_FILENO);
  ctx.fmt = FMT_TABLE;

  /* global options before the command */
  while (i < argc && strncmp(argv[i], "--", 2) == 0) {
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      usage(stdout);
      return EXIT_OK_;
    }
    if (strcmp(argv[i], "--version") == 0) {
      printf("hlm %s (schéma de base %d)\n", HLM_VERSION,
             hlm_store_schema_version());
      return EXIT_OK_;
    }
    if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
      ctx.db = argv[i + 1];
      i += 2;
      continue;
    }
    if (strncmp(argv[i], "--db=", 5) == 0) {
      ctx.db = argv[i] + 5;
      i++;
      continue;
    }
    fprintf(stderr, "hlm : option globale inconnue « %s »\n", argv[i]);
    usage(stderr);
    return EXIT_USAGE;
  }
  if (i >= argc) {
    usage(stderr);
    return EXIT_USAGE;
  }
  if (strcmp(argv[i], "help") == 0) {
    if (i + 1 < argc && (cmd = cli_find(argv[i + 1])) != NULL) {
      char *a[] = {argv[i + 1], "--help", NULL};
      return cmd->fn(&ctx, 2, a);
    }
    usage(stdout);
    return EXIT_OK_;
  }
  cmd = cli_find(argv[i]);
  if (!cmd) {
    fprintf(stderr, "hlm : commande inconnue « %s »\n\n", argv[i]);
    usage(stderr);
    return EXIT_USAGE;
  }
  return cmd->fn(&ctx, argc - i, argv + i);
}
