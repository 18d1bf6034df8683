package io.h2mq.cli;

import java.io.PrintStream;
import java.util.List;

/** Rows in columns as wide as their widest cell; the figure columns, from {@code firstFigure} on, right-aligned. */
final class Table {
    private final List<String[]> rows;
    private final int firstFigure;

    Table(List<String[]> rows, int firstFigure) {
        this.rows = rows;
        this.firstFigure = firstFigure;
    }

    void print(PrintStream out) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row[c];
                String padding = " ".repeat(widths[c] - cell.length());
                line.append(c >= firstFigure ? padding + cell : cell + padding);
                line.append(c == columns - 1 ? "" : "  ");
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
