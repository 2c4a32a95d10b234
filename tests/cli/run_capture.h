/*
 * run_capture.h: runs a shell command line (the hlm program under test)
 * and keeps its standard output, for the CLI tests written in C.
 */
#ifndef HLM_TESTS_RUN_CAPTURE_H
#define HLM_TESTS_RUN_CAPTURE_H

/* Runs cmdline with popen (stderr is the caller's to redirect), stores
 * its whole stdout, NUL-terminated, in *out (free() it).  Returns the exit
 * code (128 when the command did not exit normally).  Exits the test
 * program with 4 when the command cannot be started or memory runs out. */
int run_capture(const char *cmdline, char **out);

#endif
