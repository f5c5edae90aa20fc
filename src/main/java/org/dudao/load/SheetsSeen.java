package org.dudao.load;

import org.dudao.model.LoadProblem.Severity;

import java.util.ArrayList;
import java.util.List;

/** The sheets of one workbook as read: a workbook none of whose sheets holds data says which sheets it has. */
final class SheetsSeen {
    private final List<SheetInterpreter> sheets = new ArrayList<>();

    SheetInterpreter add(SheetInterpreter sheet) {
        sheets.add(sheet);
        return sheet;
    }

    void report(String file, DatasetBuilder out) {
        if (sheets.isEmpty() || sheets.stream().anyMatch(SheetInterpreter::recognised)) return;
        List<String> names = sheets.stream().map(SheetInterpreter::sheet).toList();
        out.problem(Severity.WARNING, file, null, null, "工作簿中没有可识别的数据表（地区表、学校表、班级表须有“地区代码”或“学校代码”列，"
                + "参数表须有“参数名称”和“参数值”列）；其中的工作表：" + String.join("、", names));
    }
}
