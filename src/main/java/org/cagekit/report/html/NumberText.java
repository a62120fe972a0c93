package org.cagekit.report.html;

import java.util.Locale;

/**
 * How table cells that hold numbers are shown: integers as written, other finite numbers with four
 * decimals (Locale.ROOT), anything else unchanged.
 */
final class NumberText {
    private NumberText() {}

    static boolean isNumber(String cell) {
        if (cell.isEmpty() || !cell.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?|NaN|[-+]?Infinity")) {
            return false;
        }
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String display(String cell) {
        if (!isNumber(cell) || cell.matches("[-+]?[0-9]+")) {
            return cell;
        }
        double value = Double.parseDouble(cell);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return cell;
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
