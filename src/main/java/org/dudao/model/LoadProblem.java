package org.dudao.model;

/** Something the loader could not take as it stood, with the place to look: file, sheet and cell. */
public record LoadProblem(Severity severity, String file, String sheet, String cell, String message) {
    public enum Severity {
        /** A value or row was not taken. */
        ERROR("错误"),
        /** Taken, but worth a look (an unknown column, a skipped sheet). */
        WARNING("警告");

        private final String label;

        Severity(String label) { this.label = label; }

        public String label() { return label; }
    }

    /**
     * Two different values for one entity, metric and year: an error at the later cell naming both
     * ({@code earlier} may be null when it was already withheld); neither value is used.
     */
    public static LoadProblem conflict(Metric earlier, Metric later) {
        Origin o = later.getOrigin();
        String msg = later.getEntityCode() + " " + later.getYear() + "年“" + later.getKey() + "”有两个不同的值："
                + (earlier == null ? "" : earlier.display() + "（" + earlier.getOrigin() + "）与 ") + later.display() + "（" + o
                + "）：两者均不采用，请核实";
        return new LoadProblem(Severity.ERROR, o.getFile(), o.getSheet(), o.getCell(), msg);
    }

    /**
     * A region whose 上级代码 names no region of the data read: a warning at its code's cell. A run workbook by
     * workbook finds the parent in another workbook and withdraws it.
     */
    public static LoadProblem orphan(Entity e) {
        Origin o = e.getOrigin();
        return new LoadProblem(Severity.WARNING, o.getFile(), o.getSheet(), o.getCell(), e.getLevel() + " " + e.getCode()
                + " 的上级 " + e.getParentCode() + " 不在所给数据中");
    }

    /** {@code 文件 表1!F12: 消息}, the form every problem is printed in. */
    public String describe() {
        StringBuilder b = new StringBuilder(file == null ? "" : file);
        if (sheet != null) b.append(' ').append(sheet);
        if (cell != null) b.append('!').append(cell);
        return b.append("：").append(message).toString();
    }
}
