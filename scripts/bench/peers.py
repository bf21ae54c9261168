"""Reads every cell of a workbook with one Python peer, timing the read in-process
(interpreter start-up and imports excluded) and reporting peak RSS. Prints JSON."""
import json
import resource
import sys
import time


def calamine(path):
    from python_calamine import CalamineWorkbook
    rows = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()
    return sum(len(r) for r in rows)


def calamine_all(path):
    """Every sheet, as the .xls case needs (the 200,000 rows are on four sheets)."""
    from python_calamine import CalamineWorkbook
    book = CalamineWorkbook.from_path(path)
    return sum(len(r) for name in book.sheet_names for r in book.get_sheet_by_name(name).to_python())


def fastexcel(path):
    import fastexcel
    sheet = fastexcel.read_excel(path).load_sheet(0, header_row=None)
    table = sheet.to_arrow()
    return table.num_rows * table.num_columns


def openpyxl(path):
    import openpyxl as op
    wb = op.load_workbook(path, read_only=True, data_only=True)
    n = 0
    for row in wb.worksheets[0].iter_rows(values_only=True):
        n += len(row)
    return n


def pandas_html(path):
    """Every <table> of an HTML page, with lxml (read_html's fastest flavour)."""
    import pandas
    frames = pandas.read_html(path, flavor="lxml", header=None, encoding="utf-8")
    return sum(f.shape[0] * f.shape[1] for f in frames)


PEERS = {"pandas.read_html": pandas_html, "python-calamine": calamine, "python-calamine-all": calamine_all, "fastexcel": fastexcel,
         "openpyxl": openpyxl}

if __name__ == "__main__":
    name, path = sys.argv[1], sys.argv[2]
    # Import first, so that only the read is timed.
    {"python-calamine": lambda: __import__("python_calamine"), "python-calamine-all": lambda: __import__("python_calamine"),
     "fastexcel": lambda: (__import__("fastexcel"), __import__("pyarrow")),
     "openpyxl": lambda: __import__("openpyxl"), "pandas.read_html": lambda: (__import__("pandas"), __import__("lxml"))}[name]()
    start = time.perf_counter()
    cells = PEERS[name](path)
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cells": cells, "rss_mib": rss}))
