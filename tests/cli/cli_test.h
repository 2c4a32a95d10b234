/*
 * cli_test.h: what the CLI tests written in C share: running the hlm
 * program under test and keeping its standard output, and counting checks
 * and failures with a closing line the CI reads.
 */
#ifndef HLM_TESTS_CLI_TEST_H
#define HLM_TESTS_CLI_TEST_H

/* Runs cmdline with popen (stderr is the caller's to redirect), stores
 * its whole stdout, NUL-terminated, in *out (free() it).  Returns the exit
 * code (128 when the command did not exit normally).  Exits the test
 * program with 4 when the command cannot be started or memory runs out. */
int run_capture(const char *cmdline, char **out);

/* Counts one check; when ok is 0, prints "ÉCHEC : <message>" on stderr
 * and counts a failure. */
void ct_check(int ok, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A check that passed (ct_check(1, …) without a message). */
void ct_pass(void);
/* A failure of a check already counted: prints and counts it. */
void ct_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "N vérifications, N échecs" and returns the exit code (0 when no
 * check failed). */
int ct_summary(void);

#endif
