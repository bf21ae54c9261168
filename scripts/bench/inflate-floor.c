/* The floor for reading a sheet: inflate its zip entry with libzip, discard the bytes. */
#include <stdio.h>
#include <zip.h>

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: inflate-floor FILE ENTRY\n"); return 2; }
  int err = 0;
  zip_t *z = zip_open(argv[1], ZIP_RDONLY, &err);
  if (!z) { fprintf(stderr, "cannot open %s\n", argv[1]); return 1; }
  zip_file_t *f = zip_fopen(z, argv[2], 0);
  if (!f) { fprintf(stderr, "no entry %s\n", argv[2]); return 1; }
  static char buf[1 << 18];
  long long total = 0;
  zip_int64_t n;
  while ((n = zip_fread(f, buf, sizeof buf)) > 0) total += n;
  zip_fclose(f);
  zip_discard(z);
  printf("%lld\n", total);
  return n < 0;
}
