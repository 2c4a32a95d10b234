/*
 * cmd_demo.c: hlm demo — placeholder until the demo generator lands.
 */
#include "cli/cli.h"

int cmd_demo(cli_ctx *ctx, int argc, char **argv) {
  (void)ctx;
  (void)argc;
  (void)argv;
  fprintf(stderr, "hlm demo : générateur indisponible dans cette version\n");
  return EXIT_INTERNAL;
}
