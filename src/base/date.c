/*
 * date.c: civil dates as day numbers (proleptic Gregorian calendar).
 *
 * days_from_civil / civil_from_days follow the well-known era-based
 * algorithm (400-year cycles of 146097 days); exact for every int32 date.
 */
#include <stdio.h>

#include "hlm/date.h"
#include "hlm/error.h"

hlm_date hlm_date_make(int y, int m, int d) {
  int era, yoe, doy, doe;
  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (hlm_date)(era * 146097 + doe - 719468);
}

void hlm_date_ymd(hlm_date t, int *y, int *m, int *d) {
  long z = (long)t + 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long yy = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long dd = doy - (153 * mp + 2) / 5 + 1;
  long mm = mp < 10 ? mp + 3 : mp - 9;
  if (y)
    *y = (int)(yy + (mm <= 2));
  if (m)
    *m = (int)mm;
  if (d)
    *d = (int)dd;
}

int hlm_date_year(hlm_date t) {
  int y;
  hlm_date_ymd(t, &y, NULL, NULL);
  return y;
}

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int hlm_date_days_in_month(int y, int m) {
  static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && is_leap(y))
    return 29;
  return dim[m - 1];
}

int hlm_date_valid(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
         d <= hlm_date_days_in_month(y, m);
}

int hlm_date_parse(const char *s, size_t len, hlm_date *out) {
  int v[3] = {0, 0, 0};
  static const int width[3] = {4, 2, 2};
  size_t i = 0;
  int k;
  if (len != 10)
    return HLM_EINPUT;
  for (k = 0; k < 3; k++) {
    int j;
    for (j = 0; j < width[k]; j++, i++) {
      if (s[i] < '0' || s[i] > '9')
        return HLM_EINPUT;
      v[k] = v[k] * 10 + (s[i] - '0');
    }
    if (k < 2) {
      if (s[i] != '-')
        return HLM_EINPUT;
      i++;
    }
  }
  if (!hlm_date_valid(v[0], v[1], v[2]))
    return HLM_EINPUT;
  *out = hlm_date_make(v[0], v[1], v[2]);
  return HLM_OK;
}

void hlm_date_format(hlm_date t, char out[11]) {
  int y, m, d;
  if (t == HLM_DATE_NONE) {
    out[0] = '\0';
    return;
  }
  hlm_date_ymd(t, &y, &m, &d);
  if (y < 0 || y > 9999) {
    out[0] = '\0';
    return;
  }
  out[0] = (char)('0' + y / 1000);
  out[1] = (char)('0' + y / 100 % 10);
  out[2] = (char)('0' + y / 10 % 10);
  out[3] = (char)('0' + y % 10);
  out[4] = '-';
  out[5] = (char)('0' + m / 10);
  out[6] = (char)('0' + m % 10);
  out[7] = '-';
  out[8] = (char)('0' + d / 10);
  out[9] = (char)('0' + d % 10);
  out[10] = '\0';
}

hlm_date hlm_date_add_months(hlm_date t, int n) {
  int y, m, d, dim;
  long idx;
  hlm_date_ymd(t, &y, &m, &d);
  idx = (long)y * 12 + (m - 1) + n;
  y = (int)(idx >= 0 ? idx / 12 : (idx - 11) / 12);
  m = (int)(idx - (long)y * 12) + 1;
  dim = hlm_date_days_in_month(y, m);
  if (d > dim)
    d = dim;
  return hlm_date_make(y, m, d);
}
