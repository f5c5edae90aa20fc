package org.dudao.load;

/** What a sheet holds, recognised from its header columns rather than its name. */
enum SheetKind {
    REGION("地区表"), SCHOOL("学校表"), CLASS("班级表"), PARAMS("参数表");

    private final String label;

    SheetKind(String label) { this.label = label; }

    String label() { return label; }
}
