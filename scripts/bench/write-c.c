/* The floor for writing: the benchmark sheet written by a plain C program on
   libxlsxwriter in constant_memory mode. Usage: write-c OUT ROWS */
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

static const char *communes[] = {
  "Xã Tam Thanh", "Xã Tam Phú", "Xã Tam Thăng", "Xã Hòa Hương", "Xã Tân Thạnh", "Xã Trường Xuân", "Xã Điện Bàn",
  "Xã Duy Xuyên", "Xã Đại Lộc", "Xã Quế Sơn", "Xã Thăng Bình", "Xã Hiệp Đức", "Xã Tiên Phước", "Xã Phước Sơn",
  "Xã Nam Giang", "Xã Đông Giang", "Xã Tây Giang", "Xã Bắc Trà My", "Xã Nam Trà My", "Xã Nông Sơn", "Xã Phú Ninh",
  "Xã Núi Thành", "Xã Hội An", "Xã Tam Kỳ"};
static const char *kinds[] = {"Hộ nghèo", "Hộ cận nghèo", "Hộ mới thoát nghèo", "Hộ tái nghèo", "Hộ nghèo phát sinh"};
static const char *notes[] = {"Đã xác minh", "Cần bổ sung hồ sơ", "Hộ có người khuyết tật", "-"};

int main(int argc, char **argv) {
  if (argc != 3) return 64;
  long rows = atol(argv[2]);
  lxw_workbook_options options = {.constant_memory = 1};
  lxw_workbook *wb = workbook_new_opt(argv[1], &options);
  lxw_worksheet *ws = workbook_add_worksheet(wb, "Dữ liệu");
  lxw_format *base = workbook_add_format(wb);
  format_set_font_name(base, "Times New Roman");
  format_set_font_size(base, 12);
  lxw_format *pct = workbook_add_format(wb);
  format_set_font_name(pct, "Times New Roman");
  format_set_font_size(pct, 12);
  format_set_num_format(pct, "0.00%");
  lxw_format *date = workbook_add_format(wb);
  format_set_font_name(date, "Times New Roman");
  format_set_font_size(date, 12);
  format_set_num_format(date, "dd/mm/yyyy");
  char name[32];
  for (long r = 0; r < rows; r++) {
    worksheet_write_string(ws, r, 0, communes[r % 24], NULL);
    snprintf(name, sizeof name, "Hộ số %ld", r);
    worksheet_write_string(ws, r, 1, name, NULL);
    worksheet_write_string(ws, r, 2, kinds[r % 5], NULL);
    worksheet_write_number(ws, r, 3, r % 9 + 1, NULL);
    worksheet_write_number(ws, r, 4, (double)(r * 37 % 120000) / 100, NULL);
    worksheet_write_number(ws, r, 5, (double)(r % 10000) / 10000, pct);
    worksheet_write_number(ws, r, 6, 42370 + r % 1827, date);
    worksheet_write_number(ws, r, 7, 49000000 + r, NULL);
    worksheet_write_string(ws, r, 8, notes[r % 4], NULL);
    worksheet_write_number(ws, r, 9, r % 51 * 100000, NULL);
  }
  return workbook_close(wb);
}
