/*
 * money_fmt.h: output helpers shared by the money commands (hlm loans,
 * hlm levy, hlm costs): exact values in JSON, their rounded display for
 * people, and the French list of findings.
 */
#ifndef HLM_CLI_MONEY_FMT_H
#define HLM_CLI_MONEY_FMT_H

#include <jansson.h>
#include <stdio.h>

#include "hlm/hlm.h"

/* An exact value as JSON (spec "Precise readings"): an integer when the
 * text is a whole number, else the text itself (exact decimal "12.5" or
 * reduced fraction "1/3"); null when text is NULL. */
json_t *cli_json_exact(const char *text);

/* The exact text rounded half up to an integer (for display only); 0 on a
 * malformed text. */
long long cli_exact_round(const char *text);

/* An exact value counted in hundredths (cents, or basis points) shown in
 * units with two places, rounded half up: "123457" cents → "1 234,57"
 * (euros), "752.5" bp → "≈ 7,53" (%); "≈ " first when rounding changed
 * it; "—" for NULL. */
void cli_exact_fmt2(const char *text, char *out, size_t n);

#endif
