/*
 * fuzz_replay.c: the plain driver that replays a fuzz corpus through a
 * LLVMFuzzerTestOneInput target without libFuzzer, so that the committed
 * corpus runs in every ctest run (under ASan/UBSan in build-asan).
 *
 * Usage: fuzz_replay FILE_OR_DIR...  (directories: every regular file)
 * Prints "N passed, 0 failed"; a crash is the failure.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long replayed;

/* Reads path whole (corpus files are small) and runs the target on it. */
static int replay_file(const char *path) {
  FILE *f = fopen(path, "rb");
  uint8_t *buf;
  long n;
  if (!f)
    return -1;
  if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
      fseek(f, 0, SEEK_SET) != 0) {
    fclose(f);
    return -1;
  }
  buf = malloc((size_t)n + 1);
  if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    fclose(f);
    return -1;
  }
  fclose(f);
  LLVMFuzzerTestOneInput(buf, (size_t)n);
  free(buf);
  replayed++;
  return 0;
}

int main(int argc, char **argv) {
  int i, bad = 0;
  for (i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) != 0) {
      fprintf(stderr, "%s : introuvable\n", argv[i]);
      bad++;
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      DIR *dir = opendir(argv[i]);
      struct dirent *de;
      while (dir && (de = readdir(dir)) != NULL) {
        char p[4096];
        struct stat fs;
        snprintf(p, sizeof p, "%s/%s", argv[i], de->d_name);
        if (stat(p, &fs) == 0 && S_ISREG(fs.st_mode) && replay_file(p) < 0)
          bad++;
      }
      if (dir)
        closedir(dir);
    } else if (replay_file(argv[i]) < 0) {
      bad++;
    }
  }
  printf("%ld passed, %d failed\n", replayed, bad);
  return bad ? 1 : 0;
}
